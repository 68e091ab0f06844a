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
}

/// <summary>All metrics of one edition, by id.</summary>
public sealed class MetricSet(int edition, int measuredYear, IEnumerable<Metric> metrics)
{
    private readonly Dictionary<string, Metric> _byId = metrics.ToDictionary(m => m.Id, StringComparer.Ordinal);

    public int Edition { get; } = edition;
    public int MeasuredYear { get; } = measuredYear;
    public IEnumerable<Metric> All => _byId.Values.OrderBy(m => m.Id, StringComparer.Ordinal);
    public bool TryGet(string id, out Metric metric) => _byId.TryGetValue(id, out metric!);

    public Metric this[string id] => _byId.TryGetValue(id, out var m)
        ? m
        : throw new KeyNotFoundException($"unknown metric '{id}'");
}
