using SkiaSharp;

namespace AiIndexReports.Typesetting.Export;

/// <summary>
/// PNG bytes of a raster surface, one way for page previews and figure exports. Skia's default tries all five row
/// filters at zlib level 6; the Up filter alone at level 3 is about six times faster for about 5% more bytes, with the
/// same pixels and still the same bytes for the same image (measured on the eight 2025 figures: 147 → 24 ms, 464 → 485 KB).
/// </summary>
public static class PngEncoder
{
    static readonly SKPngEncoderOptions Options = new(SKPngEncoderFilterFlags.Up, zLibLevel: 3);

    public static byte[] Encode(SKSurface surface)
    {
        using var pixels = surface.PeekPixels()
            ?? throw new TypesettingException("PNG export: the surface is not a raster image");
        using var png = pixels.Encode(Options)
            ?? throw new TypesettingException($"PNG export: Skia could not encode a {pixels.Width}×{pixels.Height} image");
        return png.ToArray();
    }
}
