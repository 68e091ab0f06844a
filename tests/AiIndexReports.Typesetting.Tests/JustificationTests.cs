using AiIndexReports.Typesetting.Elements;
using AiIndexReports.Typesetting.Text;
using CsCheck;

namespace AiIndexReports.Typesetting.Tests;

/// <summary>
/// Justification to KLREQ and the total-fit breaker: which gaps stretch, where syllables get space, how short last
/// lines are avoided, and that the chosen breaks are never worse than line-by-line breaking by the breaker's own measure.
/// </summary>
public class JustificationTests
{
    static readonly JustificationStyle Style = JustificationStyle.Default;
    static readonly JustificationLimits BodyLimits = JustificationLimits.For(Style, 10.5f);

    static ParagraphText Text(string text, TextStyle? style = null) =>
        new([new TextSpan(text)], style ?? TestFonts.Theme.Body.Text, TestFonts.Library);

    static string Visible(ParagraphText text, TextLine line) => text.Text[line.Words[0].Start..line.Words[^1].End];

    [Fact]
    public void Total_fit_never_costs_more_than_breaking_line_by_line()
    {
        LineBreakingPropertyTests.Cases.Sample(c =>
        {
            var paragraph = Text(c.Text);
            var total = paragraph.BreakLines(c.Width, c.Width, true, Style);
            var firstFit = paragraph.BreakLines(c.Width, c.Width, true, Style with { TotalFit = false });
            // First fit may break inside a word wider than the line, a break total fit does not have: nothing to compare.
            var starts = paragraph.Words.Select(w => w.Start).ToHashSet();
            if (!firstFit.All(l => starts.Contains(l.Words[0].Start))) return;
            var totalCost = TotalFit.Demerits(total, c.Width, c.Width, Style, BodyLimits);
            var firstFitCost = TotalFit.Demerits(firstFit, c.Width, c.Width, Style, BodyLimits);
            Assert.NotNull(totalCost);
            Assert.NotNull(firstFitCost);
            Assert.True(totalCost <= firstFitCost * (1 + 1e-6) + 1e-3,
                $"total fit {totalCost} > first fit {firstFitCost} at {c.Width} pt: {c.Text}");
        }, iter: 400);
    }

    [Fact]
    public void Letter_space_goes_next_to_Hangul_only_once_word_spaces_reach_their_limit_and_stays_under_the_ceiling()
    {
        LineBreakingPropertyTests.Cases.Sample(c =>
        {
            var paragraph = Text(c.Text);
            foreach (var word in paragraph.Words)
                for (var i = word.Start + 1; i < word.End; i++)
                {
                    char before = paragraph.Text[i - 1], after = paragraph.Text[i];
                    var hangul = (KoreanLineBreaking.IsHangulSyllable(before) ? 1 : 0) + (KoreanLineBreaking.IsHangulSyllable(after) ? 1 : 0);
                    if (word.IsLetterSlot(i)) Assert.True(hangul == 2, $"letter slot between '{before}' and '{after}'");
                    if (word.IsEdgeSlot(i))
                        Assert.True(hangul == 1 && char.IsLetterOrDigit(before) && char.IsLetterOrDigit(after), $"edge slot between '{before}' and '{after}'");
                }
            foreach (var line in paragraph.BreakLines(c.Width, c.Width, true, Style).Where(l => !l.EndsParagraph))
            {
                var placement = line.Place(c.Width, TextAlign.Justify);
                Assert.InRange(placement.LetterExtra, 0f, 0.08f * 10.5f + 1e-4f);
                Assert.InRange(placement.EdgeExtra, 0f, 0.08f * 10.5f + 1e-4f);
                if (line.AdjustedGaps != GapKind.Word) continue;
                var wordGaps = line.Words[..^1].Where(w => w.Gap == GapKind.Word).ToList();
                if (placement.LetterExtra > 0)
                    Assert.All(wordGaps, w => Assert.True(placement.GapWidth(w) >= 1.5f * w.SpaceWidth - 0.01f, "syllables are spaced before word spaces reach 150 %"));
                if (placement.EdgeExtra > 0 && line.LetterSlots > 0)
                    Assert.True(placement.LetterExtra >= 0.05f * 10.5f - 1e-4f, "edges open before syllables reach 0.05 em");
            }
        }, iter: 300);
    }

