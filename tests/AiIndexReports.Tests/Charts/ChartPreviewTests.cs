using AiIndexReports.Charts;
using SkiaSharp;

namespace AiIndexReports.Tests.Charts;

public class ChartExportTests
{
    private static readonly FigureSet Figures = FigureBuilder.Build(ChartTestData.Edition2025());
    private static readonly ChartRenderer Renderer = new(RepoTypefaces.Instance);

    public static TheoryData<string> FigureIds => new(FigureSpecs.All.Select(s => s.Id));

    [Theory]
    [MemberData(nameof(FigureIds))]
    public void Png_export_is_twice_the_export_size_and_has_ink(string id)
    {
        var figure = Figures[id];
        byte[] png = Renderer.RenderPng(figure, scale: 2);

        using var bitmap = SKBitmap.Decode(png);
        var size = Renderer.ExportSize(figure);
        Assert.Equal((int)Math.Ceiling(size.Width * 2), bitmap.Width);
        Assert.Equal((int)Math.Ceiling(size.Height * 2), bitmap.Height);
        Assert.Equal(960, bitmap.Width);
        Assert.Contains(bitmap.Pixels, p => p.Red < 100 && p.Green < 100 && p.Blue < 100); // dark text was drawn

        // Set CHARTS_PREVIEW_DIR to look at the figures (the lead's review and ours).
        if (Environment.GetEnvironmentVariable("CHARTS_PREVIEW_DIR") is { Length: > 0 } dir)
        {
            Directory.CreateDirectory(dir);
            File.WriteAllBytes(Path.Combine(dir, id + ".png"), png);
            File.WriteAllText(Path.Combine(dir, id + ".svg"), Renderer.RenderSvg(figure));
        }
    }
}
