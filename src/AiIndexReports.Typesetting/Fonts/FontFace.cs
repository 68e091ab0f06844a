using System.Collections.Concurrent;
using HarfBuzzSharp;
using SkiaSharp;
using HbBuffer = HarfBuzzSharp.Buffer;
using HbFont = HarfBuzzSharp.Font;

namespace AiIndexReports.Typesetting.Fonts;

/// <summary>
/// One TrueType file of a family (e.g. Pretendard SemiBold): its bytes (for subsetting), a Skia typeface for
/// drawing, and a HarfBuzz font for shaping. Shaped words are cached here because the same words recur on
/// every page and shaping is the most expensive step of layout.
/// </summary>
public sealed class FontFace : IDisposable
{
    static readonly Feature[] NoFeatures = [];
    static readonly Feature[] TabularFeatures = [new(new Tag('t', 'n', 'u', 'm'), 1, 0, uint.MaxValue)];

    readonly NativeFontBytes _fontData;
    readonly Blob _blob;
    readonly Face _hbFace;
    readonly HbFont _hbFont;
    readonly ConcurrentDictionary<string, ShapedRun> _shaped = new();
    readonly ConcurrentDictionary<string, ShapedRun> _shapedTabular = new();
    // 0 = unknown, 1 = has glyph, 2 = lacks glyph; covers the BMP, the rest asks HarfBuzz each time.
    readonly byte[] _coverage = new byte[0x10000];

    internal FontFace(string family, SKFontStyleWeight weight, string source, byte[] fileBytes)
    {
        Family = family;
        Weight = weight;
        Source = source;
        FileBytes = fileBytes;
        Typeface = SKTypeface.FromData(SKData.CreateCopy(fileBytes))
            ?? throw new FontLoadException(source, "not a font file Skia can read");
        // HarfBuzz reads the font in place: give it native memory that lives as long as this face, owned by one
        // SafeHandle. (Blob.FromStream crashed under parallel layout with GC pressure.)
        // Whatever was made before a failure is released here: a bad font file must not leak native memory.
        try
        {
            _fontData = NativeFontBytes.CopyOf(fileBytes);
            _blob = new Blob(_fontData.DangerousGetHandle(), fileBytes.Length, MemoryMode.ReadOnly);
            _hbFace = new Face(_blob, 0);
            UnitsPerEm = _hbFace.UnitsPerEm;
            if (UnitsPerEm <= 0) throw new FontLoadException(source, "HarfBuzz found no font tables");
            _hbFont = new HbFont(_hbFace);
        }
        catch
        {
            _hbFace?.Dispose();
            _blob?.Dispose();
            _fontData?.Dispose();
            Typeface.Dispose();
            throw;
        }
        _hbFont.SetScale(UnitsPerEm, UnitsPerEm);
        _hbFont.TryGetHorizontalFontExtents(out var extents);
        Ascent = extents.Ascender / (float)UnitsPerEm;
        Descent = -extents.Descender / (float)UnitsPerEm;
        SpaceGlyph = _hbFont.TryGetNominalGlyph(' ', out var space) ? (ushort)space : (ushort)0;
        SpaceAdvance = SpaceGlyph != 0 ? _hbFont.GetHorizontalGlyphAdvance(space) / (float)UnitsPerEm : 0.25f;
        SpaceRun = new ShapedRun([SpaceGlyph], [SpaceAdvance], [default], [0], SpaceAdvance);
    }

    public string Family { get; }
    public SKFontStyleWeight Weight { get; }
    /// <summary>The file path or stream name the face was loaded from (used in error messages).</summary>
    public string Source { get; }
    internal byte[] FileBytes { get; }
    internal SKTypeface Typeface { get; }
    internal int UnitsPerEm { get; }
    /// <summary>Ascender above the baseline, in em.</summary>
    internal float Ascent { get; }
    /// <summary>Descender below the baseline, positive, in em.</summary>
    internal float Descent { get; }
    internal ushort SpaceGlyph { get; }
    /// <summary>Advance of U+0020, in em.</summary>
    internal float SpaceAdvance { get; }
    /// <summary>The space glyph as a shaped run (drawn in inter-word gaps).</summary>
    internal ShapedRun SpaceRun { get; }

    /// <summary>Whether the font maps the character to a glyph (its cmap has it).</summary>
    public bool HasGlyph(int codePoint)
    {
        if (codePoint < 0x10000)
        {
            var known = _coverage[codePoint];
            if (known != 0) return known == 1;
            var has = _hbFont.TryGetNominalGlyph(codePoint, out _);
            _coverage[codePoint] = has ? (byte)1 : (byte)2;
            return has;
        }
        return _hbFont.TryGetNominalGlyph(codePoint, out _);
    }

