using AiIndexReports.Metrics;
using CsCheck;

namespace AiIndexReports.Tests.Metrics;

public class GrowthTests
{
    [Fact]
    public void Cagr_of_an_eightfold_rise_over_three_years_is_100_percent()
    {
        Assert.Equal(100, Growth.CagrPercent(100, 800, 3, "s").Value, 9);
    }

    [Fact]
    public void Division_by_zero_is_a_reason_not_infinity()
    {
        var c = Growth.Multiple(5, 0, "China's count");

        Assert.NotNull(c.Why);
        Assert.StartsWith("not computable: division by zero (China's count is 0)", c.Why.English);
    }

    [Fact]
    public void Cagr_needs_a_positive_span_and_positive_values()
    {
        Assert.NotNull(Growth.CagrPercent(100, 800, 0, "s").Why);
        Assert.NotNull(Growth.CagrPercent(0, 800, 3, "s").Why);
    }

    [Fact]
    public void Cagr_and_multiple_agree()
    {
        Gen.Select(Gen.Double[1, 1e6], Gen.Double[1, 1e6], Gen.Int[1, 40]).Sample((first, last, years) =>
        {
            var multiple = Growth.Multiple(last, first, "first").Value;
            var cagr = Growth.CagrPercent(first, last, years, "s").Value;
            Assert.Equal(multiple, Math.Pow(1 + cagr / 100, years), multiple * 1e-9);
        });
    }
}
