using AiIndexReports.Metrics;

namespace AiIndexReports.Charts;

// Line charts: model counts by year, MMLU by quarter with the printed gap, inference price on a log axis.
public static partial class FigureBuilder
{
    private static readonly string[] TrendCountries = ["USA", "CHN", "EUR", "KOR"];

    private static Figure ModelsTrend(MetricReader reader, CountryNames names)
    {
        var series = new List<LineSeries>();
        for (int i = 0; i < TrendCountries.Length; i++)
        {
            string iso3 = TrendCountries[i], id = $"models.series.{iso3}";
            if (UsablePoints(reader, id) is not { } points) continue;
            string name = names.TryGet(iso3, out var korean) ? korean : iso3;
            series.Add(new LineSeries(name, points.Select(p => new ChartPoint(p.X, p.Value)).ToList(), i, Highlight: iso3 == Korea));
        }
        if (series.Count == 0) return Placeholder(reader, reader.Title(null), "no country series with two or more years");

        var xs = series.SelectMany(s => s.Points).Select(p => p.X).ToList();
        string years = $"{NumberFormat.Year(xs.Min())}~{NumberFormat.Year(xs.Max())}";
        var x = AxisBuilder.Years(reader.Spec.XTitle, xs.Min() - 0.4, xs.Max() + 0.4);
        var y = AxisBuilder.LinearFromZero(reader.Spec.YTitle, series.SelectMany(s => s.Points).Max(p => p.Y), v => NumberFormat.Number(v, 0));
        return Make(reader, reader.Title(years), x, y, new LineBody(series, [], LegendCorner.UpperLeft),
            "주: Epoch AI 자료 재집계(공동 개발 모델은 참여국마다 셈)로, AI 인덱스 발표값과 다를 수 있음");
    }

    private static Figure MmluGap(MetricReader reader, CountryNames names)
    {
        string title = reader.Title(null);
        var us = UsablePoints(reader, "gap.mmlu.quarterly.USA");
        var china = UsablePoints(reader, "gap.mmlu.quarterly.CHN");
        if (us is null || china is null) return Placeholder(reader, title, "US and Chinese quarterly MMLU series");

        var series = new List<LineSeries>
        {
            new(names.TryGet("USA", out var usName) ? usName : "USA", us.Select(p => new ChartPoint(p.X, p.Value)).ToList(), 0),
            new(names.TryGet("CHN", out var cnName) ? cnName : "CHN", china.Select(p => new ChartPoint(p.X, p.Value)).ToList(), 1),
        };

        // Brackets at the periods the report prints its gap for, spanning (and labelled with) the gap drawn: the two
        // recounted scores. The printed gap differs; the text prints it and its table sets the two side by side.
        var callouts = new List<Callout>();
        int year = reader.Metrics.MeasuredYear;
        foreach (var (id, fallbackPeriod) in new[] { ("gap.mmlu.start", $"{year - 1}년 말"), ("gap.mmlu.end", $"{year}년 말") })
        {
            if (reader.Number(id, required: false) is null) continue;
            string period = reader.Find(id + "_period", required: false)?.Text ?? fallbackPeriod;
            var usAt = PeriodEnd(period) is double end ? us.LastOrDefault(p => p.X <= end + 1e-9 && p.X > end - 1) : null;
            var cnAt = usAt is null ? null : china.LastOrDefault(p => p.X <= usAt.X + 1e-9 && p.X > usAt.X - 0.5);
            if (usAt is null || cnAt is null) continue;
            callouts.Add(new Callout(usAt.X, cnAt.Value, usAt.Value, $"{period} {NumberFormat.Number(usAt.Value - cnAt.Value, 1)}%p"));
        }

        var all = us.Concat(china).ToList();
        double span = all.Max(p => p.X) - all.Min(p => p.X);
        var x = QuarterAxis(reader.Spec.XTitle, all, all.Min(p => p.X) - span * 0.03, all.Max(p => p.X) + span * 0.32);
        var y = AxisBuilder.LinearRange(reader.Spec.YTitle, all.Min(p => p.Value), all.Max(p => p.Value), v => NumberFormat.Number(v, 0));
        string note = "주: 분기별 최고 점수(Epoch AI 자료 재집계)"
            + (callouts.Count > 0 ? ". 괄호는 두 점수의 차로, AI 인덱스가 발표한 격차와 다름" : "");
        return Make(reader, title, x, y, new LineBody(series, callouts, LegendCorner.LowerRight), note);
    }

