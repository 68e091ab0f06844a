using AiIndexReports.Briefs;

namespace AiIndexReports.Tests.Briefs;

public class MarkdownReaderTests
{
    private static string Text(IReadOnlyList<Inline> inlines) => string.Concat(inlines.Select(i => i.Text));

    [Fact]
    public void Ranges_with_tildes_stay_as_written()
    {
        var blocks = new MarkdownReader().Read("- **비용은 2024~2026년 동안 연간 약 40배 하락(90% 신뢰구간 3.0~610배)**\n", "templates/brief/05.md.sbn");

        var bullet = Assert.IsType<BriefBullet>(Assert.Single(blocks));
        Assert.Equal("비용은 2024~2026년 동안 연간 약 40배 하락(90% 신뢰구간 3.0~610배)", Text(bullet.Text));
        Assert.All(bullet.Text, i => Assert.False(i.Italic));
    }

    [Fact]
    public void Headings_are_numbered_across_files()
    {
        var reader = new MarkdownReader();
        var first = reader.Read("# 개요\n\n## 배경\n\n## 범위\n", "templates/brief/01.md.sbn");
        var second = reader.Read("# 주목할 만한 AI 모델\n\n## 국가별\n", "templates/brief/02.md.sbn");

        var numbers = first.Concat(second).OfType<BriefHeading>().Select(h => h.Number + " " + h.PlainText);
        Assert.Equal(["1. 개요", "1.1 배경", "1.2 범위", "2. 주목할 만한 AI 모델", "2.1 국가별"], numbers);
        Assert.Empty(reader.Errors);
    }

    [Fact]
    public void Nested_lists_become_bullet_levels_with_bold_runs()
    {
        var blocks = new MarkdownReader().Read(
            "- **미국이 40개로 1위**\n  - 중국은 15개\n    - 한국은 1개\n      - 세부 사항\n", "x.md.sbn");

        var bullets = blocks.Cast<BriefBullet>().ToList();
        Assert.Equal([1, 2, 3, 4], bullets.Select(b => b.Level));
        Assert.Equal("미국이 40개로 1위", Text(bullets[0].Text));
        Assert.True(bullets[0].Text.Single().Bold);
        Assert.Equal("한국은 1개", Text(bullets[2].Text));
        Assert.False(bullets[2].Text.Single().Bold);
    }

    [Fact]
    public void Table_takes_caption_and_unit_lines_and_alignment()
    {
        var md = "표: 국가별 모델 수\n\n(단위: 개, %)\n\n| 국가 | 모델 수 |\n|:---|---:|\n| 미국 | 40 |\n| 중국 | 15 |\n\n자료: Epoch AI(2025)\n";
        var blocks = new MarkdownReader().Read(md, "x.md.sbn");

        var table = Assert.IsType<BriefTable>(blocks[0]);
        Assert.Equal(1, table.Number);
        Assert.Equal("국가별 모델 수", table.Caption);
        Assert.Equal("단위: 개, %", table.Unit);
        Assert.Equal(["국가", "모델 수"], table.Header.Select(Text));
        Assert.Equal("15", Text(table.Rows[1][1]));
        Assert.Equal([CellAlign.Left, CellAlign.Right], table.Align);
        var source = Assert.IsType<BriefParagraph>(blocks[1]);
        Assert.Equal(ParagraphKind.Source, source.Kind);
    }

    [Fact]
    public void Summary_container_figures_page_breaks_and_notes()
    {
        var md = ":::summary\n- **요약 1**\n:::\n\n" + MarkdownReader.FigureMarker("models_by_country") +
                 "\n\n※ 재집계 값임\n\n" + MarkdownReader.PageBreakMarker + "\n\n" + MarkdownReader.FigureMarker("inference_price") + "\n";
        var blocks = new MarkdownReader().Read(md, "x.md.sbn");

        var summary = Assert.IsType<BriefSummary>(blocks[0]);
        Assert.Equal("요약 1", Text(Assert.IsType<BriefBullet>(summary.Blocks.Single()).Text));
        // Each block knows the section and the line of the Markdown it starts on (where a bad character is looked up).
        Assert.Equal(new BriefFigure(1, "models_by_country") { At = new SourceLocation("x.md.sbn", 5) }, blocks[1]);
        Assert.Equal(ParagraphKind.Note, Assert.IsType<BriefParagraph>(blocks[2]).Kind);
        Assert.IsType<BriefPageBreak>(blocks[3]);
        Assert.Equal(new BriefFigure(2, "inference_price") { At = new SourceLocation("x.md.sbn", 11) }, blocks[4]);
    }

    [Fact]
    public void Table_without_caption_and_raw_html_are_errors_with_lines()
    {
        var reader = new MarkdownReader();
        reader.Read("문단\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n<div>x</div>\n", "templates/brief/03.md.sbn");

        Assert.Equal(
            ["templates/brief/03.md.sbn:3: error: a table needs a caption line \"표: …\" just above it",
             "templates/brief/03.md.sbn:7: error: raw HTML is not allowed in briefs: <div>x</div>"],
            reader.Errors.Select(e => e.ToString()));
    }

