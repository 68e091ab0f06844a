namespace AiIndexReports.Charts;

// Country bar charts: sorted, top ten plus Korea, Korea in its own colour, a value label on each bar.
public static partial class FigureBuilder
{
    // The counts the AI Index published (the brief's one set of headline numbers); the Epoch recount only when the
    // edition prints no country counts, and the title then says so. The recount's differences are a table of the text.
    private static Figure ModelsByCountry(MetricReader reader, CountryNames names) =>
        reader.CountriesWith("models.aiindex.{C}.count") >= 2
            ? CountryBars(reader, names, "models.aiindex.{C}.count", reader.Title(MeasuredYear(reader)), scale: 1, decimals: 0, unitSuffix: "")
            : CountryBars(reader, names, "models.by_country.{C}.count", reader.Title(MeasuredYear(reader))[..^1] + ", Epoch AI 재집계)",
                scale: 1, decimals: 0, unitSuffix: "");

    // The printed breakdown (countries and aggregates such as "EU + UK", "Rest of world") when Metrics has it; else the per-country shares.
    private static Figure PatentShare(MetricReader reader, CountryNames names)
    {
        string title = reader.Title(PatentYear(reader));
        const string id = "patents.share.breakdown";
        if (reader.Rows(id, required: false) is not { Count: >= 2 } breakdown)
            return CountryBars(reader, names, "patents.share.{C}", title, scale: 1, decimals: 1, unitSuffix: "%");

        var rows = new List<(string? Iso3, string Name, double Value)>();
        foreach (var row in breakdown)
        {
            string? iso3 = MetricReader.TextCell(row, "iso3"), name = MetricReader.TextCell(row, "name_ko");
            string geography = MetricReader.TextCell(row, "geography") ?? "?";
            if (MetricReader.Cell(row, "value") is not double value)
            {
                reader.Warn($"row '{geography}' of '{id}' has no value; its bar is left out", reader.Find(id));
                continue;
            }
            if (string.IsNullOrEmpty(name))
            {
                reader.Warn($"row '{geography}' of '{id}' has no Korean name; the source name is shown", reader.Find(id));
                name = geography;
            }
            rows.Add((iso3, name, value));
        }
        return RankedBars(reader, title, rows, decimals: 1, unitSuffix: "%", $"fewer than two rows with a value in '{id}'");
    }

    private static Figure PatentsPer100k(MetricReader reader, CountryNames names) =>
        CountryBars(reader, names, "patents.per_100k.{C}", reader.Title(PatentYear(reader)),
            scale: 1, decimals: 2, unitSuffix: "");

    // Metrics give billions of dollars; a Korean brief prints 억 달러 (1 billion = 10억).
    private static Figure PrivateInvestment(MetricReader reader, CountryNames names) =>
        CountryBars(reader, names, "invest.private.{C}", reader.Title(MeasuredYear(reader)),
            scale: 10, decimals: 0, unitSuffix: "");

    private static Figure CountryBars(
        MetricReader reader, CountryNames names, string pattern, string title, double scale, int decimals, string unitSuffix)
    {
        var rows = new List<(string? Iso3, string Name, double Value)>();
        foreach (var (iso3, value, metric) in reader.ByCountry(pattern))
        {
            if (iso3 == "EUR") continue; // an aggregate, not a country: it would double-count its members
            if (!names.TryGet(iso3, out var name))
            {
                reader.Warn($"no Korean name for country code '{iso3}' (metric '{metric.Id}'); the code is shown", metric);
                name = iso3;
            }
            rows.Add((iso3, name, value * scale));
        }
        return RankedBars(reader, title, rows, decimals, unitSuffix, $"fewer than two countries with '{pattern}'");
    }

    private static Figure RankedBars(
        MetricReader reader, string title, List<(string? Iso3, string Name, double Value)> rows, int decimals, string unitSuffix, string missing)
    {
        if (rows.Count < 2) return Placeholder(reader, title, missing);

        var sorted = rows.OrderByDescending(r => r.Value).ThenBy(r => r.Name, StringComparer.Ordinal).ToList();
        var shown = sorted.Take(MaxCountryBars).ToList();
        if (!shown.Any(r => r.Iso3 == Korea) && sorted.FirstOrDefault(r => r.Iso3 == Korea) is { Iso3: Korea } korea)
            shown.Add(korea);

        // One precision for the quantity: every label with the decimals the most precise value has (at most the
        // figure's), so "2.0%" stands beside "61.1%", not "2%".
        int labelDecimals = Math.Min(decimals, rows.Max(r => NumberFormat.DecimalsOf(r.Value)));
        var bars = shown.Select(r => new BarItem(
            r.Name, r.Value, NumberFormat.Fixed(r.Value, labelDecimals) + unitSuffix,
            r.Iso3 == Korea ? BarEmphasis.Korea : BarEmphasis.None)).ToList();
        string? note = rows.Any(r => r.Iso3 == Korea) ? null : "주: 한국은 원자료에 값이 없음";
        var valueAxis = AxisBuilder.LinearFromZero(reader.Spec.XTitle, bars.Max(b => b.Value),
            v => NumberFormat.Number(v, decimals), headroom: 1.12);
        return Make(reader, title, valueAxis, AxisBuilder.Categories(bars), new BarBody(bars), note);
    }

