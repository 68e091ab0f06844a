namespace AiIndexReports.Typesetting;

/// <summary>Why typesetting a document failed, written for the person who has to fix the input.</summary>
public class TypesettingException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>A font file is missing, unreadable or not a TrueType font the engine can embed.</summary>
public sealed class FontLoadException(string path, string problem, Exception? inner = null)
    : TypesettingException($"{path}: cannot load font: {problem}", inner)
{
    public string Path { get; } = path;
}

/// <summary>An element can never be placed, not even alone on an empty page.</summary>
public sealed class LayoutException(string message) : TypesettingException(message);

/// <summary>One character that no font of a style's family chain can draw.</summary>
public sealed record MissingGlyph(int CodePoint, string Text)
{
    public override string ToString() =>
        $"U+{CodePoint:X4} '{char.ConvertFromUtf32(CodePoint)}' in \"{Shorten(Text)}\"";

    static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "...";
}

/// <summary>Characters no font covers: drawing them would silently give boxes or nothing.</summary>
public sealed class MissingGlyphsException(IReadOnlyList<MissingGlyph> missing)
    : TypesettingException("No font in the family chain has these characters:" + Environment.NewLine
        + string.Join(Environment.NewLine, missing.Select(m => "  " + m)))
{
    public IReadOnlyList<MissingGlyph> Missing { get; } = missing;
}
