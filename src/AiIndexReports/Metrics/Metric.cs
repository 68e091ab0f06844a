namespace AiIndexReports.Metrics;

// The metrics stage's output. Contract shared by Metrics (producer), Charts and Text (consumers); extend, don't rename.
// Ids are dotted snake_case paths, stable across editions, e.g. "models.by_country.KOR.count",
// "patents.per_100k.rank.KOR", "cost.gpt35.factor". Templates see them as nested objects (metrics.models.by_country.KOR.count).

/// <summary>One point of a series: X is a year, a quarter index or a date's decimal year; Label is how a reader sees X ("2024", "2023 Q4", "GPT-3.5").</summary>
public sealed record SeriesPoint(double X, string Label, double Value, string? Note = null)
{
    /// <summary>The data row the point (its label) comes from, when one row makes it: where a bad character is fixed.</summary>
    public SourceLocation? At { get; init; }
}

/// <summary>
/// A named, traceable value. Exactly one of Number / Text / Series / Rows is set when Available;
/// when not Available, UnavailableReason says which input the edition lacks ("not computable: …").
/// </summary>
public sealed record Metric
{
    public required string Id { get; init; }
    public required string Label { get; init; }          // Korean, e.g. "한국의 주목할 만한 AI 모델 수"
    public required string Unit { get; init; }           // "개", "건", "%", "%p", "배", "달러/백만 토큰", "위", "" …
    public required string Formula { get; init; }        // in words, Korean or English, never empty
    public IReadOnlyList<SourceLocation> Sources { get; init; } = [];
    public bool Available { get; init; } = true;
    public string? UnavailableReason { get; init; }
    public string? UnavailableReasonKo { get; init; }    // the same reason in Korean, for the brief's methodology note
    public double? Number { get; init; }
    public string? Text { get; init; }
    public IReadOnlyList<SeriesPoint>? Series { get; init; }
    public IReadOnlyList<IReadOnlyDictionary<string, object?>>? Rows { get; init; } // list-like values: Korea's models, rankings
    /// <summary>The data row each of <see cref="Rows"/> comes from, when each comes from one row.</summary>
    public IReadOnlyList<SourceLocation>? RowSources { get; init; }

    /// <summary>What the value covers, in Korean: "2024년", "2013~2024년", "2023년 말" (null when the id says it all).</summary>
    public string? Period { get; init; }

    /// <summary>The latest release date among the inputs that have one (AI Index edition, [[release]], a dated table); null when none is dated.</summary>
    public DateOnly? Released { get; init; }

    /// <summary>The input row behind <see cref="Released"/>, named when a brief dated earlier would print this metric.</summary>
    public SourceLocation? ReleasedBy { get; init; }

    /// <summary>How a brief credits the inputs ("Epoch AI(2025), Notable AI Models"), in a stable order.</summary>
    public IReadOnlyList<string> Credits { get; init; } = [];

    /// <summary>The uncertainty interval of the value, when the data gives one.</summary>
    public MetricInterval? Interval { get; init; }
}

/// <summary>An uncertainty interval from the data: bounds, confidence level (%), and what it rests on ("가격 자료점 4개").</summary>
public sealed record MetricInterval(double Low, double High, double Level, string? Basis = null)
{
    /// <summary>
    /// Wide enough that the point value alone would mislead: the upper bound is more than ten times the lower one, or
    /// (for values that can be zero or negative) the interval is wider than the value itself.
    /// </summary>
    public bool IsWide(double value) =>
        Low > 0 && High > 0 ? High / Low > 10 : High - Low > Math.Abs(value);
}

/// <summary>All metrics of one edition, by id.</summary>
public sealed class MetricSet(int edition, int measuredYear, IEnumerable<Metric> metrics)
{
    /// <summary>The edition's [brief] date (edition.toml): the vintage cut-off its metrics were computed with.</summary>
    public DateOnly? PublicationDate { get; init; }

    /// <summary>The edition's [brief] number (edition.toml), the default issue number of its briefs.</summary>
    public string? IssueNumber { get; init; }

    /// <summary>Every source the metrics credit (tables of edition.toml, releases of indicator rows), each once: the 참고문헌.</summary>
    public IReadOnlyList<Data.Catalog.Credit> Sources { get; init; } = [];

    private readonly Dictionary<string, Metric> _byId = metrics.ToDictionary(m => m.Id, StringComparer.Ordinal);

    public int Edition { get; } = edition;
    public int MeasuredYear { get; } = measuredYear;
    /// <summary>Every metric, ordered by id. Sorted once (templates' checks ask for it per metric id they name).</summary>
    public IEnumerable<Metric> All => _all ??= _byId.Values.OrderBy(m => m.Id, StringComparer.Ordinal).ToList().AsReadOnly();
    private IReadOnlyList<Metric>? _all;   // the set never changes: computing it twice on two threads gives the same list
    public bool TryGet(string id, out Metric metric) => _byId.TryGetValue(id, out metric!);

    public Metric this[string id] => _byId.TryGetValue(id, out var m)
        ? m
        : throw new KeyNotFoundException($"unknown metric '{id}'");
}
