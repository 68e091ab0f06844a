using AiIndexReports.Briefs;
using AiIndexReports.Charts;
using AiIndexReports.Config;
using AiIndexReports.Typesetting;
using AiIndexReports.Typesetting.Frames;
using AiIndexReports.Typesetting.Tests;
using AiIndexReports.Typesetting.Tests.PdfChecks;

namespace AiIndexReports.Tests.Briefs;

/// <summary>
/// The table conventions of templates/README.md, end to end on a synthetic brief (Markdown → composer → PDF): a
/// merged "공동 5위", a totals row, numbers right-aligned under right-aligned headers, columns sized to their content.
/// </summary>
public class BriefTableTests(BuiltBriefs briefs) : IClassFixture<BuiltBriefs>
{
    const string Markdown = """
        # 국가별 모델

        - **2024년 주목할 만한 AI 모델 수**

        표: 국가별 주목할 만한 AI 모델 수(2024년)

        (단위: 개, %)

        열 병합: 순위

        | 순위 | 국가와 설명 | 모델 수 | 비중 |
        |:---:|:---|---|---|
        | 1위 | 미국: 대형 기술 기업과 연구소가 대부분을 개발 | 39 | 70.9% |
        | 2위 | 중국 | 10 | 18.2% |
        | 공동 5위 | 사우디아라비아 | 1 | 1.8% |
        | 공동 5위 | 이스라엘 | 1 | 1.8% |
        | 공동 5위 | 캐나다 | 1 | 1.8% |
        | 공동 5위 | 한국: 인구 10만 명당 특허는 17.3건으로 1위 | 1 | 1.8% |
        |---|---|---|---|
        | **합계** | < | **53** | **96.3%** |

        자료: Epoch AI(2025)
        """;

    private TypesetResult Typeset()
    {
        var reader = new MarkdownReader();
        var blocks = reader.Read(Markdown, "synthetic.md");
        Assert.Empty(reader.Errors);
        var theme = BriefTheme.Load(TestRepo.Root);
        var summary = BriefManifest.Load(TestRepo.Root).Briefs.Single(b => b.Variant != "full");
        return new BriefTypesetter(theme, briefs.Fonts).Typeset(summary, 2025, new BriefDocument(blocks), new FigureSet([], []),
            new DateTime(2025, 4, 16, 0, 0, 0, DateTimeKind.Utc));
    }

    [PdfToolFact("qpdf")]
    public void The_merged_rank_and_the_totals_are_tagged_as_such()
    {
        var report = TaggedPdfChecker.Check(Typeset().Pdf);

        Assert.True(report.Failures.Count == 0, report.ToString());
        Assert.Equal([(4, 1)], report.Cells.Where(c => c.Group == "TBody" && (c.RowSpan, c.ColSpan) != (1, 1)).Select(c => (c.RowSpan, c.ColSpan)));
        Assert.Equal(6 * 4 - 3, report.Cells.Count(c => c.Group == "TBody"));
        Assert.Equal([("TD", 1, 2), ("TD", 1, 1), ("TD", 1, 1)], report.Cells.Where(c => c.Group == "TFoot").Select(c => (c.Role, c.RowSpan, c.ColSpan)));
        Assert.Equal(4, report.Cells.Count(c => c.Group == "THead" && c.Role == "TH"));
    }

    [ToolFact("pdftotext")]
    public void Numbers_sit_right_aligned_under_their_headers_and_read_as_written()
    {
        var result = Typeset();
        var pages = PageText.Read(result.Pdf);
        var words = pages.SelectMany(p => p.Words).ToList();

        // "모델 수" and "비중" have no alignment mark: their cells are numbers, so the column and its header are right-aligned.
        var share = words.Single(w => w.Text == "비중");
        var headerRow = words.Where(w => Math.Abs(w.YMin - share.YMin) < 1).ToList();
        Assert.Equal(3, words.Count(w => w.Text is "70.9%" or "18.2%" or "96.3%"));
        Assert.All(words.Where(w => w.Text is "70.9%" or "18.2%" or "96.3%"), w => Assert.Equal(share.XMax, w.XMax, 0.6));
        var count = headerRow.Single(w => w.Text == "수");
        Assert.All(words.Where(w => w.Text is "39" or "10" or "53"), w => Assert.Equal(count.XMax, w.XMax, 0.6));
        var text = string.Join(" ", pages.SelectMany(p => p.Lines).Select(l => l.Text));
        Assert.Contains("17.3건", text);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(text, "공동 5위"));
        Assert.Contains("합계", text);
    }

    [Fact]
    public void The_number_columns_are_narrower_than_the_text_column()
    {
        var page = Typeset().Pages[0];
        var rules = page.Blocks.Where(b => b.Artifact == ArtifactKind.Layout).SelectMany(b => b.Items).OfType<LineItem>()
            .Where(l => Math.Abs(l.From.X - l.To.X) < 0.01f).Select(l => l.From.X).Distinct().Order().ToList();
        Assert.Equal(3, rules.Count);
        var theme = BriefTheme.Load(TestRepo.Root);
        var right = theme.PageSize.Width - theme.Margins.Right;
        var (rank, text, models, share) = (rules[0] - theme.Margins.Left, rules[1] - rules[0], rules[2] - rules[1], right - rules[2]);
        Assert.True(text > 2 * models && text > 2 * share && text > 2 * rank, $"rank {rank:0}, text {text:0}, models {models:0}, share {share:0} pt");
    }
}
