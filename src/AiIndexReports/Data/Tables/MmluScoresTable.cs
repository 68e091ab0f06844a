using AiIndexReports.Data.Csv;
using CsvHelper;

namespace AiIndexReports.Data.Tables;

/// <summary>Column map of mmlu_scores_by_model.csv (Epoch Benchmarking Hub MMLU results with developer countries).</summary>
[CsvRecord]
internal sealed partial record MmluScoreRow(
    [property: CsvColumn("model_display_name")] string Model,
    [property: CsvColumn("release_date")] string ReleaseDate,
    [property: CsvColumn("mmlu_accuracy_pct")] string AccuracyPct,
    [property: CsvColumn("shots")] string Shots,
    [property: CsvColumn("developer")] string Developer,
    [property: CsvColumn("developer_countries")] string DeveloperCountries,
    [property: CsvColumn("developer_attribution_method")] string AttributionMethod);

internal static class MmluScoresTable
{
    public static SourceTable Describe(DataFile file) => new(file.RepoPath,
        "MMLU accuracy by model version (Epoch AI Benchmarking Hub; developer countries matched to Notable AI Models)",
        "Epoch AI", "MIT", SourceType.Original, "https://epoch.ai/data/ai-benchmarking-dashboard");

    public static List<MmluScore> Read(DataFile file, DiagnosticBag diagnostics)
    {
        var countries = new CountryCells(diagnostics);
        var undated = new List<int>();
        var rows = CsvTableReader.Read<MmluScoreRow, MmluScore>(file, diagnostics, (raw, cells) =>
        {
            var model = cells.Required(nameof(raw.Model), raw.Model);
            var accuracy = cells.Number(nameof(raw.AccuracyPct), raw.AccuracyPct);
            if (accuracy > 100) cells.Error(nameof(raw.AccuracyPct), $"expected a percentage 0–100, found {accuracy}");
            var codes = countries.Resolve(raw.DeveloperCountries, cells, nameof(raw.DeveloperCountries));
            // A score without a release date is real data that cannot be placed on a time axis: leave it out, say so once.
            if (raw.ReleaseDate.Trim().Length == 0)
            {
                undated.Add(cells.Line);
                return null;
            }
            var date = cells.Date(nameof(raw.ReleaseDate), raw.ReleaseDate);
            return cells.HasErrors || date is null ? null
                : new MmluScore(model, date.Value, accuracy!.Value, raw.Shots.Trim(), raw.Developer.Trim(), codes,
                    raw.AttributionMethod.Trim(), cells.At(nameof(raw.AccuracyPct)));
        });
        countries.ReportUnknown("developer_countries");
        if (undated.Count > 0)
            diagnostics.Warning(new SourceLocation(file.RepoPath),
                $"{undated.Count} rows without release_date left out (they cannot be placed in time): lines {string.Join(", ", undated)}");
        return rows;
    }
}
