using System.Globalization;
using AiIndexReports.Data.Tables;

namespace AiIndexReports.Data;

/// <summary>
/// Entry point of the data stage: reads data/&lt;edition&gt;/edition.toml and every table it names into a typed,
/// validated <see cref="Dataset"/> whose rows know their file:line:column. Collects every problem before failing.
/// </summary>
public sealed class DatasetLoader
{
    /// <summary>Edition folders present under data/ (four-digit names), oldest first.</summary>
    public IReadOnlyList<int> AvailableEditions(string repoRoot)
    {
        var data = Path.Combine(repoRoot, "data");
        if (!Directory.Exists(data)) return [];
        return [.. Directory.GetDirectories(data)
            .Select(Path.GetFileName)
            .Where(name => name is { Length: 4 } && name.All(char.IsAsciiDigit))
            .Select(name => int.Parse(name!, CultureInfo.InvariantCulture))
            .Order()];
    }

    /// <summary>Loads an edition (default: the newest folder present).</summary>
    /// <exception cref="BuildFailedException">with every error found (and the warnings after them)</exception>
    public Dataset Load(string repoRoot, int? edition = null)
    {
        var (dataset, diagnostics) = LoadCollecting(repoRoot, edition);
        if (dataset is null) throw new BuildFailedException(diagnostics.All);
        return dataset;
    }

    /// <summary>For a `check` command: loads and validates without throwing; errors first, then warnings.</summary>
    public IReadOnlyList<Diagnostic> Check(string repoRoot, int? edition = null) => LoadCollecting(repoRoot, edition).Diagnostics.All;

    private (Dataset? Dataset, DiagnosticBag Diagnostics) LoadCollecting(string repoRoot, int? requested)
    {
        var diagnostics = new DiagnosticBag();
        var editions = AvailableEditions(repoRoot);
        if (requested is null && editions.Count == 0)
        {
            diagnostics.Error(new SourceLocation("data"), $"no edition folder (data/<year>/{EditionManifestReader.FileName}) under {Path.GetFullPath(repoRoot)}");
            return (null, diagnostics);
        }
        var edition = requested ?? editions[^1];
        if (!editions.Contains(edition))
        {
            diagnostics.Error(new SourceLocation($"data/{edition}"),
                $"no folder for edition {edition}; editions present: {(editions.Count == 0 ? "none" : string.Join(", ", editions))}");
            return (null, diagnostics);
        }

        var manifest = EditionManifestReader.Read(repoRoot, edition, diagnostics);
        if (manifest is null) return (null, diagnostics);

        var notable = NotableModelsTable.Read(manifest.NotableModels, manifest.ModelColumn, manifest.ModelColumnAt, diagnostics);
        var indicators = IndicatorsTable.Read(manifest.Indicators, diagnostics);
        var cheapest = manifest.CheapestPrices is { } c ? InferencePriceTables.ReadCheapest(c, diagnostics) : [];
        var decline = manifest.DeclineRates is { } d ? InferencePriceTables.ReadDeclineRates(d, diagnostics) : [];
        var modelPrices = manifest.ModelPrices is { } m ? InferencePriceTables.ReadModelPrices(m, diagnostics) : [];
        var mmlu = manifest.MmluScores is { } s ? MmluScoresTable.Read(s, diagnostics) : [];

        CheckIndicatorEdition(manifest, indicators, diagnostics);
        WarnAboutSecondarySources(manifest.Info.IndicatorEdition, indicators, diagnostics);
        if (diagnostics.HasErrors) return (null, diagnostics);

        List<SourceTable> tables =
        [
            NotableModelsTable.Describe(manifest.NotableModels, manifest.Info.SnapshotDate),
            IndicatorsTable.Describe(manifest.Indicators, indicators.Where(i => i.ReportEdition == manifest.Info.IndicatorEdition)),
        ];
        if (manifest.CheapestPrices is { } cf) tables.Add(InferencePriceTables.DescribeCheapest(cf));
        if (manifest.DeclineRates is { } df) tables.Add(InferencePriceTables.DescribeDeclineRates(df));
        if (manifest.ModelPrices is { } mf) tables.Add(InferencePriceTables.DescribeModelPrices(mf));
        if (manifest.MmluScores is { } sf) tables.Add(MmluScoresTable.Describe(sf));

        var dataset = new Dataset(manifest.Info, notable, indicators, cheapest, decline, modelPrices, mmlu, tables, diagnostics.Warnings);
        return (dataset, diagnostics);
    }

    private static void CheckIndicatorEdition(EditionManifest manifest, List<Indicator> indicators, DiagnosticBag diagnostics)
    {
        var wanted = manifest.Info.IndicatorEdition;
        if (indicators.Count == 0 || indicators.Any(i => i.ReportEdition == wanted)) return;
        diagnostics.Error(manifest.IndicatorEditionAt,
            $"{manifest.Indicators.RepoPath} has no rows with report_edition \"{wanted}\"; it has: {string.Join(", ", indicators.Select(i => $"\"{i.ReportEdition}\"").Distinct())}");
    }

    /// <summary>One warning per indicator of this edition that rests on secondary sources (lower confidence).</summary>
    private static void WarnAboutSecondarySources(string edition, List<Indicator> indicators, DiagnosticBag diagnostics)
    {
        foreach (var group in indicators
                     .Where(i => i.ReportEdition == edition && i.SourceType == SourceType.TranscribedSecondary)
                     .GroupBy(i => i.Name))
        {
            var first = group.First().Location;
            diagnostics.Warning(first with { Column = 0 },
                $"indicator {group.Key}: {group.Count()} value(s) transcribed from secondary sources (lower confidence; say so in the methodology note): lines {string.Join(", ", group.Select(i => i.Location.Line))}");
        }
    }
}