    private static Figure InferencePrice(MetricReader reader)
    {
        string title = reader.Title(null);
        var prices = LogPoints(reader, "cost.gpt35.series");
        if (prices is null) return Placeholder(reader, title, "metric 'cost.gpt35.series' with two or more positive prices");
        var trend = LogPoints(reader, "cost.gpt35.trend");

        var series = new List<LineSeries>
        {
            new("최저 가격 모델", prices.Select(p => new ChartPoint(p.X, p.Value, p.Label) { At = p.At }).ToList(), 0, LabelPoints: true),
        };
        if (trend is not null)
            series.Add(new LineSeries("추세선(Epoch AI 추정)", trend.Select(p => new ChartPoint(p.X, p.Value)).ToList(), -1,
                Style: LineStyleKind.Dashed, Markers: false));

        var all = series.SelectMany(s => s.Points).ToList();
        double span = all.Max(p => p.X) - all.Min(p => p.X);
        // Model names are written right of their points: leave a third of the span free on the right.
        var x = AxisBuilder.Years(reader.Spec.XTitle, all.Min(p => p.X) - span * 0.06, all.Max(p => p.X) + span * 0.35);
        // The unit is in the axis title (달러, as the text writes it): the ticks are plain numbers.
        var y = AxisBuilder.LogDecades(reader.Spec.YTitle, all.Min(p => p.Y), all.Max(p => p.Y), NumberFormat.Multiple);
        return Make(reader, title, x, y, new LineBody(series, [], LegendCorner.UpperRight));
    }

    /// <summary>A series with at least two points, or null plus a warning.</summary>
    private static IReadOnlyList<SeriesPoint>? UsablePoints(MetricReader reader, string id)
    {
        var points = reader.Series(id);
        if (points is null) return null;
        if (points.Count < 2)
        {
            reader.Warn($"metric '{id}' has {points.Count} point(s); a line needs two, so it is left out", reader.Find(id, required: false));
            return null;
        }
        return points.OrderBy(p => p.X).ToList();
    }

    /// <summary>Like <see cref="UsablePoints"/> for a log axis: zero and negative values are reported by point and left out.</summary>
    private static IReadOnlyList<SeriesPoint>? LogPoints(MetricReader reader, string id)
    {
        var points = reader.Series(id);
        if (points is null) return null;
        var metric = reader.Find(id, required: false);
        foreach (var bad in points.Where(p => !(p.Value > 0)))
            reader.Warn($"point '{bad.Label}' (x = {bad.X:0.###}) of '{id}' has value {bad.Value}; "
                + "a log axis cannot show zero or negative values, so the point is left out", metric);
        var good = points.Where(p => p.Value > 0).OrderBy(p => p.X).ToList();
        if (good.Count < 2)
        {
            reader.Warn($"metric '{id}' has {good.Count} positive point(s); a line needs two", metric);
            return null;
        }
        return good;
    }

    /// <summary>
    /// Start (decimal year) of the quarter a printed period ends in: "2023년 말" → 2023.75, "2025년 2월" → 2025.0;
    /// null when the text names no year. Quarterly series put X at the quarter's start.
    /// </summary>
    private static double? PeriodEnd(string period)
    {
        var match = System.Text.RegularExpressions.Regex.Match(period, @"(\d{4})년(?:\s*(\d{1,2})월)?");
        if (!match.Success) return null;
        int year = int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        int month = match.Groups[2].Success ? int.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture) : 12;
        return year + (Math.Clamp(month, 1, 12) - 1) / 3 * 0.25;
    }

    /// <summary>Year the quarter label names ("2023 Q4", "2023-Q4", "2023.4Q" → 2023), or 0.</summary>
    private static int YearOf(SeriesPoint point) =>
        point.Label.Length >= 4 && int.TryParse(point.Label.AsSpan(0, 4), out int year) ? year : 0;

    /// <summary>One tick per year at its first quarter, labelled "2023"; falls back to plain years when labels carry none.</summary>
    private static ChartAxis QuarterAxis(string title, IReadOnlyList<SeriesPoint> points, double min, double max)
    {
        var firsts = points.Where(p => YearOf(p) > 0).GroupBy(YearOf).OrderBy(g => g.Key)
            .Select(g => new AxisTick(g.Min(p => p.X), NumberFormat.Year(g.Key))).ToList();
        if (firsts.Count < 2) return AxisBuilder.Years(title, min, max);
        if (firsts.Count > 7) firsts = firsts.Where((_, i) => i % 2 == 0).ToList();
        return new ChartAxis(title, AxisScale.Linear, min, max, firsts);
    }
}
