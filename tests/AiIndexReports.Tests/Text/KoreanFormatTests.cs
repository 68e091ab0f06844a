using System.Globalization;
using AiIndexReports.Text;

namespace AiIndexReports.Tests.Text;

public class KoreanFormatTests
{
    [Theory]
    [InlineData(122511, 0, "122,511")]
    [InlineData(0, 0, "0")]
    [InlineData(-1234.5, 0, "-1,235")]
    [InlineData(-0.4, 0, "0")]
    [InlineData(999.95, 1, "1,000.0")]
    [InlineData(2.675, 2, "2.68")]
    [InlineData(3833, 0, "3,833")]
    public void Group(double value, int decimals, string expected) =>
        Assert.Equal(expected, KoreanNumbers.Group(value, decimals));

    [Theory]
    [InlineData(122511, null, "12만 2,511")]
    [InlineData(109100000000, null, "1,091억")]
    [InlineData(109123456789, "억", "1,091억")]
    [InlineData(100005000, null, "1억 5,000")]
    [InlineData(2511, null, "2,511")]
    [InlineData(0, null, "0")]
    [InlineData(10000, null, "1만")]
    [InlineData(-122511, null, "-12만 2,511")]
    [InlineData(1234567890123, null, "1조 2,345억 6,789만 123")]
    [InlineData(15000, "만", "2만")]
    [InlineData(150000000, "억", "2억")]
    [InlineData(1234567890123, "조", "1조")]
    [InlineData(4000, "만", "0만")]
    public void ManEok(double value, string? smallestUnit, string expected) =>
        Assert.Equal(expected, KoreanNumbers.ManEok(value, smallestUnit));

    [Fact]
    public void BillionDollars_rounds_to_eok() =>
        Assert.Equal("1,091억 달러", KoreanNumbers.BillionDollars(109.1));

    [Theory]
    [InlineData(29.6, 1, "29.6%")]
    [InlineData(30, 1, "30.0%")]
    [InlineData(29.64, 2, "29.64%")]
    [InlineData(0.05, 1, "0.1%")]
    [InlineData(0.25, 1, "0.3%")]
    [InlineData(-0.25, 1, "-0.3%")]
    [InlineData(-0.04, 1, "0.0%")]
    [InlineData(-12.35, 1, "-12.4%")]
    public void Percent(double value, int decimals, string expected) =>
        Assert.Equal(expected, KoreanNumbers.Percent(value, decimals));

    [Theory]
    [InlineData(17.2, "17.2%p")]
    [InlineData(-1.66, "-1.7%p")]
    public void Pp(double value, string expected) => Assert.Equal(expected, KoreanNumbers.Pp(value));

    [Theory]
    [InlineData(285.7, null, "286배")]
    [InlineData(9.96, null, "10배")]
    [InlineData(9.94, null, "9.9배")]
    [InlineData(2.67, null, "2.7배")]
    [InlineData(3.0, null, "3배")]
    [InlineData(31.96, null, "32배")]
    [InlineData(285.7, 1, "285.7배")]
    public void Times(double value, int? decimals, string expected) =>
        Assert.Equal(expected, KoreanNumbers.Times(value, decimals));

    [Theory]
    [InlineData(4, false, "4위")]
    [InlineData(4, true, "공동 4위")]
    [InlineData(1, false, "1위")]
    public void Rank(int rank, bool tied, string expected) => Assert.Equal(expected, KoreanNumbers.Rank(rank, tied));

    [Theory]
    [InlineData(29.6, "%", "29.6% 증가")]
    [InlineData(-29.6, "%", "29.6% 감소")]
    [InlineData(17.2, "%p", "17.2%p 상승")]
    [InlineData(-3.06, "%p", "3.1%p 하락")]
    [InlineData(0.04, "%", "변동 없음")]
    [InlineData(-0.04, "%p", "변동 없음")]
    public void Change(double value, string unit, string expected) => Assert.Equal(expected, KoreanNumbers.Change(value, unit));

    [Theory]
    [InlineData(0.07, "0.07달러", "$0.07")]
    [InlineData(20, "20달러", "$20")]
    [InlineData(1.5, "1.5달러", "$1.5")]
    [InlineData(1234.567, "1,234.57달러", "$1,234.57")]
    [InlineData(-2, "-2달러", "-$2")]
    public void Dollars(double value, string words, string sign)
    {
        Assert.Equal(words, KoreanNumbers.Dollars(value));
        Assert.Equal(sign, KoreanNumbers.DollarSign(value));
    }

    [Fact]
    public void Dates()
    {
        var date = new DateOnly(2025, 4, 16);
        Assert.Equal("2025. 4. 16.", KoreanDates.DateDot(date));
        Assert.Equal("2025년 4월", KoreanDates.YearMonth(date));
        Assert.Equal("2022년 11월 30일", KoreanDates.DateLong(new DateOnly(2022, 11, 30)));
        Assert.Equal("’23년", KoreanDates.ShortYear(2023));
        Assert.Equal("’05년", KoreanDates.ShortYear(2005));
        Assert.Equal(new DateOnly(2024, 12, 1), KoreanDates.Parse("2024-12"));
        Assert.Equal("2024. 10. 3.", KoreanDates.DateDot(KoreanDates.Parse("2024-10-03")));
    }

    [Fact]
    public void Unparsable_date_names_the_text()
    {
        var error = Assert.Throws<FormatException>(() => KoreanDates.Parse("16.04.2025"));
        Assert.Equal("expected a date written yyyy-MM-dd (e.g. \"2025-04-16\"), found \"16.04.2025\"", error.Message);
    }

    [Fact]
    public void Formats_ignore_the_current_culture()
    {
        var saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            Assert.Equal("1,234.5", KoreanNumbers.Group(1234.5, 1));
            Assert.Equal("29.6%", KoreanNumbers.Percent(29.6));
            Assert.Equal("2.7배", KoreanNumbers.Times(2.67));
            Assert.Equal("$0.07", KoreanNumbers.DollarSign(0.07));
            Assert.Equal("12만 2,511", KoreanNumbers.ManEok(122511));
            Assert.Equal("17.5가", Josa.Attach("17.5", "이/가"));
        }
        finally { CultureInfo.CurrentCulture = saved; }
    }

    [Fact]
    public void Non_finite_numbers_are_errors() =>
        Assert.Throws<ArgumentException>(() => KoreanNumbers.Percent(double.NaN));
}
