using AiIndexReports.Typesetting.Elements;
using AiIndexReports.Typesetting.Frames;
using AiIndexReports.Typesetting.Tests.PdfChecks;
using SkiaSharp;
using UglyToad.PdfPig;

namespace AiIndexReports.Typesetting.Tests;

/// <summary>Tables: columns sized to their content, merged cells, totals rows, and how they are tagged.</summary>
public class TableLayoutTests
{
    const float Left = 62f, BodyWidth = 595.28f - 124f;

    static TypesetResult Typeset(params Element[] content) =>
        new Typesetter(TestFonts.Library).Typeset(new Document(TestFonts.Theme) { Metadata = new DocumentMetadata { Title = "표 시험" } }.AddRange(content));

    /// <summary>x of every vertical rule between columns on a page (table rules are Layout artifacts).</summary>
    static List<float> ColumnRules(PageFrame page) =>
        page.Blocks.Where(b => b.Artifact == ArtifactKind.Layout).SelectMany(b => b.Items).OfType<LineItem>()
            .Where(l => Math.Abs(l.From.X - l.To.X) < 0.01f).Select(l => MathF.Round(l.From.X, 2)).Distinct().Order().ToList();

    /// <summary>The ranking of the 2024 notable-model counts: ranks, countries, counts; four countries tied at 5th.</summary>
    static Table Ranking(bool merged, bool totals)
    {
        var table = new Table(Width.Auto, Width.Auto, Width.Auto, Width.Auto);
        table.Header("순위", "국가", new TableCell("모델 수", TextAlign.Right), new TableCell("비중", TextAlign.Right));
        (string Rank, string Country, string Count, string Share)[] rows =
        [
            ("1위", "미국", "39", "70.9%"), ("2위", "중국", "10", "18.2%"), ("3위", "영국", "6", "10.9%"), ("4위", "프랑스", "3", "5.5%"),
            ("공동 5위", "사우디아라비아", "1", "1.8%"), ("공동 5위", "이스라엘", "1", "1.8%"), ("공동 5위", "캐나다", "1", "1.8%"),
            ("공동 5위", "한국", "1", "1.8%"),
        ];
        for (var i = 0; i < rows.Length; i++)
        {
            var (rank, country, count, share) = rows[i];
            var cells = new List<TableCell>();
            if (!merged || i < 5) cells.Add(new TableCell(new Paragraph(rank) { Align = TextAlign.Center }) { RowSpan = merged && i == 4 ? 4 : 1 });
            cells.Add(country);
            cells.Add(new TableCell(count, TextAlign.Right));
            cells.Add(new TableCell(share, TextAlign.Right));
            table.Row(cells);
        }
        if (totals)
            table.Footer(new TableCell(new Paragraph("합계") { Align = TextAlign.Center }) { ColumnSpan = 2 }, new TableCell("55", TextAlign.Right),
                new TableCell("100.0%", TextAlign.Right));
        return table;
    }

    [Fact]
    public void Auto_columns_are_as_wide_as_their_content_asks_and_share_the_rest_by_it()
    {
        var table = new Table(Width.Auto, Width.Auto)
            .Header("설명", new TableCell("값", TextAlign.Right))
            .Row(SampleDocuments.Sentences[0] + " " + SampleDocuments.Sentences[1], new TableCell("2,345억 달러", TextAlign.Right))
            .Row(SampleDocuments.Sentences[2], new TableCell("17.3건", TextAlign.Right));
        var result = Typeset(table);

        // One rule between the two columns: the number column is narrow, the text column takes the rest.
        var rule = Assert.Single(ColumnRules(result.Pages[0]));
        var textColumn = rule - Left;
        var numberColumn = Left + BodyWidth - rule;
        Assert.True(numberColumn < 90f && textColumn > 3 * numberColumn, $"text {textColumn:0.#} pt, numbers {numberColumn:0.#} pt");
        // The number column is still wide enough for its widest number on one line.
        using var pdf = PdfDocument.Open(result.Pdf);
        var words = pdf.GetPage(1).GetWords().ToList();
        var amount = words.Where(w => w.Text is "2,345억" or "달러").ToList();
        Assert.Equal(2, amount.Count);
        Assert.Equal(amount[0].BoundingBox.Bottom, amount[1].BoundingBox.Bottom, 0.01);
    }

