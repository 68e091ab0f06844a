using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using AiIndexReports.Typesetting.Fonts;
using AiIndexReports.Typesetting.Frames;

namespace AiIndexReports.Typesetting.Pdf;

/// <summary>
/// Text for glyphs that a font's cmap does not reach: tabular digits (OpenType tnum), Pretendard's contextual hyphens
/// and colons, ligatures. Skia builds each font's ToUnicode map from the cmap alone, so such glyphs would extract as
/// nothing (or, drawn as the plain glyph centred in the wider advance, as "1 7.3"). Layout knows what each glyph shows
/// — its cluster's text — and the finisher adds what the ToUnicode map lacks. PDF/A-2a and PDF/UA-1 both require
/// every glyph to map to Unicode.
/// </summary>
internal static partial class ToUnicodeCompletion
{
    /// <summary>PostScript name of each face drawn → glyph id → the text its cluster shows (one glyph per cluster).</summary>
    public static Dictionary<string, Dictionary<ushort, string>> GlyphTexts(IEnumerable<PageFrame> pages)
    {
        var byFace = new Dictionary<FontFace, Dictionary<ushort, string>>();
        foreach (var page in pages)
            foreach (var block in page.Blocks)
                foreach (var item in block.Items)
                {
                    if (item is not GlyphRunItem run) continue;
                    if (!byFace.TryGetValue(run.Face, out var texts)) byFace[run.Face] = texts = [];
                    for (var g = 0; g < run.Glyphs.Length; g++)
                    {
                        var start = run.Clusters[g];
                        if ((g > 0 && run.Clusters[g - 1] == start) || (g + 1 < run.Glyphs.Length && run.Clusters[g + 1] == start)) continue;
                        var end = (uint)run.Utf8.Length;
                        foreach (var c in run.Clusters) if (c > start && c < end) end = c;
                        if (end > start) texts.TryAdd(run.Glyphs[g], Encoding.UTF8.GetString(run.Utf8, (int)start, (int)(end - start)));
                    }
                }
        var result = new Dictionary<string, Dictionary<ushort, string>>();
        foreach (var (face, texts) in byFace)
            if (PostScriptName(face.FileBytes) is { } name)
            {
                if (result.TryGetValue(name, out var existing)) foreach (var (g, t) in texts) existing.TryAdd(g, t);
                else result[name] = texts;
            }
        return result;
    }

    /// <summary>The ToUnicode CMap with a bfchar entry added for every glyph in <paramref name="texts"/> it does not map.</summary>
    public static byte[] Complete(byte[] cmap, IReadOnlyDictionary<ushort, string> texts)
    {
        var text = Encoding.ASCII.GetString(cmap);
        var mapped = new HashSet<int>();
        foreach (Match m in BfChar().Matches(text))
            foreach (Match entry in HexPair().Matches(m.Groups[1].Value)) mapped.Add(Convert.ToInt32(entry.Groups[1].Value, 16));
        foreach (Match m in BfRange().Matches(text))
            foreach (Match entry in RangeEntry().Matches(m.Groups[1].Value))
                for (int g = Convert.ToInt32(entry.Groups[1].Value, 16), last = Convert.ToInt32(entry.Groups[2].Value, 16); g <= last; g++) mapped.Add(g);
        var missing = texts.Where(t => !mapped.Contains(t.Key)).OrderBy(t => t.Key).ToList();
        if (missing.Count == 0) return cmap;
        var added = new StringBuilder();
        foreach (var chunk in missing.Chunk(100)) // a bfchar block holds at most 100 entries
        {
            added.Append(chunk.Length.ToString(CultureInfo.InvariantCulture)).Append(" beginbfchar\n");
            foreach (var (glyph, value) in chunk)
                added.Append('<').Append(glyph.ToString("X4", CultureInfo.InvariantCulture)).Append("> <")
                    .Append(Convert.ToHexString(Encoding.BigEndianUnicode.GetBytes(value))).Append(">\n");
            added.Append("endbfchar\n");
        }
        var at = text.LastIndexOf("endcmap", StringComparison.Ordinal);
        if (at < 0) throw new InvalidDataException("a ToUnicode map without endcmap");
        return Encoding.ASCII.GetBytes(text[..at] + added + text[at..]);
    }

    [GeneratedRegex(@"beginbfchar(.*?)endbfchar", RegexOptions.Singleline)]
    private static partial Regex BfChar();
    [GeneratedRegex(@"<([0-9A-Fa-f]+)>\s*<[0-9A-Fa-f]*>")]
    private static partial Regex HexPair();
    [GeneratedRegex(@"beginbfrange(.*?)endbfrange", RegexOptions.Singleline)]
    private static partial Regex BfRange();
    [GeneratedRegex(@"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>")]
    private static partial Regex RangeEntry();

    /// <summary>The PostScript name (name id 6) from a TrueType file's name table, which Skia writes as /BaseFont.</summary>
    internal static string? PostScriptName(byte[] font)
    {
        static int U16(byte[] b, int at) => (b[at] << 8) | b[at + 1];
        var tables = U16(font, 4);
        for (var t = 0; t < tables; t++)
        {
            var record = 12 + t * 16;
            if (Encoding.ASCII.GetString(font, record, 4) != "name") continue;
            var table = (int)System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(font.AsSpan(record + 8));
            var count = U16(font, table + 2);
            var strings = table + U16(font, table + 4);
            string? mac = null;
            for (var i = 0; i < count; i++)
            {
                var r = table + 6 + i * 12;
                if (U16(font, r + 6) != 6) continue;
                var (platform, length, offset) = (U16(font, r), U16(font, r + 8), U16(font, r + 10));
                if (platform == 3) return Encoding.BigEndianUnicode.GetString(font, strings + offset, length);
                if (platform == 1) mac = Encoding.Latin1.GetString(font, strings + offset, length);
            }
            return mac;
        }
        return null;
    }
}