    /// <summary>
    /// The glyph the font maps a visible character to when that glyph has no outline (nothing would be drawn), else null.
    /// A font whose loca or glyf table is damaged loads and shapes normally, and its text comes out invisible.
    /// </summary>
    internal uint? EmptyGlyphFor(int codePoint)
    {
        if (!ShouldBeVisible(codePoint) || !_hbFont.TryGetNominalGlyph(codePoint, out var glyph) || glyph == 0) return null;
        return _hbFont.TryGetGlyphExtents(glyph, out var extents) && (extents.Width != 0 || extents.Height != 0) ? null : glyph;
    }

    /// <summary>Characters that draw ink: not spaces, controls, format characters, variation selectors or Hangul fillers.</summary>
    static bool ShouldBeVisible(int codePoint)
    {
        if (codePoint is 0x115F or 0x1160 or 0x3164 or 0xFFA0 or 0x2800 || codePoint is >= 0xFE00 and <= 0xFE0F || codePoint is >= 0xE0100 and <= 0xE01EF)
            return false;
        return System.Globalization.CharUnicodeInfo.GetUnicodeCategory(codePoint) is not (System.Globalization.UnicodeCategory.SpaceSeparator
            or System.Globalization.UnicodeCategory.LineSeparator or System.Globalization.UnicodeCategory.ParagraphSeparator
            or System.Globalization.UnicodeCategory.Control or System.Globalization.UnicodeCategory.Format
            or System.Globalization.UnicodeCategory.OtherNotAssigned);
    }

    /// <summary>Shapes <paramref name="text"/> (no spaces, one font run); advances come back in em.</summary>
    internal ShapedRun Shape(ReadOnlySpan<char> text, bool tabularDigits)
    {
        var cache = tabularDigits ? _shapedTabular : _shaped;
        var lookup = cache.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(text, out var cached)) return cached;
        var shaped = ShapeUncached(text, tabularDigits);
        lookup.TryAdd(text, shaped);
        return shaped;
    }

    ShapedRun ShapeUncached(ReadOnlySpan<char> text, bool tabularDigits)
    {
        using var buffer = new HbBuffer();
        buffer.AddUtf16(text);
        buffer.GuessSegmentProperties();
        _hbFont.Shape(buffer, tabularDigits ? TabularFeatures : NoFeatures);
        var infos = buffer.GetGlyphInfoSpan();
        var positions = buffer.GetGlyphPositionSpan();
        var n = infos.Length;
        var glyphs = new ushort[n];
        var advances = new float[n];
        var offsets = new SKPoint[n];
        var clusters = new int[n];
        float scale = 1f / UnitsPerEm, width = 0;
        for (var i = 0; i < n; i++)
        {
            glyphs[i] = (ushort)infos[i].Codepoint;
            clusters[i] = (int)infos[i].Cluster;
            advances[i] = positions[i].XAdvance * scale;
            offsets[i] = new SKPoint(positions[i].XOffset * scale, -positions[i].YOffset * scale);
            width += advances[i];
        }
        return new ShapedRun(glyphs, advances, offsets, clusters, width);
    }

    public override string ToString() => $"{Family} {(int)Weight} ({Source})";

    int _disposed;

    /// <summary>Releases the HarfBuzz objects, the native font bytes and the typeface; a second call does nothing.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        _hbFont.Dispose();
        _hbFace.Dispose();
        _blob.Dispose();
        _fontData.Dispose();
        Typeface.Dispose();
    }
}

/// <summary>A font file's bytes in native memory (HarfBuzz reads them in place), freed exactly once.</summary>
internal sealed class NativeFontBytes : System.Runtime.InteropServices.SafeHandle
{
    private NativeFontBytes() : base(IntPtr.Zero, ownsHandle: true) { }

    public override bool IsInvalid => handle == IntPtr.Zero;

    public static unsafe NativeFontBytes CopyOf(byte[] bytes)
    {
        var owner = new NativeFontBytes();
        var memory = (byte*)System.Runtime.InteropServices.NativeMemory.Alloc((nuint)Math.Max(1, bytes.Length));
        owner.SetHandle((IntPtr)memory);
        bytes.CopyTo(new Span<byte>(memory, bytes.Length));
        return owner;
    }

    protected override unsafe bool ReleaseHandle()
    {
        System.Runtime.InteropServices.NativeMemory.Free((void*)handle);
        return true;
    }
}

/// <summary>Glyphs of one shaped piece of text; advances and offsets in em (multiply by the font size).</summary>
internal sealed record ShapedRun(ushort[] Glyphs, float[] Advances, SKPoint[] Offsets, int[] Clusters, float Width);
