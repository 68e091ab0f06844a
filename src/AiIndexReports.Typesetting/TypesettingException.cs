namespace AiIndexReports.Typesetting;

/// <summary>Why typesetting a document failed, written for the person who has to fix the input.</summary>
public class TypesettingException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>A font file is missing, unreadable or not a TrueType font the engine can embed.</summary>
public sealed class FontLoadException(string path, string problem, Exception? inner = null)
    : TypesettingException($"{path}: cannot load font: {problem}", inner)
{
    public string Path { get; } = path;
}

/// <summary>
/// A font that loads but would draw used characters as nothing: glyphs without outlines where the character has ink
/// (a damaged loca or glyf table). <see cref="Path"/> names the font as it was added to the library.
/// </summary>
public sealed class DamagedFontException(string path, string problem) : TypesettingException($"{path}: {problem}")
{
    public string Path { get; } = path;
    public string Problem { get; } = problem;
}

/// <summary>An element can never be placed, not even alone on an empty page.</summary>
public sealed class LayoutException(string message) : TypesettingException(message);

/// <summary>One character that no font of a style's family chain can draw.</summary>
/// <param name="Source">the <see cref="Elements.Element.Source"/> of the element that holds it, when its composer set one</param>
public sealed record MissingGlyph(int CodePoint, string Text, string? Source = null)
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
