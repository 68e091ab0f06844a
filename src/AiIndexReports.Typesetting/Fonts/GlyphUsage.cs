using System.Collections;

namespace AiIndexReports.Typesetting.Fonts;

/// <summary>
/// Glyph ids and code points each face draws in one document — the input of per-document subsetting — and the text
/// each glyph was drawn for (a glyph that is its cluster's only glyph), for the PDF's ToUnicode maps.
/// </summary>
internal sealed class GlyphUsage
{
    readonly Dictionary<FontFace, (BitArray Glyphs, HashSet<int> CodePoints, Dictionary<ushort, string> Texts)> _byFace = [];

    public IEnumerable<FontFace> Faces => _byFace.Keys;

    (BitArray Glyphs, HashSet<int> CodePoints, Dictionary<ushort, string> Texts) For(FontFace face)
    {
        if (!_byFace.TryGetValue(face, out var entry))
            _byFace[face] = entry = (new BitArray(65536), [], []);
        return entry;
    }

    /// <summary>
    /// A drawn run: its glyphs and the characters of their clusters (their cmap entries give Skia its ToUnicode), read
    /// the first time each glyph is seen. Clusters rise through a run (left-to-right text).
    /// </summary>
    public void Add(Frames.GlyphRunItem run)
    {
        var (glyphSet, codePoints, texts) = For(run.Face);
        var (glyphs, clusters, utf8) = (run.Glyphs, run.Clusters, run.Utf8);
        for (var g = 0; g < glyphs.Length; g++)
        {
            if (glyphSet[glyphs[g]]) continue;
            glyphSet[glyphs[g]] = true;
            var start = clusters[g];
            var end = (uint)utf8.Length;
            for (var k = g + 1; k < glyphs.Length; k++)
                if (clusters[k] != start) { end = clusters[k]; break; }
            if (end <= start) continue;
            var text = utf8.AsSpan((int)start, (int)(end - start));
            for (var rest = text; !rest.IsEmpty;)
            {
                System.Text.Rune.DecodeFromUtf8(rest, out var rune, out var consumed);
                codePoints.Add(rune.Value);
                rest = rest[consumed..];
            }
            var shared = (g > 0 && clusters[g - 1] == start) || (g + 1 < glyphs.Length && clusters[g + 1] == start);
            if (!shared) texts[glyphs[g]] = System.Text.Encoding.UTF8.GetString(text);
        }
    }

    /// <summary>Glyph id → the text it was drawn for, per face.</summary>
    public IReadOnlyDictionary<ushort, string> Texts(FontFace face) => For(face).Texts;

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
        var (glyphSet, codePoints, _) = For(face);
        var glyphs = new List<ushort> { 0 }; // .notdef is required in every font
        for (var g = 1; g < glyphSet.Length; g++)
            if (glyphSet[g]) glyphs.Add((ushort)g);
        var cps = codePoints.ToArray();
        Array.Sort(cps);
        return (cps, glyphs.ToArray());
    }
}
