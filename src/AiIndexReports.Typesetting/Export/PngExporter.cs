using AiIndexReports.Typesetting.Fonts;
using AiIndexReports.Typesetting.Frames;
using SkiaSharp;

namespace AiIndexReports.Typesetting.Export;

/// <summary>Draws a page frame onto a white raster image (previews), with the full font faces.</summary>
internal static class PngExporter
{
    /// <param name="reuse">images of an earlier rendering: a page that draws the same as then gets that PNG (not drawn again)</param>
    public static byte[] Render(PageFrame page, FontLibrary fonts, float dpi, PngReuse? reuse) =>
        reuse is null ? Render(page, fonts, dpi) : reuse.Get(page, dpi, () => Render(page, fonts, dpi));

    public static byte[] Render(PageFrame page, FontLibrary fonts, float dpi)
    {
        var scale = dpi / 72f;
        var info = new SKImageInfo((int)Math.Ceiling(page.Size.Width * scale), (int)Math.Ceiling(page.Size.Height * scale));
        using var surface = SKSurface.Create(info);
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);
        canvas.Scale(scale);
        using (var drawer = new FrameDrawer(fonts, null))
            foreach (var block in page.Blocks) drawer.Draw(canvas, block.Items);
        return PngEncoder.Encode(surface);
    }
}
