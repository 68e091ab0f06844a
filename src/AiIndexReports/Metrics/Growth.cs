namespace AiIndexReports.Metrics;

/// <summary>The few growth formulas the brief uses, each guarded against division by zero and non-positive bases.</summary>
internal static class Growth
{
    /// <summary>part ÷ total × 100.</summary>
    public static Calc SharePercent(double part, double total, string totalName) =>
        total == 0 ? Calc.Fail(NotComputable.DivisionByZero(totalName)) : Calc.Of(part / total * 100);

    /// <summary>last ÷ first (배).</summary>
    public static Calc Multiple(double last, double first, string firstName) => Calc.Divide(last, first, firstName);

    /// <summary>Compound annual growth rate in %: (last ÷ first)^(1 ÷ years) − 1. Needs positive values and years &gt; 0.</summary>
    public static Calc CagrPercent(double first, double last, double years, string seriesName)
    {
        if (years <= 0)
            return Calc.Fail(new NotComputable($"not computable: {seriesName} spans {years} years, CAGR needs more than 0",
                $"{seriesName}의 기간이 0년이어서 연평균 증가율을 계산할 수 없음"));
        if (first <= 0 || last <= 0)
            return Calc.Fail(new NotComputable($"not computable: {seriesName} has a non-positive end value, CAGR needs positive values",
                $"{seriesName}에 0 이하의 값이 있어 연평균 증가율을 계산할 수 없음"));
        return Calc.Of((Math.Pow(last / first, 1 / years) - 1) * 100);
    }

    /// <summary>A factor over some months expressed per year: factor^(12 ÷ months).</summary>
    public static Calc AnnualisedFactor(double factor, double months, string seriesName)
    {
        if (months <= 0 || factor <= 0)
            return Calc.Fail(new NotComputable($"not computable: {seriesName} spans {months:0.##} months with factor {factor:0.##}",
                $"{seriesName}의 기간 또는 배수가 0 이하여서 연율을 계산할 수 없음"));
        return Calc.Of(Math.Pow(factor, 12 / months));
    }
}

/// <summary>One ranked item: competition ranking ("1224"), where equal values share the best rank.</summary>
internal sealed record Ranked<T>(T Item, double Value, int Rank, bool Tied);

internal static class Ranking
{
    /// <summary>
    /// Ranks by value, highest first; equal values share a rank and the next rank skips ("공동 2위" twice, then 4위).
    /// Ties are listed by name (ordinal) so the order is deterministic.
    /// </summary>
    public static IReadOnlyList<Ranked<T>> Descending<T>(IEnumerable<T> items, Func<T, double> value, Func<T, string> name)
    {
        var sorted = items.Select(i => (Item: i, Value: value(i)))
            .OrderByDescending(x => x.Value).ThenBy(x => name(x.Item), StringComparer.Ordinal)
            .ToList();
        var result = new List<Ranked<T>>(sorted.Count);
        for (var i = 0; i < sorted.Count; i++)
        {
            var rank = i > 0 && sorted[i].Value == sorted[i - 1].Value ? result[i - 1].Rank : i + 1;
            var tied = (i > 0 && sorted[i].Value == sorted[i - 1].Value)
                       || (i + 1 < sorted.Count && sorted[i].Value == sorted[i + 1].Value);
            result.Add(new Ranked<T>(sorted[i].Item, sorted[i].Value, rank, tied));
        }
        return result;
    }
}