    [Fact]
    public void A_cell_of_several_blocks_asks_for_its_widest_and_a_drawing_for_its_width()
    {
        var label = new Column(new Paragraph("짧은 줄"), new Box(new Paragraph("상자 안의 조금 더 긴 줄")) { Style = new BoxStyle { Padding = new Spacing(2, 10) } });
        var result = Typeset(new Table(Width.Auto, Width.Auto, Width.Auto)
            .Row(new TableCell(label), new TableCell(new CanvasElement(20, (_, _, _) => { }) { Width = 120 }), SampleDocuments.Sentences[0] + " " + SampleDocuments.Sentences[1]));
        var rules = ColumnRules(result.Pages[0]);

        // Columns 1 and 2 get their whole content on one line (their widest block; the drawing's 120 pt) plus padding.
        var padding = TestFonts.Theme.Table.CellPadding.Horizontal;
        Assert.Equal(120f + padding, rules[1] - rules[0], 0.5f);
        Assert.InRange(rules[0] - Left, 80f, 160f);
    }

    [Fact]
    public void Equal_relative_columns_stay_equal_without_auto_columns()
    {
        var result = Typeset(new Table(Width.Relative(1), Width.Relative(1)).Header("설명", "값").Row(SampleDocuments.Sentences[0], "1"));
        Assert.Equal(Left + BodyWidth / 2, Assert.Single(ColumnRules(result.Pages[0])), 0.05f);
    }

    [Fact]
    public void A_percentage_column_takes_its_share_and_auto_columns_the_rest()
    {
        var result = Typeset(new Table(Width.Percent(50), Width.Auto, Width.Auto)
            .Header("지표", "한국", "순위").Row("인구 10만 명당 AI 특허 등록 건수", new TableCell("17.3건", TextAlign.Right), "1위"));
        var rules = ColumnRules(result.Pages[0]);
        Assert.Equal(Left + BodyWidth * 0.5f, rules[0], 0.05f);
    }

    [Fact]
    public void A_merged_cell_is_drawn_once_over_its_rows_with_no_rule_through_it()
    {
        var result = Typeset(Ranking(merged: true, totals: false));
        var page = result.Pages[0];

        var ranks = page.Blocks.SelectMany(b => b.Items).OfType<GlyphRunItem>().Where(r => r.Text.Contains("5위")).ToList();
        Assert.Single(ranks);
        // Rows 5–8 (the tied countries): the merged cell is centred over them, and the row rules stop at its edge.
        float Baseline(string text) => page.Blocks.SelectMany(b => b.Items).OfType<GlyphRunItem>().First(r => r.Text == text).Positions[0].Y;
        var middle = (Baseline("사우디아라비아") + Baseline("한국")) / 2;
        Assert.Equal(middle, ranks[0].Positions[0].Y, 1.0f);
        var firstColumnEnd = ColumnRules(page)[0];
        var rowRules = page.Blocks.Where(b => b.Artifact == ArtifactKind.Layout).SelectMany(b => b.Items).OfType<LineItem>()
            .Where(l => Math.Abs(l.From.Y - l.To.Y) < 0.01f && l.From.Y > Baseline("사우디아라비아") && l.From.Y < Baseline("한국")).ToList();
        Assert.Equal(3, rowRules.Count);
        Assert.All(rowRules, l => Assert.True(Math.Min(l.From.X, l.To.X) >= firstColumnEnd - 0.01f, $"a rule from x {l.From.X} crosses the merged cell"));
    }

    [Fact]
    public void Rows_joined_by_a_merged_cell_move_to_the_next_page_together()
    {
        // Push the table down so that the page ends inside the four tied rows.
        for (var filler = 520f; filler <= 640f; filler += 8f)
        {
            var result = Typeset(new Spacer(filler), Ranking(merged: true, totals: false));
            var pages = new[] { "사우디아라비아", "이스라엘", "캐나다", "한국" }
                .Select(country => result.Pages.First(p => p.Blocks.SelectMany(b => b.Items).OfType<GlyphRunItem>().Any(r => r.Text == country)).Index)
                .Distinct().ToList();
            Assert.Single(pages);
        }
    }

