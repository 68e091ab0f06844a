using AiIndexReports.Typesetting.Elements;
using AiIndexReports.Typesetting.Export;
using AiIndexReports.Typesetting.Frames;

namespace AiIndexReports.Typesetting.Tests;

/// <summary>
/// A live preview renders the same document again after every edit: pages that draw the same as before keep their PNG
/// (not drawn, not encoded again), the others are drawn afresh — and the images are the same bytes either way.
/// </summary>
public class PageImageReuseTests
{
    static TypesetResult Typeset(string secondPage, string chartAlt = "막대: 미국 40개") =>
        new Typesetter(TestFonts.Library).Typeset(new Document(TestFonts.Theme).AddRange([
            new Paragraph("첫 쪽은 그대로입니다."), new PageBreak(), new Paragraph(secondPage), new PageBreak(),
            new CanvasElement(80, (canvas, size, _) => canvas.DrawRect(0, 0, size.Width / 2, size.Height, new SkiaSharp.SKPaint { Color = SkiaSharp.SKColors.Navy }))
            { Name = "그림 1", Alt = chartAlt, Texts = ["미국"] }]));

    [Fact]
    public void Only_pages_that_draw_something_else_are_drawn_again()
    {
        var reuse = new PngReuse();
        var first = Typeset("둘째 쪽의 처음 글").RenderAllPng(36, reuse);
        Assert.Equal(0, reuse.Reused);

        var again = Typeset("둘째 쪽의 처음 글").RenderAllPng(36, reuse);
        Assert.Equal(3, reuse.Reused);
        Assert.Equal(first, again);

        var edited = Typeset("둘째 쪽을 고친 글");
        var afterEdit = edited.RenderAllPng(36, reuse);
        Assert.Equal(5, reuse.Reused);   // pages 1 and 3 again; page 2 drawn
        Assert.Equal(first[0], afterEdit[0]);
        Assert.NotEqual(first[1], afterEdit[1]);
        Assert.Equal(first[2], afterEdit[2]);
        // Reused or drawn, the bytes are what a fresh rendering gives.
        Assert.Equal(edited.RenderAllPng(36), afterEdit);
    }

    [Fact]
    public void A_chart_with_other_numbers_is_drawn_again()
    {
        var reuse = new PngReuse();
        Typeset("둘째 쪽").RenderAllPng(36, reuse);
        Typeset("둘째 쪽", chartAlt: "막대: 미국 41개").RenderAllPng(36, reuse);
        Assert.Equal(2, reuse.Reused);   // pages 1 and 2; the chart's page is drawn
    }

    [Fact]
    public void A_block_box_covers_its_ink()
    {
        var result = new Typesetter(TestFonts.Library).Typeset(new Document(TestFonts.Theme).AddRange([
            new Paragraph("한 줄짜리 문단") { Source = "a" }, new CanvasElement(120, (_, _, _) => { }) { Source = "b", Alt = "그림" }]));
        var blocks = result.Pages[0].Blocks.Where(b => b.Element?.Source is not null).ToList();
        var text = FrameBounds.Of(blocks.Single(b => b.Element!.Source == "a"));
        var chart = FrameBounds.Of(blocks.Single(b => b.Element!.Source == "b"));
        var size = TestFonts.Theme.Body.Text.Size;
        // One line of body text: about a line high, starting at the left margin, much narrower than the column.
        Assert.InRange(text.Height, size * 0.9, size * 1.6);
        Assert.True(text.Width > 30 && text.Width < chart.Width / 2, $"{text}");
        Assert.Equal(120, chart.Height, 0.01);
        Assert.True(chart.Top >= text.Bottom, $"{text} {chart}");
        Assert.Equal(text.Left, chart.Left, 0.5);
    }
}
