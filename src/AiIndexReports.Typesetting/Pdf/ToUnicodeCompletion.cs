using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using AiIndexReports.Typesetting.Fonts;

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
    public static Dictionary<string, IReadOnlyDictionary<ushort, string>> GlyphTexts(GlyphUsage usage)
    {
        var result = new Dictionary<string, IReadOnlyDictionary<ushort, string>>();
        foreach (var face in usage.Faces)
            if (PostScriptName(face.FileData) is { } name)
            {
                if (result.TryGetValue(name, out var existing))
                    result[name] = existing.Concat(usage.Texts(face)).GroupBy(t => t.Key).ToDictionary(g => g.Key, g => g.First().Value);
                else result[name] = usage.Texts(face);
            }
        return result;
    }

    /// <summary>
    /// The ToUnicode CMap rewritten with every glyph of <paramref name="texts"/> mapped to the text it was drawn for;
    /// Skia's entries stay for the other glyphs. (Skia reads the map off the cmap: a tabular digit comes back as the
    /// private-use code point the font also maps to it, or as U+0000.)
    /// </summary>
    public static byte[] Complete(byte[] cmap, IReadOnlyDictionary<ushort, string> texts)
    {
        var text = Encoding.ASCII.GetString(cmap);
        var map = new SortedDictionary<int, string>();
        foreach (Match block in BfChar().Matches(text))
            foreach (Match entry in HexPair().Matches(block.Groups[1].Value))
                map[Convert.ToInt32(entry.Groups[1].Value, 16)] = entry.Groups[2].Value;
        foreach (Match block in BfRange().Matches(text))
            foreach (Match entry in RangeEntry().Matches(block.Groups[1].Value))
            {
                int first = Convert.ToInt32(entry.Groups[1].Value, 16), last = Convert.ToInt32(entry.Groups[2].Value, 16);
                var targets = entry.Groups[3].Success
                    ? HexValue().Matches(entry.Groups[3].Value).Select(m => m.Groups[1].Value).ToList()
                    : Enumerable.Range(0, last - first + 1).Select(i => (Convert.ToInt32(entry.Groups[4].Value, 16) + i).ToString("X4", CultureInfo.InvariantCulture)).ToList();
                for (var g = first; g <= last && g - first < targets.Count; g++) map[g] = targets[g - first];
            }
        foreach (var (glyph, value) in texts) map[glyph] = Convert.ToHexString(Encoding.BigEndianUnicode.GetBytes(value));

        var output = new StringBuilder()
            .Append("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n")
            .Append("/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n")
            .Append("/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n")
            .Append("1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
        foreach (var chunk in map.Where(m => m.Value.Trim('0').Length > 0).Chunk(100)) // a block holds at most 100 entries
        {
            output.Append(chunk.Length.ToString(CultureInfo.InvariantCulture)).Append(" beginbfchar\n");
            foreach (var (glyph, value) in chunk)
                output.Append('<').Append(glyph.ToString("X4", CultureInfo.InvariantCulture)).Append("> <").Append(value).Append(">\n");
            output.Append("endbfchar\n");
        }
        output.Append("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
        return Encoding.ASCII.GetBytes(output.ToString());
    }

    [GeneratedRegex(@"beginbfchar(.*?)endbfchar", RegexOptions.Singleline)]
    private static partial Regex BfChar();
    [GeneratedRegex(@"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]*)>")]
    private static partial Regex HexPair();
    [GeneratedRegex(@"beginbfrange(.*?)endbfrange", RegexOptions.Singleline)]
    private static partial Regex BfRange();
    [GeneratedRegex(@"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(?:\[([^\]]*)\]|<([0-9A-Fa-f]+)>)")]
    private static partial Regex RangeEntry();
    [GeneratedRegex(@"<([0-9A-Fa-f]*)>")]
    private static partial Regex HexValue();

    /// <summary>The PostScript name (name id 6) from a TrueType file's name table, which Skia writes as /BaseFont.</summary>
    internal static string? PostScriptName(ReadOnlySpan<byte> font)
    {
        static int U16(ReadOnlySpan<byte> b, int at) => (b[at] << 8) | b[at + 1];
        var tables = U16(font, 4);
        for (var t = 0; t < tables; t++)
        {
            var record = 12 + t * 16;
            if (!font.Slice(record, 4).SequenceEqual("name"u8)) continue;
            var table = (int)System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(font[(record + 8)..]);
            var count = U16(font, table + 2);
            var strings = table + U16(font, table + 4);
            string? mac = null;
            for (var i = 0; i < count; i++)
            {
                var r = table + 6 + i * 12;
                if (U16(font, r + 6) != 6) continue;
                var (platform, length, offset) = (U16(font, r), U16(font, r + 8), U16(font, r + 10));
                if (platform == 3) return Encoding.BigEndianUnicode.GetString(font.Slice(strings + offset, length));
                if (platform == 1) mac = Encoding.Latin1.GetString(font.Slice(strings + offset, length));
            }
            return mac;
        }
        return null;
    }
}