    /// <summary>
    /// Epoch's yearly price decline per benchmark threshold on a log axis with its 90% interval, grouped by benchmark
    /// family (data/names.toml), families in order of their fastest decline; values in one precision (whole multiples),
    /// written in a column of their own so no interval runs through them; the GPT-3.5-level series (the price figure's)
    /// is highlighted.
    /// </summary>
    private static Figure PriceDecline(MetricReader reader)
    {
        string title = reader.Title(null);
        const string id = "cost.decline.rates";
        var rows = reader.Rows(id);
        if (rows is null) return Placeholder(reader, title, $"metric '{id}'");

        var items = new List<(string Family, string Benchmark, BarItem Bar)>();
        foreach (var row in rows)
        {
            string benchmark = MetricReader.TextCell(row, "benchmark") ?? "?";
            string family = MetricReader.TextCell(row, "family") ?? benchmark;
            string shortName = MetricReader.TextCell(row, "benchmark_ko") ?? benchmark;
            string threshold = MetricReader.TextCell(row, "threshold_label") ?? MetricReader.TextCell(row, "threshold_model") ?? "?";
            string label = $"{shortName} · {threshold}";
            if (MetricReader.Cell(row, "factor") is not double factor || factor <= 0)
            {
                reader.Warn($"point '{label}' has factor {MetricReader.TextCell(row, "factor") ?? "(none)"} in '{id}'; "
                    + "a log axis cannot show zero, negative or missing values, so the bar is left out", reader.Find(id));
                continue;
            }
            double? low = MetricReader.Cell(row, "ci_low"), high = MetricReader.Cell(row, "ci_high");
            if (low is <= 0 || high is <= 0)
            {
                reader.Warn($"point '{label}' has a 90% interval [{low}, {high}] reaching zero or below in '{id}'; "
                    + "the interval is left out on the log axis", reader.Find(id));
                low = high = null;
            }
            // The GPT-3.5 threshold is the series the inference_price figure draws: mark it so the two figures connect.
            bool focus = benchmark == "MMLU" && MetricReader.Cell(row, "threshold_score") is 64.8;
            items.Add((family, shortName, new BarItem(threshold, factor, NumberFormat.Multiple(Math.Round(factor)) + "배",
                focus ? BarEmphasis.Focus : BarEmphasis.None, low, high)));
        }
        if (items.Count < 2) return Placeholder(reader, title, $"fewer than two usable rows in '{id}'");

        var bars = new List<BarItem>();
        var groups = new List<BarGroup>();
        foreach (var family in items.GroupBy(x => x.Family).OrderByDescending(g => g.Max(x => x.Bar.Value)).ThenBy(g => g.Key, StringComparer.Ordinal))
        {
            groups.Add(new BarGroup(family.Key, bars.Count));
            // A family of several benchmarks (MATH-500, MATH 5단계) names the benchmark on each row.
            bool several = family.Select(x => x.Benchmark).Distinct().Count() > 1;
            bars.AddRange(family.OrderByDescending(x => x.Bar.Value).ThenBy(x => x.Benchmark, StringComparer.Ordinal)
                .Select(x => several ? x.Bar with { Label = $"{x.Benchmark} · {x.Bar.Label}" } : x.Bar));
        }
        var body = new BarBody(bars, groups);
        // The axis spans the decades the bars and their intervals reach, and no more.
        double min = bars.Min(b => Math.Min(b.Low ?? b.Value, 1));
        double max = bars.Max(b => Math.Max(b.High ?? b.Value, b.Value));
        var valueAxis = AxisBuilder.LogDecades(reader.Spec.XTitle, min, max, NumberFormat.Multiple);
        return Make(reader, title, valueAxis, AxisBuilder.Categories(body), body,
            "주: 가는 선은 90% 신뢰구간, 진한 막대는 GPT-3.5 수준(MMLU 64.8점 이상)");
    }
}
