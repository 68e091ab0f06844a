using System.Collections;

namespace AiIndexReports.Typesetting.Fonts;

/// <summary>Glyph ids and code points each face draws in one document: the input of per-document subsetting.</summary>
internal sealed class GlyphUsage
{
    readonly Dictionary<FontFace, (BitArray Glyphs, HashSet<int> CodePoints)> _byFace = [];

    public IEnumerable<FontFace> Faces => _byFace.Keys;

    (BitArray Glyphs, HashSet<int> CodePoints) For(FontFace face)
    {
        if (!_byFace.TryGetValue(face, out var entry))
            _byFace[face] = entry = (new BitArray(65536), []);
        return entry;
    }

    /// <summary>A drawn run: its glyphs, and the characters of its UTF-8 text (their cmap entries give the PDF its ToUnicode).</summary>
    public void Add(FontFace face, ReadOnlySpan<ushort> glyphs, ReadOnlySpan<byte> utf8)
    {
        var (glyphSet, codePoints) = For(face);
        foreach (var g in glyphs) glyphSet[g] = true;
        while (!utf8.IsEmpty)
        {
            System.Text.Rune.DecodeFromUtf8(utf8, out var rune, out var consumed);
            codePoints.Add(rune.Value);
            utf8 = utf8[consumed..];
        }
    }

    public void AddCodePoints(FontFace face, ReadOnlySpan<char> text) => AddText(For(face).CodePoints, text);

    static void AddText(HashSet<int> codePoints, ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length)
            {
                codePoints.Add(char.ConvertToUtf32(text[i], text[i + 1]));
                i++;
            }
            else codePoints.Add(text[i]);
        }
    }

    public (int[] CodePoints, ushort[] Glyphs) Get(FontFace face)
    {
        var (glyphSet, codePoints) = For(face);
        var glyphs = new List<ushort> { 0 }; // .notdef is required in every font
        for (var g = 1; g < glyphSet.Length; g++)
            if (glyphSet[g]) glyphs.Add((ushort)g);
        var cps = codePoints.ToArray();
        Array.Sort(cps);
        return (cps, glyphs.ToArray());
    }
}