    [Fact]
    public void A_title_in_brackets_keeps_its_spaces_while_the_words_around_it_take_the_slack()
    {
        // The first line of the 2025 요약 box: before, its word spaces were 3.6 times the normal space, the title's too.
        var style = TestFonts.Theme.Bullet(1).Paragraph.Text with { Weight = SkiaSharp.SKFontStyleWeight.Bold };
        var paragraph = Text("스탠퍼드대 인간중심AI연구소(HAI)는 「AI Index Report 2025」를 통해 2024년 AI 기술·투자·정책 전반의 동향을 정량적으로 제시", style);
        var lines = paragraph.BreakLines(427.7f, 427.7f, true, Style);

        var first = lines[0];
        Assert.Contains("「AI Index Report 2025」를", Visible(paragraph, first));
        var placement = first.Place(427.7f, TextAlign.Justify);
        Assert.InRange(first.DrawnRight(placement), 427.2f, 428.2f);
        var title = first.Words.Where(w => w.Gap == GapKind.Title).ToList();
        Assert.Equal(3, title.Count);
        Assert.All(title, w => Assert.Equal(w.SpaceWidth, placement.GapWidth(w)));
        foreach (var word in first.Words[..^1].Where(w => w.Gap == GapKind.Word))
            Assert.InRange(placement.GapWidth(word) / word.SpaceWidth, 1f, 2f);
    }

    [Fact]
    public void A_Latin_phrase_keeps_its_spaces_while_Korean_word_spaces_are_within_their_limit()
    {
        var paragraph = Text("스탠퍼드대 인간중심AI연구소는 매년 AI Index Report를 발간하여 AI 분야의 연구개발, 기술 성능, 경제, 정책 동향을 데이터로 제시하고 있다");
        Assert.Equal(
            [GapKind.Word, GapKind.Word, GapKind.Word, GapKind.Latin, GapKind.Latin, GapKind.Word],
            paragraph.Words.Take(6).Select(w => w.Gap));
        var checkedLatin = 0;
        for (var width = 250f; width <= 460f; width += 10f)
        foreach (var line in paragraph.BreakLines(width, width, true, Style).Where(l => !l.EndsParagraph))
        {
            var placement = line.Place(width, TextAlign.Justify);
            var wordSpace = line.Words[..^1].First(w => w.Gap == GapKind.Word);
            if (!line.Words[..^1].Any(w => w.Gap == GapKind.Latin) || placement.GapWidth(wordSpace) >= 1.5f * wordSpace.SpaceWidth - 0.01f) continue;
            Assert.Equal(0f, placement.LatinExtra);
            checkedLatin++;
        }
        Assert.True(checkedLatin > 0, "no line with a Latin phrase had its word spaces within their limit");
    }

    [Fact]
    public void A_one_word_last_line_is_avoided_when_a_slightly_looser_line_allows_it()
    {
        // 2025 brief, section 2: first fit leaves "주도" alone on the last line.
        var style = TestFonts.Theme.Bullet(1).Paragraph.Text;
        var paragraph = Text("2024년 주목할 만한 AI 모델은 미국이 40개로 가장 많고 중국이 15개로 뒤를 이어, 미·중 양국이 전체 개발을 주도", style);
        const float width = 457.28f;

        var firstFit = paragraph.BreakLines(width, width, true, Style with { TotalFit = false });
        Assert.Equal("주도", Visible(paragraph, firstFit[^1]));

        var lines = paragraph.BreakLines(width, width, true, Style);
        Assert.Equal(2, lines.Count);
        Assert.True(lines[^1].Words.Length >= 2, $"last line \"{Visible(paragraph, lines[^1])}\"");
        var placement = lines[0].Place(width, TextAlign.Justify);
        Assert.All(lines[0].Words[..^1], w => Assert.InRange(placement.GapWidth(w) / w.SpaceWidth, 0.8f, 2f));
    }

