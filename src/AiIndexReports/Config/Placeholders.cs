namespace AiIndexReports.Config;

/// <summary>
/// The <c>{name}</c> placeholders of the texts editors write in configuration files (output patterns, cover titles,
/// theme labels): checked when the file is read — an unknown name, a brace never closed or a control character is an
/// error at the value — so a typo such as <c>{idd}</c> never reaches a file name or a cover.
/// </summary>
public static class Placeholders
{
    /// <summary>Why <paramref name="text"/> cannot be filled with <paramref name="known"/> names, or null.</summary>
    public static string? Problem(string text, IReadOnlyCollection<string> known)
    {
        var knownText = string.Join(", ", known.Select(k => "{" + k + "}"));
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsControl(c))
                return $"contains the control character U+{(int)c:X4} at position {i + 1}";
            if (c == '}') return $"has a '}}' at position {i + 1} that closes no placeholder (placeholders: {knownText})";
            if (c != '{') continue;
            var close = text.IndexOf('}', i + 1);
            var next = text.IndexOf('{', i + 1);
            if (close < 0 || (next >= 0 && next < close))
                return $"has a '{{' at position {i + 1} that is never closed (placeholders: {knownText})";
            var name = text[(i + 1)..close];
            if (!known.Contains(name))
            {
                var nearest = NearestName.Find(name, known.ToList());
                return $"has an unknown placeholder {{{Echo.Clip(name)}}}" + (nearest is null ? "" : $" (did you mean {{{nearest}}}?)") + $"; known: {knownText}";
            }
            i = close;
        }
        return null;
    }

    /// <summary>Fills the placeholders of a checked text.</summary>
    public static string Fill(string text, IReadOnlyDictionary<string, string> values)
    {
        foreach (var (name, value) in values) text = text.Replace("{" + name + "}", value, StringComparison.Ordinal);
        return text;
    }
}
