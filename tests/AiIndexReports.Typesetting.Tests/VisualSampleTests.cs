namespace AiIndexReports.Typesetting.Tests;

public class VisualSampleTests
{
    /// <summary>Builds the sample brief; set TYPESETTING_SAMPLE_DIR to keep the PDF and PNG pages for a visual check.</summary>
    [Fact]
    public void Sample_brief_typesets_with_sections_on_increasing_pages()
    {
        var result = new Typesetter(TestFonts.Library).Typeset(SampleDocuments.Brief(TestFonts.Theme));

        Assert.InRange(result.PageCount, 5, 12);
        Assert.Equal(["sec-1", "sec-1-1", "sec-2", "sec-2-1", "sec-3", "sec-3-1"], result.Headings.Select(h => h.AnchorId));
        var pages = result.Headings.Select(h => h.PageIndex).ToList();
        Assert.Equal(pages.Order(), pages);
        Assert.True(pages[0] >= 2, "sections start after the cover and the table of contents");

        if (Environment.GetEnvironmentVariable("TYPESETTING_SAMPLE_DIR") is { Length: > 0 } dir)
        {
            Directory.CreateDirectory(dir);
            File.WriteAllBytes(Path.Combine(dir, "sample.pdf"), result.Pdf);
            File.WriteAllBytes(Path.Combine(dir, "sample-page1.png"), result.RenderPng(0, 80));
        }
    }
}
