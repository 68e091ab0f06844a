using AiIndexReports.Data.Csv;
using CsvHelper;

namespace AiIndexReports.Data.Tables;

/// <summary>
/// Column map of Epoch AI's "Notable AI Models" export. Both layouts are covered: the 2024-07-16 export names the
/// model column "System", the 2025-02-24 export "Model"; the other columns keep their names but not their order.
/// Only the columns the briefs use are mapped (free-text columns like Abstract are never materialised).
/// </summary>
[CsvRecord]
internal sealed partial record NotableModelRow(
    [property: CsvColumn("Model", "System")] string Model,
    [property: CsvColumn("Organization")] string Organization,
    [property: CsvColumn("Country (from Organization)")] string Countries,
    [property: CsvColumn("Publication date")] string PublicationDate,
    [property: CsvColumn("Parameters")] string Parameters,
    [property: CsvColumn("Training compute (FLOP)")] string TrainingComputeFlop,
    [property: CsvColumn("Domain")] string Domain);

internal static class NotableModelsTable
{
    public static SourceTable Describe(DataFile file, DateOnly snapshot) => new(
        file.RepoPath, $"Notable AI Models (export of {snapshot:yyyy-MM-dd})", "Epoch AI", "CC BY 4.0",
        SourceType.Original, "https://epoch.ai/data/notable-ai-models");

    /// <param name="modelColumn">the model column the edition declares ("System" or "Model"); its absence is an error</param>
    public static List<NotableModel> Read(DataFile file, string modelColumn, SourceLocation modelColumnAt, DiagnosticBag diagnostics)
    {
        var countries = new CountryCells(diagnostics);
        var names = new KeyIndex<string>();
        var rows = CsvTableReader.Read<NotableModelRow, NotableModel>(file, diagnostics, (raw, cells) =>
        {
            var name = cells.Required(nameof(raw.Model), raw.Model);
            var date = cells.Date(nameof(raw.PublicationDate), raw.PublicationDate);
            var parameters = cells.Number(nameof(raw.Parameters), raw.Parameters, required: false);
            var compute = cells.Number(nameof(raw.TrainingComputeFlop), raw.TrainingComputeFlop, required: false);
            var codes = countries.Resolve(raw.Countries, cells, nameof(raw.Countries));
            names.Add(name, $"\"{name}\"", cells, nameof(raw.Model), $"model \"{name}\"");
            return cells.HasErrors || date is null ? null
                : new NotableModel(name, raw.Organization.Trim(), codes, date.Value, parameters, compute, raw.Domain.Trim(), cells.At(nameof(raw.Model)));
        }, [(modelColumn, modelColumnAt)]);
        countries.ReportUnknown("Country (from Organization)");
        return rows;
    }
}