    [Theory]
    [InlineData("기술·투자·정책 전반", 3, true)]
    [InlineData("반도체·데이터센터 투자", 4, true)]
    [InlineData("미·중 양국", 2, false)]
    [InlineData("3·1절 기념", 2, false)]
    [InlineData("AI·데이터 인프라", 3, false)]
    [InlineData("투자·정", 3, false)]
    public void Middle_dots_break_only_between_nouns_of_two_syllables_or_more(string text, int afterDot, bool breaks) =>
        Assert.Equal(breaks, KoreanLineBreaking.CanBreakAfterMiddleDot(text, afterDot));

    [Fact]
    public void Ragged_text_never_breaks_after_a_middle_dot()
    {
        var paragraph = Text("컴퓨팅 인프라·데이터·인재에 대한 집중 투자와 함께 저비용 추론 환경을 활용한 산업별 AI 전환 가속");
        for (var width = 120f; width <= 420f; width += 7f)
        {
            foreach (var line in paragraph.BreakLines(width, width, false, Style))
                Assert.False(KoreanLineBreaking.IsMiddleDot(paragraph.Text[line.Words[^1].End - 1]), $"\"{Visible(paragraph, line)}\" at {width} pt");
            // Justified text may break there, for a line that would otherwise be loose.
        }
        Assert.Contains(paragraph.Words, w => w.SoftBreak);
    }
}

public class LooseLineMeasureTests
{
    static string Page(params string[] lines) =>
        "<doc><page width=\"595\" height=\"842\">" + string.Concat(lines.Select(l => $"<line>{l}</line>")) + "</page></doc>";

    static string Words(params (double XMin, double XMax, string Text)[] words) =>
        string.Concat(words.Select(w => $"<word xMin=\"{w.XMin}\" yMin=\"100\" xMax=\"{w.XMax}\" yMax=\"110\">{w.Text}</word>"));

    [Fact]
    public void A_justified_line_with_a_gap_over_twice_the_median_is_loose_and_a_ragged_one_is_not()
    {
        var bbox = Page(
            Words((62, 100, "가"), (102, 140, "나"), (142, 533, "다")),            // gaps 2, 2
            Words((62, 100, "가"), (102, 140, "나"), (142, 533, "다")),
            Words((72, 80, "○"), (82, 100, "라"), (106, 140, "마"), (142, 533, "바")),  // marker dropped; gaps 6, 2
            Words((62, 100, "사"), (110, 140, "아"), (142, 300, "자")));           // gap 10, but not justified
        var result = LooseLines.Measure(bbox, 2.0);

        Assert.Equal(0.2, result.MedianGap, 6);
        Assert.Equal(3, result.JustifiedLines);
        var loose = Assert.Single(result.Loose);
        Assert.Equal((1, "라 마 바"), (loose.Page, loose.Text));
        Assert.Equal(3.0, loose.WidestGap, 6);
    }

    [ToolFact("pdftotext")]
    public void A_page_of_the_typesetting_benchmark_has_no_loose_justified_line()
    {
        // Broken line by line, two lines of this page had word gaps 2.06 times the median gap.
        var document = new Document(TestFonts.Theme).Add(new Heading(2, "1. 주요 동향"));
        for (var i = 0; i < 8; i++)
            document.Add(new Paragraph(string.Join(" ", Enumerable.Range(0, 3).Select(k => SampleDocuments.Sentences[(i * 3 + k) % 7]))));
        var measured = LooseLines.Measure(new Typesetter(TestFonts.Library).Typeset(document).Pdf);
        Assert.True(measured.JustifiedLines > 20, measured.ToString());
        Assert.True(measured.Loose.Count == 0, measured.ToString());
    }

    [ToolFact("pdftotext")]
    public void The_sample_brief_has_no_loose_justified_line()
    {
        var measured = LooseLines.Measure(new Typesetter(TestFonts.Library).Typeset(SampleDocuments.Brief(TestFonts.Theme)).Pdf);
        Assert.True(measured.JustifiedLines > 20, measured.ToString());
        Assert.True(measured.Loose.Count == 0, measured.ToString());
    }
}
