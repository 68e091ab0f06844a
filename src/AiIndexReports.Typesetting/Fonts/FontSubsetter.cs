using System.Buffers.Binary;
using static AiIndexReports.Typesetting.Fonts.HarfBuzzSubsetNative;

namespace AiIndexReports.Typesetting.Fonts;

/// <summary>
/// Cuts a TrueType font down to the glyphs one document draws, with HarfBuzz's subsetter.
/// SkiaSharp's PDF backend embeds a TrueType face whole (megabytes for a Korean font) unless the typeface it is given
/// was made from an already-subset font, so the typesetter subsets per document and draws with
/// <c>SKTypeface.FromData(subset)</c>. Glyph ids of the full font stay valid in the subset (HarfBuzz "retain gids"),
/// so text shaped with the full font can be drawn with the subset unchanged.
/// Thread-safe: every call owns its HarfBuzz objects.
/// </summary>
public static class FontSubsetter
{
    private const int SpaceCodePoint = 0x20;
    private const ushort NotdefGlyphId = 0;

    // Hinting instructions only help rasterisers at small pixel sizes; PDF viewers scale outlines freely, and dropping
    // fpgm/prep/cvt and per-glyph instructions halves a hinted font like NanumGothic (a page: 49 → 25 KB deflated).
    private const SubsetFlags Flags = SubsetFlags.RetainGids | SubsetFlags.NoHinting | SubsetFlags.NotdefOutline;

    // OpenType layout tables are left out: a PDF reader draws the glyph ids the content stream names and never shapes,
    // so GSUB/GPOS/GDEF would only add bytes (~16 KB a face) and HarfBuzz's closure over GSUB lookups (most of the
    // subsetting time for a Korean face).
    private static readonly uint[] DroppedTables = [TableTag.Of("GSUB"), TableTag.Of("GPOS"), TableTag.Of("GDEF")];

    // name ids kept: copyright, family, subfamily, unique id, full name, version, PostScript name (HarfBuzz's default),
    // plus the licence description and URL (13, 14) the SIL Open Font License asks an embedded copy to carry.
    private static readonly uint[] KeptNameIds = [0, 1, 2, 3, 4, 5, 6, 13, 14];

    /// <summary>
    /// Returns a TrueType font holding the glyphs for <paramref name="codePoints"/> (through the rebuilt cmap) and the
    /// glyph ids in <paramref name="glyphIds"/> (shaped output), at their original glyph ids. Glyph 0 (.notdef) and the
    /// space U+0020 are always kept; C0/C1 control characters are never mapped, because fonts such as NanumGothic map
    /// U+0000–U+0020 to one glyph and a PDF reader would then read the space glyph back as a control character.
    /// For the same reason a requested glyph id that the font maps from a control character is kept only through the
    /// printable code points that map to it (the space glyph through U+0020); drawn text never needs one otherwise.
    /// </summary>
    /// <exception cref="FontSubsetException">The bytes are not a single static TrueType font, or a glyph id is outside it.</exception>
    public static byte[] Subset(ReadOnlySpan<byte> fontFile, IReadOnlyCollection<int> codePoints, IReadOnlyCollection<ushort> glyphIds)
    {
        ArgumentNullException.ThrowIfNull(codePoints);
        ArgumentNullException.ThrowIfNull(glyphIds);
        HarfBuzzSubsetNative.EnsureAvailable();
        TrueTypeHeader.Validate(fontFile);
        foreach (var codePoint in codePoints)
        {
            if (codePoint is < 0 or > 0x10FFFF || codePoint is >= 0xD800 and <= 0xDFFF)
                throw new ArgumentOutOfRangeException(nameof(codePoints), codePoint, $"U+{codePoint:X4} is not a Unicode scalar value.");
        }

        unsafe
        {
            fixed (byte* data = fontFile)
            {
                // Every hb object made below is destroyed before `fixed` unpins the buffer the blob reads in place.
                var blob = BlobCreate(data, (uint)fontFile.Length, MemoryModeReadOnly, IntPtr.Zero, IntPtr.Zero);
                var face = FaceCreate(blob, 0);
                var input = IntPtr.Zero;
                var subsetFace = IntPtr.Zero;
                var subsetBlob = IntPtr.Zero;
                try
                {
                    var glyphCount = FaceGetGlyphCount(face);
                    if (glyphCount == 0)
                        throw new FontSubsetException("Not a usable font: HarfBuzz finds no glyphs in it (missing or empty 'maxp' table).");

                    input = SubsetInputCreateOrFail();
                    if (input == IntPtr.Zero)
                        throw new OutOfMemoryException("HarfBuzz could not allocate a subset input.");
                    FillInput(input, codePoints, glyphIds, glyphCount, GlyphsMappedFromControls(face));

                    subsetFace = SubsetOrFail(face, input);
                    if (subsetFace == IntPtr.Zero)
                        throw new FontSubsetException($"HarfBuzz could not subset the font ({glyphCount} glyphs, {codePoints.Count} code points, {glyphIds.Count} glyph ids requested): its tables are malformed.");

                    subsetBlob = FaceReferenceBlob(subsetFace);
                    var subsetData = BlobGetData(subsetBlob, out var length);
                    if (subsetData == null || length == 0)
                        throw new FontSubsetException("HarfBuzz produced an empty subset font.");
                    return new ReadOnlySpan<byte>(subsetData, checked((int)length)).ToArray();
                }
                finally
                {
                    BlobDestroy(subsetBlob);
                    FaceDestroy(subsetFace);
                    SubsetInputDestroy(input);
                    FaceDestroy(face);
                    BlobDestroy(blob);
                }
            }
        }
    }

