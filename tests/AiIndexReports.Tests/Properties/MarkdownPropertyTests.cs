using AiIndexReports.Config;
using AiIndexReports.Briefs;
using AiIndexReports.Pipeline;
using AiIndexReports.Charts;
using AiIndexReports.Data;
using AiIndexReports.Metrics;
using AiIndexReports.Typesetting;
using CsCheck;

namespace AiIndexReports.Tests.Properties;

/// <summary>
/// The Markdown half of the Write stage and the Typeset stage on random rendered sections (headings, nested bullets,
/// tables, quotes, code, images, raw HTML, markers): the reader gives blocks or collects located errors, and every
/// document it accepts typesets into a PDF or fails with a typesetting error — nothing else is thrown.
/// </summary>
public sealed class MarkdownPropertyTests
{
    private const string File = "templates/brief/01-random.md.sbn";

    private static Gen<string> Choose(params string[] options) => Gen.Int[0, options.Length - 1].Select(i => options[i]);

    private static readonly Gen<string> Piece = Choose(
        "# 제목\n", "## 소제목\n", "###### 깊은 제목\n", "- 항목\n", "  - 하위 항목\n", "    - 더 깊은 항목\n", "        - 아주 깊은 항목\n",
        "1. 번호\n", "> 인용\n", "```\n", "    들여쓴 코드\n", "![그림](x.png)", "[링크](https://hai.stanford.edu)", "[빈 링크]()",
        "**굵게", "*", "_", "`", "~~", "\\", "&amp;", "<br>", "<b>굵게</b>", "[^1]", "[^1]: 각주\n",
        "| a | b |\n|---|---|\n| 1 | 2 |\n", "| a |\n", "|---|\n", "표: 캡션\n", "(단위: 개, %)\n", "주: 설명\n", "자료: Epoch AI\n",
        "---\n", "***\n", "\n", "\n\n", "가나다 라마바 ", "2024년 78% 3.2%p ", "※ 참고 ", "□ 진술 ", "○ 세부 ",
        MarkdownReader.FigureMarker("models_by_country") + "\n", MarkdownReader.FigureMarker("") + "\n", MarkdownReader.PageBreakMarker + "\n");

    [Fact]
    public void Random_sections_read_into_blocks_or_located_errors()
    {
        Piece.Array[1, 25].Select(pieces => string.Concat(pieces)).Sample(markdown =>
        {
            var reader = new MarkdownReader();
            reader.Read(markdown, File);
            Assert.All(reader.Errors, e => Assert.Equal(File, e.Location?.File));
        }, iter: 3000);
    }

    [Fact]
    public void Random_sections_the_reader_accepts_typeset_or_fail_with_a_typesetting_error()
    {
        var theme = BriefTheme.Load(TestRepo.Root);
        using var fonts = theme.Fonts.Load(TestRepo.Root);
        var figures = FigureBuilder.Build(new MetricsCalculator().Compute(new DatasetLoader().Load(TestRepo.Root, 2025)));
        var brief = BriefManifest.Load(TestRepo.Root).Briefs.Single(b => b.Id == "ai-index-summary");
        var created = new DateTime(2025, 4, 16, 0, 0, 0, DateTimeKind.Utc);

        Piece.Array[1, 25].Select(pieces => string.Concat(pieces)).Sample(markdown =>
        {
            var reader = new MarkdownReader();
            var blocks = reader.Read(markdown, File);
            if (reader.Errors.Count > 0) return;
            try
            {
                var result = HangGuard.Run(() => new BriefTypesetter(theme, fonts).Typeset(brief, 2025, new BriefDocument(blocks), figures, created), markdown);
                Assert.True(result.PageCount >= 1);
            }
            catch (TypesettingException)
            {
                // A document the layout cannot place (e.g. a keep-together block taller than a page) is an error for people.
            }
        }, iter: 150, threads: 1);
    }
}
