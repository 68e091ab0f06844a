using AiIndexReports.Text;

namespace AiIndexReports.Tests.Text;

/// <summary>Words of direction and values in their unit come from the numbers.</summary>
public sealed class DirectionTests
{
    [Theory]
    [InlineData(7.04, "늘어/줄어", "늘어")]
    [InlineData(-1.4, "늘어/줄어", "줄어")]
    [InlineData(-16.9, "벌어짐/좁혀짐/변함없음", "좁혀짐")]
    [InlineData(0.04, "벌어짐/좁혀짐/변함없음", "변함없음")]   // rounds to 0.0 at one decimal
    [InlineData(-0.04, "올라/내려/그대로", "그대로")]
    public void Dir_picks_the_word_by_the_sign(double value, string words, string expected) =>
        Assert.Equal(expected, KoreanNumbers.Direction(value, words));

    [Fact]
    public void Dir_without_a_word_for_no_change_refuses_a_zero()
    {
        var e = Assert.Throws<ArgumentException>(() => KoreanNumbers.Direction(0, "늘어/줄어"));
        Assert.Equal("the value 0 rounds to 0: give a third word for no change (\"늘어/줄어/…\")", e.Message);
        Assert.Throws<ArgumentException>(() => KoreanNumbers.Direction(1, "늘어"));
    }

    [Theory]
    [InlineData(285.7, "하락/상승/변동 없음", "286배 하락")]
    [InlineData(0.5, "하락/상승/변동 없음", "2배 상승")]
    [InlineData(31.96, "증가/감소/변동 없음", "32배 증가")]
    [InlineData(1.0, "하락/상승/변동 없음", "변동 없음")]
    public void Fold_reads_a_ratio_as_a_multiple_and_a_direction(double ratio, string words, string expected) =>
        Assert.Equal(expected, KoreanNumbers.Fold(ratio, words));

    [Theory]
    [InlineData(17.5, "%p", "17.5%p")]
    [InlineData(1.2, "%", "1.2%")]
    [InlineData(109.1, "10억 달러", "1,091억 달러")]
    [InlineData(3.8, "10억 개", "38억 개")]
    [InlineData(4, "위", "4위")]
    [InlineData(40, "배", "40배")]
    [InlineData(0.07, "달러/백만 토큰", "100만 토큰당 0.07달러")]
    [InlineData(31400, "대", "31,400대")]
    [InlineData(-0.36, "명", "-0.36명")]
    public void A_value_is_written_in_its_unit(double value, string unit, string expected) =>
        Assert.Equal(expected, KoreanNumbers.WithUnit(value, unit));
}
