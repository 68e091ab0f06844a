using SkiaSharp;

namespace AiIndexReports.Typesetting.Fonts;

/// <summary>
/// The fonts a document may use, by family and weight. Load it once and share it between documents:
/// its faces cache shaped words, which makes every later document faster.
/// </summary>
public sealed class FontLibrary : IDisposable
{
    readonly List<FontFace> _faces = [];
    readonly Dictionary<(string Family, SKFontStyleWeight Weight), FontFace> _resolved = [];
    readonly Lock _lock = new();

    public IReadOnlyList<FontFace> Faces => _faces;

    /// <summary>Adds a TrueType file; a missing or unreadable file raises <see cref="FontLoadException"/> naming the path.</summary>
    public FontLibrary Add(string family, SKFontStyleWeight weight, string path)
    {
        byte[] bytes;
        try { bytes = File.ReadAllBytes(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new FontLoadException(path, e is FileNotFoundException or DirectoryNotFoundException ? "file not found" : e.Message, e);
        }
        return Add(family, weight, bytes, path);
    }

    /// <summary>Adds a TrueType font read from a stream; <paramref name="sourceName"/> names it in error messages.</summary>
    public FontLibrary Add(string family, SKFontStyleWeight weight, Stream stream, string sourceName)
    {
        using var copy = new MemoryStream();
        try { stream.CopyTo(copy); }
        catch (IOException e) { throw new FontLoadException(sourceName, e.Message, e); }
        return Add(family, weight, copy.ToArray(), sourceName);
    }

    /// <summary>Adds a TrueType font from its bytes; <paramref name="source"/> names it in error messages.</summary>
    public FontLibrary Add(string family, SKFontStyleWeight weight, byte[] bytes, string source)
    {
        if (bytes.Length < 12) throw new FontLoadException(source, $"file has {bytes.Length} bytes, too short for a font");
        var tag = System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(bytes);
        // Only static TrueType (glyf) embeds as a real font in Skia's PDF backend; CFF and collections become Type 3.
        if (tag != 0x00010000 && tag != 0x74727565 /* 'true' */)
            throw new FontLoadException(source, tag == 0x4F54544F ? "CFF-based OpenType (.otf) cannot be embedded as TrueType; use a .ttf"
                : tag == 0x74746366 ? "font collections (.ttc) are not supported; use a single .ttf" : "not a TrueType font file");
        var face = new FontFace(family, weight, source, bytes);
        lock (_lock)
        {
            _faces.Add(face);
            _resolved.Clear();
        }
        return this;
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

    public void Dispose()
    {
        foreach (var face in _faces) face.Dispose();
    }
}