    private static void FillInput(
        IntPtr input, IReadOnlyCollection<int> codePoints, IReadOnlyCollection<ushort> glyphIds, uint glyphCount, HashSet<uint> controlGlyphs)
    {
        SubsetInputSetFlags(input, (uint)Flags);

        var unicodes = SubsetInputUnicodeSet(input);
        SetAdd(unicodes, SpaceCodePoint);
        foreach (var codePoint in codePoints)
        {
            if (!IsControl(codePoint))
                SetAdd(unicodes, (uint)codePoint);
        }

        var glyphs = SubsetInputGlyphSet(input);
        SetAdd(glyphs, NotdefGlyphId);
        foreach (var glyphId in glyphIds)
        {
            if (glyphId >= glyphCount)
                throw new FontSubsetException($"Glyph id {glyphId} is outside the font, which has {glyphCount} glyphs (ids 0–{glyphCount - 1}): was it shaped with another font?");
            // HarfBuzz keeps every cmap entry that points at a requested glyph id, so requesting NanumGothic's space
            // glyph would map U+0000–U+001F to it again and PDF readers would extract spaces as control characters.
            // Such glyphs are kept through their printable code point instead (U+0020 is always in the unicode set).
            if (!controlGlyphs.Contains(glyphId))
                SetAdd(glyphs, glyphId);
        }

        var dropped = SubsetInputSet(input, SubsetSetsDropTableTag);
        foreach (var table in DroppedTables)
            SetAdd(dropped, table);

        var nameIds = SubsetInputSet(input, SubsetSetsNameId);
        SetClear(nameIds);
        foreach (var nameId in KeptNameIds)
            SetAdd(nameIds, nameId);
    }

    private static HashSet<uint> GlyphsMappedFromControls(IntPtr face)
    {
        var font = FontCreate(face);
        try
        {
            var glyphs = new HashSet<uint>();
            for (var codePoint = 0; codePoint <= 0x9F; codePoint++)
            {
                if (IsControl(codePoint) && FontGetNominalGlyph(font, (uint)codePoint, out var glyph) != 0 && glyph != NotdefGlyphId)
                    glyphs.Add(glyph);
            }
            return glyphs;
        }
        finally
        {
            FontDestroy(font);
        }
    }

    private static bool IsControl(int codePoint) => codePoint < 0x20 || codePoint is >= 0x7F and <= 0x9F;

    /// <summary>Checks the sfnt header before HarfBuzz sees the bytes, so a wrong file fails with a message saying what it is.</summary>
    private static class TrueTypeHeader
    {
        private static readonly string[] RequiredTables = ["cmap", "glyf", "head", "hhea", "hmtx", "loca", "maxp"];

        public static void Validate(ReadOnlySpan<byte> font)
        {
            if (font.Length < 12)
                throw new FontSubsetException($"Not a font file: {font.Length} bytes is shorter than a TrueType header (12 bytes).");

            var signature = BinaryPrimitives.ReadUInt32BigEndian(font);
            switch (signature)
            {
                case 0x00010000 or 0x74727565: // TrueType outlines: 1.0 or 'true' (old Apple fonts)
                    break;
                case 0x4F54544F: // 'OTTO'
                    throw new FontSubsetException("Unsupported font: OpenType with CFF outlines ('OTTO'); Skia's PDF backend embeds those as Type 3 glyph procedures. Use a static TrueType (.ttf, glyf outlines) font.");
                case 0x74746366: // 'ttcf'
                    throw new FontSubsetException("Unsupported font: a font collection ('ttcf', .ttc). Use a single static TrueType (.ttf) font.");
                case 0x774F4646 or 0x774F4632: // 'wOFF', 'wOF2'
                    throw new FontSubsetException("Unsupported font: a compressed web font (WOFF/WOFF2). Use the static TrueType (.ttf) font it was made from.");
                default:
                    throw new FontSubsetException($"Not a font file: it starts with bytes {Convert.ToHexString(font[..4])} (\"{Printable(font[..4])}\"), expected a TrueType signature 00010000 or 'true'.");
            }

            var tableCount = BinaryPrimitives.ReadUInt16BigEndian(font[4..]);
            var directoryEnd = 12 + 16 * tableCount;
            if (font.Length < directoryEnd)
                throw new FontSubsetException($"Truncated font file: its table directory lists {tableCount} tables and needs {directoryEnd} bytes, the file has {font.Length}.");

            var tags = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < tableCount; i++)
            {
                var record = font.Slice(12 + 16 * i, 16);
                var tag = Printable(record[..4]);
                var end = (long)BinaryPrimitives.ReadUInt32BigEndian(record[8..]) + BinaryPrimitives.ReadUInt32BigEndian(record[12..]);
                if (end > font.Length)
                    throw new FontSubsetException($"Truncated font file: table '{tag}' ends at byte {end}, the file has {font.Length} bytes.");
                tags.Add(tag);
            }

            var missing = RequiredTables.Where(t => !tags.Contains(t)).ToList();
            if (missing.Count > 0)
                throw new FontSubsetException($"Not a usable TrueType font: required table(s) {string.Join(", ", missing.Select(t => $"'{t}'"))} missing.");
            if (tags.Contains("fvar"))
                throw new FontSubsetException("Unsupported font: a variable font ('fvar' table); Skia's PDF backend embeds those as Type 3 glyph procedures. Use a static TrueType instance.");
        }

        private static string Printable(ReadOnlySpan<byte> bytes) =>
            string.Concat(bytes.ToArray().Select(b => b is >= 0x20 and < 0x7F ? (char)b : '.'));
    }
}