    private static string Cell(IReadOnlyList<Inline> cell) => Text(cell);

    [Fact]
    public void A_caret_cell_merges_with_the_cell_above_and_a_less_than_cell_with_the_cell_to_its_left()
    {
        var md = "표: 순위\n\n| 순위 | 국가 | 모델 수 |\n|:---:|:---|---:|\n| 4위 | 프랑스 | 3 |\n| 공동 5위 | 캐나다 | 1 |\n| ^ | 한국 | 1 |\n" +
                 "| ^ | 이스라엘 | 1 |\n| 기타 | < | 0 |\n";
        var reader = new MarkdownReader();
        var table = Assert.IsType<BriefTable>(reader.Read(md, "x.md.sbn").Single());

        Assert.Empty(reader.Errors);
        Assert.Equal([new CellSpan(TablePart.Body, 1, 0, 3, 1), new CellSpan(TablePart.Body, 4, 0, 1, 2)], table.Spans);
        Assert.Equal(["공동 5위", "", ""], table.Rows.Skip(1).Take(3).Select(r => Cell(r[0])));
        Assert.Equal(["기타", "", "0"], table.Rows[4].Select(Cell));
    }

    [Fact]
    public void Named_columns_merge_equal_cells_and_rows_after_a_dash_row_are_totals()
    {
        var md = "표: 순위\n\n열 병합: 순위\n\n| 순위 | 국가 | 모델 수 |\n|:---:|:---|---|\n| 1위 | 미국 | 39 |\n| 공동 5위 | 캐나다 | 1 |\n" +
                 "| 공동 5위 | 한국 | 1 |\n| 공동 5위 | 영국 | 1 |\n| 9위 | 독일 | 1 |\n|---|---|---|\n| **합계** | < | 43 |\n";
        var reader = new MarkdownReader();
        var table = Assert.IsType<BriefTable>(reader.Read(md, "x.md.sbn").Single());

        Assert.Empty(reader.Errors);
        Assert.Equal(5, table.Rows.Count);
        Assert.Equal(["합계", "", "43"], Assert.Single(table.Totals).Select(Cell));
        Assert.True(table.Totals[0][0].Single().Bold);
        Assert.Equal([new CellSpan(TablePart.Totals, 0, 0, 1, 2), new CellSpan(TablePart.Body, 1, 0, 3, 1)], table.Spans);
        Assert.Equal(CellAlign.Auto, table.Align[2]);
    }

    [Fact]
    public void Column_widths_and_in_place_lines_belong_to_the_table_or_figure_below()
    {
        var md = "배치: 고정\n\n표: 성적표\n\n(단위: 건)\n\n열 너비: 50%, *, 20%\n\n| 지표 | 한국 | 순위 |\n|---|---|---|\n| 특허 | 17.3건 | 1위 |\n\n" +
                 "배치: 고정\n\n" + MarkdownReader.FigureMarker("models_by_country") + "\n\n" + MarkdownReader.FigureMarker("models_trend") + "\n";
        var reader = new MarkdownReader();
        var blocks = reader.Read(md, "x.md.sbn");

        Assert.Empty(reader.Errors);
        var table = Assert.IsType<BriefTable>(blocks[0]);
        Assert.Equal("단위: 건", table.Unit);
        Assert.Equal([50f, null, 20f], table.Widths);
        Assert.True(table.InPlace);
        Assert.True(Assert.IsType<BriefFigure>(blocks[1]).InPlace);
        Assert.False(Assert.IsType<BriefFigure>(blocks[2]).InPlace);
    }

    [Fact]
    public void Mistakes_in_the_table_conventions_are_errors_with_their_lines()
    {
        var md = "표: 표 하나\n\n열 너비: 50%, 넓게\n\n열 병합: 나라\n\n| ^ | 값 |\n|---|---|\n| 한국 | < |\n| ^ | 2 |\n|---|---|\n\n" +
                 "열 너비: 30%, *\n\n배치: 고정\n\n본문 문단\n";
        var reader = new MarkdownReader();
        reader.Read(md, "t.md.sbn");

        Assert.Equal(
        [
            "t.md.sbn:11: error: a \"|---|\" row must be followed by the totals row(s) (합계)",
            "t.md.sbn:7: error: \"^\" in cell 1 has no cell to merge with above it (the first row of the table or of its totals)",
            "t.md.sbn:10: error: cell 2 holds text but lies inside the cell merged from row 1, column 1 (write \"^\" or \"<\" there)",
            "t.md.sbn:5: error: \"열 병합:\" names a column \"나라\" the table does not have (its columns: , 값)",
            "t.md.sbn:3: error: \"열 너비:\" takes a percentage such as 30% or * (content decides) per column, found \"넓게\"",
            "t.md.sbn:13: error: \"열 너비:\" belongs between a table's caption line \"표: …\" and the table",
            "t.md.sbn:15: error: \"배치: 고정\" must stand right above a figure ({{ figure \"id\" }}) or a table's \"표:\" line",
        ], reader.Errors.Select(e => e.ToString()));
    }
}
