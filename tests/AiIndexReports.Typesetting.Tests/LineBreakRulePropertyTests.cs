using AiIndexReports.Typesetting.Text;
using CsCheck;

namespace AiIndexReports.Typesetting.Tests;

/// <summary>
/// KLREQ line-breaking rules of the typesetter on random mixed Korean/Latin/digit/punctuation text: the break
/// opportunities never violate 금칙 or keep-all, and every space between two plain words stays a break opportunity.
/// </summary>
public sealed class LineBreakRulePropertyTests
{
    private static readonly Gen<string> MixedText = Gen.OneOf(
            Gen.Char['가', '힣'], Gen.Char['a', 'z'], Gen.Char['0', '9'],
            Gen.Int[0, 11].Select(i => " .,%()/-“”「」"[i]))
        .Array[1, 60].Select(chars => new string(chars));

    private static bool IsHardBreakOrSpace(char c) => c == '\n' || KoreanLineBreaking.IsBreakingSpace(c);

    [Fact]
    public void Breaks_never_start_a_line_with_closing_punctuation_nor_end_one_with_opening_punctuation()
    {
        MixedText.Sample(text =>
        {
            for (var i = 0; i < text.Length; i++)
            {
                if (!KoreanLineBreaking.CanBreakBefore(text, i)) continue;
                Assert.False(KoreanLineBreaking.CannotStartLine(text[i]), $"line would start with '{text[i]}' at {i} in \"{text}\"");
                Assert.False(KoreanLineBreaking.IsBreakingSpace(text[i]), $"line would start with a space at {i} in \"{text}\"");
                var lastVisible = i - 1;
                while (lastVisible >= 0 && KoreanLineBreaking.IsBreakingSpace(text[lastVisible])) lastVisible--;
                Assert.True(lastVisible >= 0, $"break before any visible text in \"{text}\"");
                Assert.False(KoreanLineBreaking.CannotEndLine(text[lastVisible]), $"line would end with '{text[lastVisible]}' in \"{text}\"");
            }
        }, iter: 5000);
    }

    [Fact]
    public void Words_stay_whole_breaks_come_only_after_a_space_hyphen_or_slash()
    {
        MixedText.Sample(text =>
        {
            for (var i = 1; i < text.Length; i++)
                if (KoreanLineBreaking.CanBreakBefore(text, i))
                    Assert.True(IsHardBreakOrSpace(text[i - 1]) || text[i - 1] is '-' or '/',
                        $"break inside a word before '{text[i]}' at {i} in \"{text}\"");
        }, iter: 5000);
    }

    [Fact]
    public void Digits_around_a_hyphen_or_slash_are_never_split()
    {
        MixedText.Sample(text =>
        {
            for (var i = 2; i < text.Length; i++)
                if (char.IsAsciiDigit(text[i - 2]) && text[i - 1] is '-' or '/' && char.IsAsciiDigit(text[i]))
                    Assert.False(KoreanLineBreaking.CanBreakBefore(text, i), $"\"{text[(i - 2)..(i + 1)]}\" split in \"{text}\"");
        }, iter: 5000);
    }

    [Theory]
    [InlineData("자료: https://spri.kr/posts/view/2384 참고", "view/")]
    [InlineData("www.example.org/report/2025 참고", "report/")]
    public void A_web_address_is_never_broken_at_its_slashes(string text, string before)
    {
        Assert.False(KoreanLineBreaking.CanBreakBefore(text, text.IndexOf(before, StringComparison.Ordinal) + before.Length));
        // A slash between words still may break, and the space after the address too.
        Assert.True(KoreanLineBreaking.CanBreakBefore("연구/개발", 3));
        Assert.True(KoreanLineBreaking.CanBreakBefore(text, text.LastIndexOf(' ') + 1));
    }

    [Fact]
    public void A_space_between_two_Hangul_words_is_always_a_break_opportunity()
    {
        Gen.Select(Gen.Char['가', '힣'].Array[1, 8], Gen.Char['가', '힣'].Array[1, 8]).Sample((left, right) =>
        {
            var text = new string(left) + " " + new string(right);
            Assert.True(KoreanLineBreaking.CanBreakBefore(text, left.Length + 1), $"no break in \"{text}\"");
        }, iter: 2000);
    }

    [Fact]
    public void Emergency_breaks_inside_a_word_keep_surrogate_pairs_and_the_punctuation_rules()
    {
        Gen.OneOf(MixedText, Gen.Const("𝐀𝐁𝐂한국어😀테스트")).Sample(text =>
        {
            for (var i = 1; i < text.Length; i++)
            {
                if (!KoreanLineBreaking.CanBreakInsideWord(text, i)) continue;
                Assert.False(char.IsLowSurrogate(text[i]), $"surrogate pair split at {i} in \"{text}\"");
                Assert.False(KoreanLineBreaking.CannotStartLine(text[i]) || KoreanLineBreaking.CannotEndLine(text[i - 1]), $"금칙 broken at {i} in \"{text}\"");
            }
        }, iter: 3000);
    }
}
