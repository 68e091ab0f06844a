using System.Buffers.Binary;

namespace AiIndexReports.Typesetting.Fonts;

/// <summary>
/// A copy of a TrueType font without the outlines of its glyphs, except a few it is asked to keep, and every other
/// table as it was: the same glyph ids, advances (hmtx), cmap, names and metrics. The PDF exporter draws with it, so
/// that Skia, which compresses each embedded font program on the critical path, has almost nothing to compress; the
/// finisher then embeds the real subset in its place (<see cref="Pdf.FontProgram"/>). Everything Skia writes from the
/// font comes from tables this copy keeps, except its guesses from outlines — the stem width (StemV) from the glyphs
/// of i, I, ! and 1, the cap height of fonts without one (from M and X) — which is why those glyphs are kept.
/// </summary>
public static class OutlineFreeFont
{
    /// <summary>The characters whose outlines Skia measures for the font descriptor.</summary>
    public const string MeasuredCharacters = "iI!1MX";

    private static readonly uint Glyf = TableTag.Of("glyf"), Loca = TableTag.Of("loca"), Head = TableTag.Of("head"), Maxp = TableTag.Of("maxp");

    /// <summary>The font with only the outlines of <paramref name="kept"/> (and the glyphs they are composed of).</summary>
    /// <exception cref="InvalidDataException">not a TrueType font with glyf, loca, head and maxp tables</exception>
    public static byte[] Of(byte[] font, IEnumerable<ushort>? kept = null)
    {
        if (font.Length < 12) throw new InvalidDataException("not a TrueType font: shorter than its header");
        var count = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(4));
        if (font.Length < 12 + count * 16) throw new InvalidDataException("not a TrueType font: its table directory runs past the end");
        var tables = new (uint Tag, int Offset, int Length)[count];
        for (var i = 0; i < count; i++)
        {
            var record = font.AsSpan(12 + i * 16, 16);
            tables[i] = (BinaryPrimitives.ReadUInt32BigEndian(record), (int)BinaryPrimitives.ReadUInt32BigEndian(record[8..]),
                (int)BinaryPrimitives.ReadUInt32BigEndian(record[12..]));
            if (tables[i].Offset < 0 || tables[i].Length < 0 || (long)tables[i].Offset + tables[i].Length > font.Length)
                throw new InvalidDataException("not a TrueType font: a table runs past the end");
        }
        (int Offset, int Length) Table(uint tag)
        {
            foreach (var t in tables) if (t.Tag == tag) return (t.Offset, t.Length);
            throw new InvalidDataException("not a TrueType font with outlines: glyf, loca, head or maxp is missing");
        }
        var (glyf, loca, head, maxp) = (Table(Glyf), Table(Loca), Table(Head), Table(Maxp));
        if (head.Length < 54 || maxp.Length < 6) throw new InvalidDataException("not a TrueType font: head or maxp is too short");
        var longOffsets = BinaryPrimitives.ReadInt16BigEndian(font.AsSpan(head.Offset + 50)) == 1;
        var glyphCount = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(maxp.Offset + 4));
        if (loca.Length < (glyphCount + 1) * (longOffsets ? 4 : 2)) throw new InvalidDataException("not a TrueType font: loca is too short");
        // A glyph's bytes in glyf (offset into the file, length); an entry that points outside glyf counts as empty.
        (int Start, int Length) Glyph(int id)
        {
            int At(int i) => longOffsets
                ? (int)BinaryPrimitives.ReadUInt32BigEndian(font.AsSpan(loca.Offset + i * 4))
                : BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(loca.Offset + i * 2)) * 2;
            var (start, end) = (At(id), At(id + 1));
            return start >= 0 && start <= end && end <= glyf.Length ? (glyf.Offset + start, end - start) : (0, 0);
        }

        // The kept glyphs and, for composite ones, their components.
        var keep = new SortedSet<int>();
        var pending = new Stack<int>((kept ?? []).Where(g => g < glyphCount).Select(g => (int)g));
        while (pending.Count > 0)
        {
            var id = pending.Pop();
            if (!keep.Add(id)) continue;
            var (start, length) = Glyph(id);
            foreach (var component in Components(font.AsSpan(start, length)))
                if (component < glyphCount) pending.Push(component);
        }

        // New glyf: the kept glyphs, each 4-byte aligned; new loca: the same format, every other glyph empty.
        var newGlyf = new List<byte>();
        var newLoca = new byte[loca.Length];
        for (var id = 0; id <= glyphCount; id++)
        {
            if (longOffsets) BinaryPrimitives.WriteUInt32BigEndian(newLoca.AsSpan(id * 4), (uint)newGlyf.Count);
            else BinaryPrimitives.WriteUInt16BigEndian(newLoca.AsSpan(id * 2), (ushort)(newGlyf.Count / 2));
            if (id == glyphCount || !keep.Contains(id)) continue;
            var (glyphStart, glyphLength) = Glyph(id);
            newGlyf.AddRange(font.AsSpan(glyphStart, glyphLength));
            while (newGlyf.Count % 4 != 0) newGlyf.Add(0);
        }

        var headerLength = 12 + count * 16;
        int SizeOf((uint Tag, int Offset, int Length) t) => t.Tag == Glyf ? newGlyf.Count : t.Length;
        var output = new byte[headerLength + tables.Sum(t => (SizeOf(t) + 3) & ~3)];
        font.AsSpan(0, 12).CopyTo(output);
        var at = headerLength;
        for (var i = 0; i < count; i++)
        {
            var table = tables[i];
            var size = SizeOf(table);
            var data = output.AsSpan(at, size);
            if (table.Tag == Glyf) newGlyf.ToArray().CopyTo(data);
            else if (table.Tag == Loca) newLoca.CopyTo(data);
            else font.AsSpan(table.Offset, table.Length).CopyTo(data);
            if (table.Tag == Head) BinaryPrimitives.WriteUInt32BigEndian(data[8..], 0); // checkSumAdjustment: nobody keeps this file
            var record = output.AsSpan(12 + i * 16, 16);
            BinaryPrimitives.WriteUInt32BigEndian(record, table.Tag);
            BinaryPrimitives.WriteUInt32BigEndian(record[4..], Checksum(output.AsSpan(at, (size + 3) & ~3)));
            BinaryPrimitives.WriteUInt32BigEndian(record[8..], (uint)at);
            BinaryPrimitives.WriteUInt32BigEndian(record[12..], (uint)size);
            at += (size + 3) & ~3;
        }
        return output;
    }

    /// <summary>The glyph ids a composite glyph is built from (none for a simple or empty one).</summary>
    private static List<int> Components(ReadOnlySpan<byte> glyph)
    {
        var components = new List<int>();
        if (glyph.Length < 10 || BinaryPrimitives.ReadInt16BigEndian(glyph) >= 0) return components;
        const int wordArgs = 0x1, scale = 0x8, moreComponents = 0x20, xyScale = 0x40, twoByTwo = 0x80;
        for (var at = 10; at + 4 <= glyph.Length;)
        {
            var flags = BinaryPrimitives.ReadUInt16BigEndian(glyph[at..]);
            components.Add(BinaryPrimitives.ReadUInt16BigEndian(glyph[(at + 2)..]));
            at += 4 + ((flags & wordArgs) != 0 ? 4 : 2) + ((flags & scale) != 0 ? 2 : (flags & xyScale) != 0 ? 4 : (flags & twoByTwo) != 0 ? 8 : 0);
            if ((flags & moreComponents) == 0) break;
        }
        return components;
    }

    private static uint Checksum(ReadOnlySpan<byte> table)
    {
        uint sum = 0;
        for (var i = 0; i + 4 <= table.Length; i += 4) sum += BinaryPrimitives.ReadUInt32BigEndian(table[i..]);
        return sum;
    }
}
