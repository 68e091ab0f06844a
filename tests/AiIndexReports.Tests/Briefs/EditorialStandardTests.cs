using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using AiIndexReports.Typesetting.Tests;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace AiIndexReports.Tests.Briefs;

/// <summary>
/// Issue 13's "done when", measured on the built PDFs as a reader's tools see them: the methodology fits one page, a
/// reader's text extraction finds the table's "17.3건" and the report's title in 『』, no source is dated after the brief.
/// </summary>
public sealed partial class EditorialStandardTests(BuiltBriefs briefs) : IClassFixture<BuiltBriefs>
{
    // A4 with the theme's margins (templates/theme.toml [page]): the height the body text may fill on a page.
    private const double PageHeight = 842, MarginTop = 62, MarginBottom = 56, BodyHeight = PageHeight - MarginTop - MarginBottom;

    [Theory]
    [InlineData(2024)]
    [InlineData(2025)]
    public void The_methodology_section_is_at_most_one_page(int edition)
    {
        using var doc = PdfDocument.Open(briefs.Pdf(edition, "ai-index-brief"));
        var start = HeadingTop(doc, "자료와 방법");
        var end = HeadingTop(doc, "참고문헌");

        // From the top of its heading to the top of the next section's heading, across pages.
        double height = start.Page == end.Page
            ? start.Top - end.Top
            : (start.Top - MarginBottom) + (end.Page - start.Page - 1) * BodyHeight + (PageHeight - MarginTop - end.Top);
        Assert.True(height <= BodyHeight, $"「자료와 방법」 of {edition} is {height:0} pt tall, a page holds {BodyHeight:0} pt");
        Assert.True(height > 100, $"「자료와 방법」 of {edition} measured {height:0} pt: heading not found where expected");
    }

    /// <summary>The last heading with this text (the contents list names it earlier, in body-size text).</summary>
    private static (int Page, double Top) HeadingTop(PdfDocument doc, string heading)
    {
        var first = heading.Split(' ')[0];
        (int, double)? found = null;
        foreach (var page in doc.GetPages())
            foreach (var word in page.GetWords().Where(w => w.Text == first && w.Letters[0].PointSize > 13))
                found = (page.Number, word.BoundingBox.Top);
        return found ?? throw new InvalidOperationException($"no heading \"{heading}\"");
    }

    [ToolFact("pdftotext")]
    public void Pdftotext_reads_the_tables_numbers_and_the_reports_title_as_written()
    {
        var text = PdfToText(briefs.Pdf(2025, "ai-index-brief"), "-layout");

        // The scorecard's row: tabular digits extract whole, in the row of their label.
        var row = text.Split('\n').Single(l => l.Contains("인구 10만 명당 AI 특허 등록 건수(2023년)", StringComparison.Ordinal));
        Assert.Matches(@"\s17\.3건\s", row);
        Assert.Contains("『AI Index Report 2025』", text);
        Assert.DoesNotContain("「AI Index Report", text);
    }

    [Theory]
    [InlineData(2024, "2024-07-22")]
    [InlineData(2025, "2025-04-16")]
    public void No_source_the_brief_lists_is_dated_after_the_brief(int edition, string briefDate)
    {
        var text = briefs.Text(edition, "ai-index-brief");
        var sources = text[text.LastIndexOf("자료와 방법", StringComparison.Ordinal)..];
        var cutoff = DateOnly.ParseExact(briefDate, "yyyy-MM-dd", CultureInfo.InvariantCulture);

        var dates = DotDate().Matches(sources).Select(m => new DateOnly(int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture),
            int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture))).ToList();
        Assert.NotEmpty(dates);
        Assert.All(dates, d => Assert.True(d <= cutoff, $"a source dated {d:yyyy-MM-dd} is listed in a brief dated {briefDate}"));
        if (edition == 2025)
        {
            // The Korean analysis published the same day is cited; the Vibrancy Tool of November 2025 is not.
            Assert.Contains("소프트웨어정책연구소", sources);
            Assert.DoesNotContain("Global AI Vibrancy Tool 2025", text);
        }
    }

    [GeneratedRegex(@"(\d{4})\. (\d{1,2})\. (\d{1,2})\.")]
    private static partial Regex DotDate();

    [Fact]
    public void The_2025_implications_cite_the_Korean_analysis_and_its_points()
    {
        var implications = briefs.Section(2025, "ai-index-brief", "7. 한국에의 시사점", "8. 발표값과 재집계 비교");

        Assert.Contains("동맹·우방국과 연구·인재 협력", implications);
        Assert.Contains("인프라(반도체·데이터센터), 파운데이션 모델, 응용 서비스", implications);
        Assert.Contains("컴퓨팅·데이터·인재 등 AI 개발과 활용의 기반이 되는 자원", implications);
        Assert.Contains("에이전트 AI", implications);
        Assert.Contains("피지컬 AI", implications);
        Assert.Contains("소프트웨어정책연구소(2025)의 『AI 인덱스 2025 주요내용 및 시사점』도", implications);
        // The 2024 edition names no analysis: no citation, and nothing left where it would be.
        var text2024 = briefs.Text(2024, "ai-index-brief");
        Assert.DoesNotContain("소프트웨어정책연구소", text2024);
        Assert.DoesNotContain("※ 도", text2024);
    }

    private static string PdfToText(byte[] pdf, params string[] options)
    {
        var path = Path.Combine(Path.GetTempPath(), $"editorial-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(path, pdf);
        try
        {
            var start = new ProcessStartInfo("pdftotext") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var option in options) start.ArgumentList.Add(option);
            start.ArgumentList.Add(path);
            start.ArgumentList.Add("-");
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            process.WaitForExit();
            Assert.Equal(0, process.ExitCode);
            return output.Result;
        }
        finally
        {
            File.Delete(path);
        }
    }
}
