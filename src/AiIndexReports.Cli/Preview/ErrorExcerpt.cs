using AiIndexReports.Config;

namespace AiIndexReports.Cli.Preview;

/// <summary>
/// The line an error points at, for the overlay: read from the template or data file it names (only files inside
/// templates/ or data/, through <see cref="InputRoot"/>, as every input), with the column for the caret. A template
/// error's message already quotes the line for the terminal ("    7 | …" and a caret line): that part is dropped from
/// the message, since the overlay draws its own.
/// </summary>
internal static class ErrorExcerpt
{
    /// <summary>Longest file read for an excerpt: a data table can be large; the line is found by reading up to it.</summary>
    private const long MaxBytes = 64L << 20;

    /// <summary>Longest line shown (a minified CSV row would fill the screen).</summary>
    private const int MaxLineChars = 400;

    public static (string Message, ExcerptDto? Excerpt) Of(string root, Diagnostic d)
    {
        var lines = d.Message.ReplaceLineEndings("\n").Split('\n');
        // The terminal's quote of the line: "    7 | text" then "      | ^".
        var kept = lines.TakeWhile(l => !IsQuote(l)).ToList();
        var message = string.Join("\n", kept).TrimEnd();
        if (d.Location is not { Line: > 0 } at) return (message, null);
        var text = LineOf(root, at.File, at.Line);
        if (text is null) return (message, null);
        // A table's locations count columns as fields (the 6th value of the row), templates' as characters.
        var column = at.File.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? FieldStart(text, at.Column) : at.Column;
        return (message, new ExcerptDto(at.Line, text, Math.Max(0, column)));
    }

    /// <summary>The 1-based character column where field <paramref name="field"/> (1-based) of a CSV line starts; 0 if there is none.</summary>
    private static int FieldStart(string line, int field)
    {
        if (field <= 1) return field;
        var quoted = false;
        for (int i = 0, seen = 1; i < line.Length; i++)
        {
            if (line[i] == '"') quoted = !quoted;
            else if (line[i] == ',' && !quoted && ++seen == field) return i + 2;
        }
        return 0;
    }

    private static bool IsQuote(string line)
    {
        var t = line.TrimStart();
        var bar = t.IndexOf('|', StringComparison.Ordinal);
        return line.StartsWith("    ", StringComparison.Ordinal) && bar >= 0 && t[..bar].Trim().All(char.IsAsciiDigit);
    }

    /// <summary>Line <paramref name="number"/> (1-based) of a repository file under templates/ or data/, or null.</summary>
    private static string? LineOf(string root, string repoPath, int number)
    {
        var path = repoPath.Replace('\\', '/');
        if (!path.StartsWith("templates/", StringComparison.Ordinal) && !path.StartsWith("data/", StringComparison.Ordinal)) return null;
        var input = InputRoot.ForRepoPath(root, path, out var relative);
        var resolved = input.Resolve(relative, MaxBytes);
        if (resolved.File is not { } file) return null;
        try
        {
            using var reader = new StreamReader(InputRoot.OpenRead(file), System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            for (var i = 1; reader.ReadLine() is { } line; i++)
                if (i == number) return line.Length <= MaxLineChars ? line : line[..MaxLineChars] + "…";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
        return null;
    }
}
