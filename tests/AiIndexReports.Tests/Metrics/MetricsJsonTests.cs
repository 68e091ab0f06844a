using AiIndexReports.Metrics;

namespace AiIndexReports.Tests.Metrics;

public class MetricsJsonTests
{
    private static MetricSet Sample() => new(2025, 2024,
    [
        new Metric { Id = "z.last", Label = "마지막", Unit = "배", Formula = "a ÷ b", Number = 1.0 / 3, Sources = [new("data/x.csv", 7)] },
        new Metric
        {
            Id = "a.first", Label = "첫째", Unit = "", Formula = "rows", Sources = [new("data/y.csv", 2), new("data/y.csv", 3)],
            Rows = [new Dictionary<string, object?> { ["iso3"] = "KOR", ["rank"] = 1, ["tied"] = false, ["value"] = 17.3, ["missing"] = null }],
        },
        new Metric
        {
            Id = "m.gone", Label = "없음", Unit = "%", Formula = "x", Available = false,
            UnavailableReason = "not computable: indicators.csv has no x rows for edition 2024", UnavailableReasonKo = "없음",
        },
        new Metric { Id = "s.series", Label = "계열", Unit = "개", Formula = "f", Sources = [new("d.csv", 1)], Series = [new(2023, "2023", 1), new(2024, "2024", 2.5, "n")] },
    ]);

    [Fact]
    public void Writes_metrics_sorted_by_id_with_sources_as_file_and_line()
    {
        var json = MetricsJson.Serialize(Sample());

        Assert.True(json.IndexOf("\"a.first\"", StringComparison.Ordinal) < json.IndexOf("\"m.gone\"", StringComparison.Ordinal));
        Assert.True(json.IndexOf("\"s.series\"", StringComparison.Ordinal) < json.IndexOf("\"z.last\"", StringComparison.Ordinal));
        Assert.Contains("\"sources\": [\n        \"data/x.csv:7\"\n      ]", json.Replace("\r\n", "\n"));
        Assert.Contains("\"value\": 0.3333333333", json);
        Assert.Contains("\"label\": \"마지막\"", json);
        Assert.Contains("\"reason\": \"not computable: indicators.csv has no x rows for edition 2024\"", json);
        Assert.Contains("\"iso3\": \"KOR\"", json);
        Assert.Contains("\"tied\": false", json);
        Assert.Contains("\"missing\": null", json);
        Assert.Contains("\"x\": 2024", json);
        Assert.Contains("\"note\": \"n\"", json);
    }

    [Fact]
    public void Output_is_identical_across_runs_and_cultures()
    {
        var first = MetricsJson.Serialize(Sample());
        var culture = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
            Assert.Equal(first, MetricsJson.Serialize(Sample()));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = culture;
        }
        Assert.Contains("17.3", first);
    }

    [Fact]
    public void WriteFile_replaces_the_file_and_leaves_no_temporary_behind()
    {
        var dir = Directory.CreateTempSubdirectory("metrics-json");
        try
        {
            var path = Path.Combine(dir.FullName, "out", "metrics.json");
            MetricsJson.WriteFile(Sample(), path);
            MetricsJson.WriteFile(Sample(), path);

            Assert.Equal(MetricsJson.Serialize(Sample()), File.ReadAllText(path));
            Assert.Equal(["metrics.json"], Directory.GetFiles(Path.GetDirectoryName(path)!).Select(Path.GetFileName));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