    [Fact]
    public void The_totals_row_closes_the_table_in_bold_over_a_rule()
    {
        var result = Typeset(Ranking(merged: true, totals: true));
        var runs = result.Pages[0].Blocks.SelectMany(b => b.Items).OfType<GlyphRunItem>().ToList();

        var total = runs.Single(r => r.Text == "합계");
        var sum = runs.Single(r => r.Text == "55");
        Assert.Equal(SKFontStyleWeight.Bold, total.Face.Weight);
        Assert.Equal(SKFontStyleWeight.Bold, sum.Face.Weight);
        Assert.Equal(SKFontStyleWeight.Normal, runs.Single(r => r.Text == "39").Face.Weight);
        Assert.True(total.Positions[0].Y > runs.Single(r => r.Text == "한국").Positions[0].Y);
        // A rule across the whole table between the last row and the totals, heavier than the row rules.
        var rules = result.Pages[0].Blocks.Where(b => b.Artifact == ArtifactKind.Layout).SelectMany(b => b.Items).OfType<LineItem>()
            .Where(l => Math.Abs(l.From.Y - l.To.Y) < 0.01f && l.From.Y < total.Positions[0].Y && l.From.Y > runs.Single(r => r.Text == "한국").Positions[0].Y)
            .ToList();
        var over = Assert.Single(rules);
        Assert.Equal(BodyWidth, Math.Abs(over.To.X - over.From.X), 0.05f);
        Assert.True(over.Width > TestFonts.Theme.Table.RuleWidth);
    }

    [Fact]
    public void The_totals_row_stays_with_the_last_rows_when_the_page_ends()
    {
        for (var filler = 480f; filler <= 660f; filler += 8f)
        {
            var result = Typeset(new Spacer(filler), new Figure("<표 1> 순위", Ranking(merged: true, totals: true)) { KeepTogether = false });
            string Pages(string text) => string.Join(",", result.Pages.Where(p => p.Blocks.SelectMany(b => b.Items).OfType<GlyphRunItem>().Any(r => r.Text == text)).Select(p => p.Index));
            Assert.True(Pages("한국") == Pages("합계"), $"filler {filler}: 한국 on {Pages("한국")}, 합계 on {Pages("합계")}");
        }
    }

    [PdfToolFact("qpdf")]
    public void Merged_cells_carry_their_spans_and_totals_are_a_table_footer_in_the_tagged_pdf()
    {
        var report = TaggedPdfChecker.Check(Typeset(Ranking(merged: true, totals: true)).Pdf);

        Assert.True(report.Failures.Count == 0, report.ToString());
        Assert.Equal(1, report.Count("THead"));
        Assert.Equal(1, report.Count("TBody"));
        Assert.Equal(1, report.Count("TFoot"));
        Assert.Equal(10, report.Count("TR"));
        // 4 header cells; 8 rows of 4 cells less the 3 the merged rank covers; totals: 합계 over two columns + 2.
        Assert.Equal(4, report.Cells.Count(c => c.Group == "THead" && c.Role == "TH"));
        Assert.Equal(29, report.Cells.Count(c => c.Group == "TBody" && c.Role == "TD"));
        Assert.Equal([(4, 1)], report.Cells.Where(c => c.RowSpan > 1 || c.ColSpan > 1 && c.Group == "TBody").Select(c => (c.RowSpan, c.ColSpan)));
        Assert.Equal([(1, 2), (1, 1), (1, 1)], report.Cells.Where(c => c.Group == "TFoot").Select(c => (c.RowSpan, c.ColSpan)));
    }

    [ToolFact("pdftotext")]
    public void Numbers_extract_as_written_and_the_merged_rank_once()
    {
        var text = PdfCoreTestSupport.PdfToText(Typeset(Ranking(merged: true, totals: true)).Pdf);
        Assert.Contains("70.9%", text);
        Assert.Contains("100.0%", text);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(text, "공동 5위"));
    }
}
