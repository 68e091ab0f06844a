using AiIndexReports.Typesetting.Text;
using CsCheck;

namespace AiIndexReports.Typesetting.Tests;

/// <summary>Properties of Korean/Latin line breaking over generated text (CsCheck shrinks failures to a small case).</summary>
public class LineBreakingPropertyTests
{
    static readonly string[] Words =
    [
        "인공지능", "모델의", "학습", "비용은", "2024년에", "약", "1,091억", "달러로", "29.6%", "증가하였다.", "(2023년)", "“생성형", "AI”",
        "GPT-4o", "연구/개발", "AI-기반", "3.2%p", "$0.07", "2016~2019년", "122,511건", "韓AI", "시사점", "Stanford", "HAI(2025),",
        "반도체·데이터센터", "—", "…", "%", ")", "「보고서」", "《AI", "인덱스》", "supercalifragilisticexpialidocious",
        "초거대인공지능반도체데이터센터인프라투자확대필요성", "https://hai.stanford.edu/ai-index/2025-ai-index-report",
        "기술·투자·정책", "미·중", "「AI Index Report 2025」를", "『AI 인덱스』", "AI Index Report", "Epoch AI",
    ];

    internal static readonly Gen<(string Text, float Width, bool Justify)> Cases =
        Gen.Select(Gen.OneOf(Words).Array[1, 40], Gen.Float[40f, 420f], Gen.Bool)
            .Select((words, width, justify) => (string.Join(" ", words), width, justify));

    internal static List<TextLine> Break(string text, float width, bool justify, out ParagraphText paragraph)
    {
        paragraph = new ParagraphText([new TextSpan(text)], TestFonts.Theme.Body.Text, TestFonts.Library);
        return paragraph.BreakLines(width, width, justify);
    }

    [Fact]
    public void No_line_is_wider_than_the_measure_unless_it_is_one_unbreakable_unit()
    {
        Cases.Sample(c =>
        {
            var lines = Break(c.Text, c.Width, c.Justify, out _);
            foreach (var line in lines)
            {
                var tightest = c.Justify ? line.TightestWidth : line.NaturalWidth;
                Assert.True(tightest <= c.Width + 0.01f || line.Words.Length == 1,
                    $"line of {line.Words.Length} words is {tightest} pt wide in a {c.Width} pt measure");
            }
        }, iter: 300);
    }

    [Fact]
    public void No_line_starts_or_ends_with_a_forbidden_character_at_a_word_break()
    {
        Cases.Sample(c =>
        {
            var lines = Break(c.Text, c.Width, c.Justify, out var paragraph);
            for (var i = 1; i < lines.Count; i++)
            {
                var previous = lines[i - 1].Words[^1];
                var start = lines[i].Words[0].Start;
                // A break inside one over-long word (no space, no hyphen) is the emergency case the rule yields to.
                if (previous.SpacesEnd == start && !KoreanLineBreaking.CanBreakBefore(paragraph.Text, start)) continue;
                Assert.False(KoreanLineBreaking.CannotStartLine(paragraph.Text[start]), $"line starts with '{paragraph.Text[start]}': {c.Text}");
                Assert.False(KoreanLineBreaking.CannotEndLine(paragraph.Text[previous.End - 1]), $"line ends with '{paragraph.Text[previous.End - 1]}': {c.Text}");
            }
        }, iter: 300);
    }

    [Fact]
    public void Lines_put_together_give_back_the_words_in_order()
    {
        Cases.Sample(c =>
        {
            var lines = Break(c.Text, c.Width, c.Justify, out var paragraph);
            var rebuilt = string.Concat(lines.Select(l => paragraph.Text[l.Words[0].Start..l.Words[^1].SpacesEnd]));
            Assert.Equal(c.Text, rebuilt);
            // Visible line texts joined by a space where the line broke at a space give back the input's words.
            var joined = new System.Text.StringBuilder();
            for (var i = 0; i < lines.Count; i++)
            {
                var visible = paragraph.Text[lines[i].Words[0].Start..lines[i].Words[^1].End];
                Assert.Equal(visible.Trim(), visible);
                if (i > 0 && lines[i - 1].Words[^1].SpaceWidth > 0) joined.Append(' ');
                joined.Append(visible);
            }
            Assert.Equal(c.Text.Split(' '), joined.ToString().Split(' '));
        }, iter: 300);
    }

    [Fact]
    public void Justified_lines_except_the_last_fill_the_measure_within_half_a_point()
    {
        Cases.Sample(c =>
        {
            var lines = Break(c.Text, c.Width, true, out _);
            foreach (var line in lines.Where(l => !l.EndsParagraph && l.Words.Length > 1 && l.AdjustableSpace > 0))
            {
                var placement = line.Place(c.Width, TextAlign.Justify);
                Assert.InRange(line.DrawnRight(placement), c.Width - 0.5f, c.Width + 0.5f);
                // Spaces shrink at most to 80 % of their natural width; letter slots get at most 0.08 em.
                foreach (var word in line.Words[..^1].Where(w => w.Gap == line.AdjustedGaps))
                    Assert.True(placement.GapWidth(word) >= 0.8f * word.SpaceWidth - 0.01f, $"gap {placement.GapWidth(word)} of {word.SpaceWidth}");
                Assert.InRange(placement.LetterExtra, 0f, 0.08f * 10.5f + 0.001f);
            }
            Assert.True(lines[^1].Place(c.Width, TextAlign.Justify) == default || lines[^1].NaturalWidth > c.Width, "the last line is set flush left");
        }, iter: 300);
    }

    [Theory]
    [InlineData("투자는 78 %로 증가", "%")]
    [InlineData("「보고서」 발간", "「보고서」")]
    [InlineData("2016~2019년 동안", "2016~2019년")]
    [InlineData("3.2%p 상승", "3.2%p")]
    [InlineData("$0.07 수준", "$0.07")]
    public void Units_and_brackets_stay_with_their_word(string text, string unit)
    {
        var paragraph = new ParagraphText([new TextSpan(text)], TestFonts.Theme.Body.Text, TestFonts.Library);
        var words = paragraph.Words.Select(w => paragraph.Text[w.Start..w.End]).ToList();
        Assert.Contains(words, w => w.Contains(unit));
        Assert.DoesNotContain(unit, words.Where(w => w != unit && !w.Contains(unit)));
        if (unit == "%") Assert.Contains("78 %로", words);
    }

    [Fact]
    public void Hyphens_and_slashes_are_break_points_but_number_ranges_are_not()
    {
        var paragraph = new ParagraphText([new TextSpan("AI-기반 연구/개발 2016-2019 -5%")], TestFonts.Theme.Body.Text, TestFonts.Library);
        Assert.Equal(["AI-", "기반", "연구/", "개발", "2016-2019", "-5%"], paragraph.Words.Select(w => paragraph.Text[w.Start..w.End]));
    }

    [Fact]
    public void A_line_break_in_the_text_ends_a_line_that_is_not_justified()
    {
        var paragraph = new ParagraphText([new TextSpan("첫째 줄\r\n둘째 줄 끝")], TestFonts.Theme.Body.Text, TestFonts.Library);
        var lines = paragraph.BreakLines(400, 400, true);

        Assert.Equal(["첫째 줄", "둘째 줄 끝"], lines.Select(l => paragraph.Text[l.Words[0].Start..l.Words[^1].End]));
        Assert.All(lines, l => Assert.True(l.EndsParagraph));
        Assert.Equal(default, lines[0].Place(400, TextAlign.Justify));
    }
}
