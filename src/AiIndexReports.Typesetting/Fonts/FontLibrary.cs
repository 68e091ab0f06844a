using SkiaSharp;

namespace AiIndexReports.Typesetting.Fonts;

/// <summary>
/// The fonts a document may use, by family and weight. Load it once and share it between documents:
/// its faces cache shaped words, which makes every later document faster. It is also the document's
/// <see cref="ITypefaceSource"/> for drawing outside a PDF (whole faces, e.g. figure exports).
/// </summary>
public sealed class FontLibrary : ITypefaceSource, IDisposable
{
    readonly List<FontFace> _faces = [];
    readonly Dictionary<(string Family, SKFontStyleWeight Weight), FontFace> _resolved = [];
    readonly Lock _lock = new();

    public IReadOnlyList<FontFace> Faces => _faces;

    /// <summary>
    /// Adds a TrueType file, opened (memory-mapped) only when a document first uses the face. A missing file or one that
    /// does not start like a TrueType font raises <see cref="FontLoadException"/> naming the path at once; a damaged one
    /// when the face is first used.
    /// </summary>
    /// <param name="sourceName">how errors name the file (default: <paramref name="path"/>), e.g. "templates/fonts/x.ttf".</param>
    /// <param name="expectedLength">the size the caller checked the file at, if it did: a file that changed size since is an error.</param>
    public FontLibrary Add(string family, SKFontStyleWeight weight, string path, string? sourceName = null, long? expectedLength = null)
    {
        var source = sourceName ?? path;
        Span<byte> header = stackalloc byte[12];
        long length;
        try
        {
            using var file = File.OpenHandle(path);
            length = RandomAccess.GetLength(file);
            header = header[..RandomAccess.Read(file, header, 0)];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new FontLoadException(source, e is FileNotFoundException or DirectoryNotFoundException ? "file not found" : e.Message, e);
        }
        CheckHeader(header, length, source);
        return Add(FontFace.FromFile(family, weight, path, source, expectedLength ?? length));
    }

    /// <summary>Adds a TrueType font read from a stream; <paramref name="sourceName"/> names it in error messages.</summary>
    public FontLibrary Add(string family, SKFontStyleWeight weight, Stream stream, string sourceName)
    {
        using var copy = new MemoryStream();
        try { stream.CopyTo(copy); }
        catch (IOException e) { throw new FontLoadException(sourceName, e.Message, e); }
        return Add(family, weight, copy.ToArray(), sourceName);
    }

    /// <summary>Adds a TrueType font from its bytes (copied); <paramref name="source"/> names it in error messages.</summary>
    public FontLibrary Add(string family, SKFontStyleWeight weight, byte[] bytes, string source)
    {
        CheckHeader(bytes, bytes.Length, source);
        return Add(new FontFace(family, weight, source, bytes));
    }

    FontLibrary Add(FontFace face)
    {
        lock (_lock)
        {
            _faces.Add(face);
            _resolved.Clear();
        }
        return this;
    }

    static void CheckHeader(ReadOnlySpan<byte> header, long length, string source)
    {
        if (length < 12 || header.Length < 12) throw new FontLoadException(source, $"file has {length} bytes, too short for a font");
        var tag = System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(header);
        // Only static TrueType (glyf) embeds as a real font in Skia's PDF backend; CFF and collections become Type 3.
        if (tag != 0x00010000 && tag != 0x74727565 /* 'true' */)
            throw new FontLoadException(source, tag == 0x4F54544F ? "CFF-based OpenType (.otf) cannot be embedded as TrueType; use a .ttf"
                : tag == 0x74746366 ? "font collections (.ttc) are not supported; use a single .ttf" : "not a TrueType font file");
    }

    /// <summary>The face of <paramref name="family"/> closest to <paramref name="weight"/>, or null if the family is unknown.</summary>
    public FontFace? Find(string family, SKFontStyleWeight weight)
    {
        lock (_lock)
        {
            if (_resolved.TryGetValue((family, weight), out var hit)) return hit;
            FontFace? best = null;
            foreach (var face in _faces)
            {
                if (!string.Equals(face.Family, family, StringComparison.OrdinalIgnoreCase)) continue;
                // Prefer the nearest weight; on a tie prefer the heavier face (SemiBold falls back to Bold, not Regular).
                if (best is null || Distance(face) < Distance(best) || (Distance(face) == Distance(best) && face.Weight > best.Weight))
                    best = face;
            }
            if (best is not null) _resolved[(family, weight)] = best;
            return best;
        }

        int Distance(FontFace f) => Math.Abs((int)f.Weight - (int)weight);
    }

    /// <summary>Faces for a family chain at one weight, in fallback order; unknown families raise an error.</summary>
    internal FontFace[] Chain(IReadOnlyList<string> families, SKFontStyleWeight weight)
    {
        var chain = new FontFace[families.Count];
        for (var i = 0; i < families.Count; i++)
            chain[i] = Find(families[i], weight) ?? throw new TypesettingException(
                $"font family '{families[i]}' is not in the font library (known: {string.Join(", ", _faces.Select(f => f.Family).Distinct())})");
        return chain;
    }

    /// <summary>
    /// Starts Skia, for a caller that can do it on a spare core before layout needs it: SkiaSharp 3's first use of any
    /// Skia object makes the default font manager, which scans the system font folders (four walks of /usr/share/fonts
    /// on Linux, tens of milliseconds). The engine never uses that manager: every face comes from its own file.
    /// </summary>
    public static void StartSkia() => _ = SKFontManager.Default;

    /// <summary>The whole typeface of the nearest face (<see cref="Find"/>); an unknown family raises an error.</summary>
    public SKTypeface GetTypeface(string family, SKFontStyleWeight weight) =>
        (Find(family, weight) ?? throw new TypesettingException($"font family '{family}' is not in the font library")).Typeface;

    public void Dispose()
    {
        foreach (var face in _faces) face.Dispose();
    }
}
