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
}
