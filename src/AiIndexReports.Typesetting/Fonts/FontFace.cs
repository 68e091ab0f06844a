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
/// <para>
/// A face from a file is opened on first use, from the file mapped into memory (no copy: Skia, HarfBuzz and the
/// subsetter read the same pages, and only the pages they touch are read at all), so a brief that never falls back to
/// a face never loads it.
/// </para>
/// </summary>
public sealed class FontFace : IDisposable
{
    static readonly Feature[] NoFeatures = [];
    static readonly Feature[] TabularFeatures = [new(new Tag('t', 'n', 'u', 'm'), 1, 0, uint.MaxValue)];

    readonly Lazy<OpenFace> _open;
    readonly ConcurrentDictionary<string, ShapedRun> _shaped = new();
    readonly ConcurrentDictionary<string, ShapedRun> _shapedTabular = new();

    /// <summary>A face read from <paramref name="fileBytes"/> (copied), opened at once: a bad font fails here.</summary>
    internal FontFace(string family, SKFontStyleWeight weight, string source, byte[] fileBytes)
        : this(family, weight, source, () => SKData.CreateCopy(fileBytes))
    {
        _ = _open.Value;
    }

    /// <summary>A face opened on first use from what <paramref name="load"/> returns (e.g. a memory-mapped file).</summary>
    internal FontFace(string family, SKFontStyleWeight weight, string source, Func<SKData?> load)
    {
        Family = family;
        Weight = weight;
        Source = source;
        _open = new(() => new OpenFace(source, load() ?? throw new FontLoadException(source, "the file could not be read")),
            LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>A face of the font file at <paramref name="path"/>, mapped into memory when first used; <paramref name="source"/> names it in errors.</summary>
    internal static FontFace FromFile(string family, SKFontStyleWeight weight, string path, string source, long length) =>
        new(family, weight, source, () =>
        {
            var data = SKData.Create(path);
            if (data is null || data.Size == length) return data;
            data.Dispose();
            throw new FontLoadException(source, $"the file changed while the build read it ({length} bytes when checked)");
        });

    /// <summary>Whether the face was opened (first used): tests check that unused faces are not.</summary>
    internal bool IsOpen => _open.IsValueCreated;

    public string Family { get; }
    public SKFontStyleWeight Weight { get; }
    /// <summary>The file path or stream name the face was loaded from (used in error messages).</summary>
    public string Source { get; }
    /// <summary>The font file as it is on disk (mapped, not copied); valid while the face is not disposed.</summary>
    internal ReadOnlySpan<byte> FileData => _open.Value.Bytes;
    internal SKTypeface Typeface => _open.Value.Typeface;
    internal int UnitsPerEm => _open.Value.UnitsPerEm;
    /// <summary>Ascender above the baseline, in em.</summary>
    internal float Ascent => _open.Value.Ascent;
    /// <summary>Descender below the baseline, positive, in em.</summary>
    internal float Descent => _open.Value.Descent;
    internal ushort SpaceGlyph => _open.Value.SpaceGlyph;
    /// <summary>Advance of U+0020, in em.</summary>
    internal float SpaceAdvance => _open.Value.SpaceAdvance;
    /// <summary>The space glyph as a shaped run (drawn in inter-word gaps).</summary>
    internal ShapedRun SpaceRun => _open.Value.SpaceRun;

    /// <summary>Whether the font maps the character to a glyph (its cmap has it).</summary>
    public bool HasGlyph(int codePoint) => _open.Value.HasGlyph(codePoint);

    /// <summary>The glyph the font's cmap maps the character to, or null.</summary>
    internal ushort? NominalGlyph(int codePoint) => _open.Value.NominalGlyph(codePoint);

    /// <summary>
    /// The glyph the font maps a visible character to when that glyph has no outline (nothing would be drawn), else null.
    /// A font whose loca or glyf table is damaged loads and shapes normally, and its text comes out invisible.
    /// </summary>
    internal uint? EmptyGlyphFor(int codePoint) => ShouldBeVisible(codePoint) ? _open.Value.EmptyGlyphFor(codePoint) : null;

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
        var shaped = _open.Value.Shape(text, tabularDigits ? TabularFeatures : NoFeatures);
        lookup.TryAdd(text, shaped);
        return shaped;
    }

    public override string ToString() => $"{Family} {(int)Weight} ({Source})";

    int _disposed;

    /// <summary>Releases the HarfBuzz objects, the font's bytes and the typeface; a second call does nothing.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        if (_open.IsValueCreated) _open.Value.Dispose();
    }

    /// <summary>What an opened face holds: the file's bytes, Skia's typeface and HarfBuzz's font over the same bytes.</summary>
    sealed class OpenFace : IDisposable
    {
        readonly SKData _data;
        readonly Blob _blob;
        readonly Face _hbFace;
        readonly HbFont _hbFont;
        // 0 = unknown, 1 = has glyph, 2 = lacks glyph; covers the BMP, the rest asks HarfBuzz each time.
        readonly byte[] _coverage = new byte[0x10000];

        public OpenFace(string source, SKData data)
        {
            _data = data;
            // Whatever was made before a failure is released here: a bad font file must not leak native memory.
            try
            {
                Typeface = SKTypeface.FromData(data) ?? throw new FontLoadException(source, "not a font file Skia can read");
                // HarfBuzz reads the font in place, from the same native bytes Skia holds; they live as long as this face.
                _blob = new Blob(data.Data, (int)data.Size, MemoryMode.ReadOnly);
                _hbFace = new Face(_blob, 0);
                UnitsPerEm = _hbFace.UnitsPerEm;
                if (UnitsPerEm <= 0) throw new FontLoadException(source, "HarfBuzz found no font tables");
                _hbFont = new HbFont(_hbFace);
            }
            catch
            {
                _hbFace?.Dispose();
                _blob?.Dispose();
                Typeface?.Dispose();
                data.Dispose();
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

        public unsafe ReadOnlySpan<byte> Bytes => new((void*)_data.Data, checked((int)_data.Size));
        public SKTypeface Typeface { get; }
        public int UnitsPerEm { get; }
        public float Ascent { get; }
        public float Descent { get; }
        public ushort SpaceGlyph { get; }
        public float SpaceAdvance { get; }
        public ShapedRun SpaceRun { get; }

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

        public ushort? NominalGlyph(int codePoint) =>
            _hbFont.TryGetNominalGlyph(codePoint, out var glyph) && glyph is > 0 and <= ushort.MaxValue ? (ushort)glyph : null;

        public uint? EmptyGlyphFor(int codePoint)
        {
            if (!_hbFont.TryGetNominalGlyph(codePoint, out var glyph) || glyph == 0) return null;
            return _hbFont.TryGetGlyphExtents(glyph, out var extents) && (extents.Width != 0 || extents.Height != 0) ? null : glyph;
        }

        public ShapedRun Shape(ReadOnlySpan<char> text, Feature[] features)
        {
            using var buffer = new HbBuffer();
            buffer.AddUtf16(text);
            buffer.GuessSegmentProperties();
            _hbFont.Shape(buffer, features);
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

        public void Dispose()
        {
            _hbFont.Dispose();
            _hbFace.Dispose();
            _blob.Dispose();
            Typeface.Dispose();
            _data.Dispose();
        }
    }
}

/// <summary>Glyphs of one shaped piece of text; advances and offsets in em (multiply by the font size).</summary>
internal sealed record ShapedRun(ushort[] Glyphs, float[] Advances, SKPoint[] Offsets, int[] Clusters, float Width);
