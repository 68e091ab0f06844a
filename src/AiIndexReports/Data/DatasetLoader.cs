using System.Globalization;
using AiIndexReports.Data.Catalog;
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
    /// <param name="strict">unknown indicator names, units and release dates are errors (check/build --strict)</param>
    public Dataset Load(string repoRoot, int? edition = null, bool strict = false)
    {
        var (dataset, diagnostics) = LoadCollecting(repoRoot, edition, strict);
        if (dataset is null) throw new BuildFailedException(diagnostics.All);
        return dataset;
    }

    /// <summary>For a `check` command: loads and validates without throwing; errors first, then warnings.</summary>
    public IReadOnlyList<Diagnostic> Check(string repoRoot, int? edition = null, bool strict = false) => LoadCollecting(repoRoot, edition, strict).Diagnostics.All;

    private (Dataset? Dataset, DiagnosticBag Diagnostics) LoadCollecting(string repoRoot, int? requested, bool strict)
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

        var catalogDiagnostics = new List<Diagnostic>();
        var catalog = IndicatorCatalogReader.Read(repoRoot, catalogDiagnostics);
        foreach (var problem in catalogDiagnostics)
            if (problem.Severity == Severity.Error || strict) diagnostics.Error(problem.Location, problem.Message);
            else diagnostics.Warning(problem.Location, problem.Message);

        var nameProblems = new List<Diagnostic>();
        var names = NameTable.Read(repoRoot, nameProblems);
        foreach (var problem in nameProblems) diagnostics.Error(problem.Location, problem.Message);

        var info = manifest.Info;
        var reportCredit = Credit(manifest.Indicators, catalog.ReportCredit(info.Edition, info.ReportReleased));
        var notable = NotableModelsTable.Read(manifest.NotableModels, manifest.ModelColumn, manifest.ModelColumnAt, diagnostics);
        var indicators = IndicatorsTable.Read(manifest.Indicators, catalog, e => ReleaseOf(repoRoot, e, info, reportCredit, catalog), info.IndicatorEdition, strict, diagnostics);
        var cheapest = manifest.CheapestPrices is { } c ? InferencePriceTables.ReadCheapest(c, diagnostics) : [];
        var decline = manifest.DeclineRates is { } d ? InferencePriceTables.ReadDeclineRates(d, diagnostics) : [];
        var modelPrices = manifest.ModelPrices is { } m ? InferencePriceTables.ReadModelPrices(m, diagnostics) : [];
        var mmlu = manifest.MmluScores is { } s ? MmluScoresTable.Read(s, diagnostics) : [];

        CheckIndicatorEdition(manifest, indicators, diagnostics);
        WarnAboutEnglishNames(notable, info.MeasuredYear, names, diagnostics);
        WarnAboutSecondarySources(manifest.Info.IndicatorEdition, indicators, diagnostics);
        if (diagnostics.HasErrors) return (null, diagnostics);

        // Each table's credit: what edition.toml says, else the description's publisher and licence (no year is invented).
        SourceTable WithCredit(SourceTable t, DataFile f, string title, DateOnly? released = null) =>
            t with { Credit = Credit(f, new Credit(title, t.Publisher, released, t.License)), ReleaseDeclared = f.Released is not null };
        List<SourceTable> tables =
        [
            WithCredit(NotableModelsTable.Describe(manifest.NotableModels, info.SnapshotDate), manifest.NotableModels, "Notable AI Models", info.SnapshotDate),
            IndicatorsTable.Describe(manifest.Indicators, indicators.Where(i => i.ReportEdition == info.IndicatorEdition), reportCredit) with { ReleaseDeclared = true },
        ];
        if (manifest.CheapestPrices is { } cf) tables.Add(WithCredit(InferencePriceTables.DescribeCheapest(cf), cf, "LLM Inference Prices"));
        if (manifest.DeclineRates is { } df) tables.Add(WithCredit(InferencePriceTables.DescribeDeclineRates(df), df, "LLM Inference Prices"));
        if (manifest.ModelPrices is { } mf) tables.Add(WithCredit(InferencePriceTables.DescribeModelPrices(mf), mf, "LLM Inference Prices"));
        if (manifest.MmluScores is { } sf) tables.Add(WithCredit(MmluScoresTable.Describe(sf), sf, "Benchmarking Hub: MMLU"));

        var dataset = new Dataset(info, notable, indicators, cheapest, decline, modelPrices, mmlu, tables, diagnostics.Warnings, catalog) { Names = names, Analyses = manifest.Analyses };
        return (dataset, diagnostics);
    }

    private static Credit Credit(DataFile file, Credit fallback) => new(
        file.Title ?? fallback.Title, file.Publisher ?? fallback.Publisher, file.Released ?? fallback.Released, file.Licence ?? fallback.Licence, fallback.Year)
    { IsReport = fallback.IsReport };

    /// <summary>
    /// The release an indicators.csv row was printed in: this edition's report (edition.toml), another AI Index edition
    /// (the catalog's [report]), or a
    /// [[release]] of the catalog. Null when nothing says.
    /// </summary>
    private static Credit? ReleaseOf(string repoRoot, string reportEdition, EditionInfo info, Credit own, IndicatorCatalog catalog)
    {
        // This edition's own rows are quoted by its briefs: released by their date at the latest.
        if (reportEdition == info.IndicatorEdition) return own with { Released = own.Released ?? info.PublicationDate };
        if (catalog.Release(reportEdition) is { } release)
            return new Credit(release.Title, release.Publisher, release.Released, release.Licence);
        if (int.TryParse(reportEdition, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is > 1900 and < 3000)
            // An older edition: its own edition.toml says how it is credited; a later one was not out before its year
            // began, so the vintage rule never lets it in (and it is never read).
            return year < info.Edition
                ? EditionManifestReader.PeekReportCredit(repoRoot, year) ?? catalog.ReportCredit(year, null)
                : catalog.ReportCredit(year, new DateOnly(year, 1, 1));
        return null;
    }

    private static void CheckIndicatorEdition(EditionManifest manifest, List<Indicator> indicators, DiagnosticBag diagnostics)
    {
        var wanted = manifest.Info.IndicatorEdition;
        if (indicators.Count == 0 || indicators.Any(i => i.ReportEdition == wanted)) return;
        diagnostics.Error(manifest.IndicatorEditionAt,
            $"{manifest.Indicators.RepoPath} has no rows with report_edition \"{wanted}\"; it has: {string.Join(", ", indicators.Select(i => $"\"{i.ReportEdition}\"").Distinct())}");
    }

    /// <summary>The brief names Korea's models of the measured year and their makers in Korean: say which names data/names.toml lacks.</summary>
    private static void WarnAboutEnglishNames(IReadOnlyList<NotableModel> models, int year, NameTable names, DiagnosticBag diagnostics)
    {
        // A repository without the table has opted out; a name already written in Hangul needs no entry.
        if (names == NameTable.Empty) return;
        foreach (var model in models.Where(m => m.PublicationDate.Year == year && m.CountryIso3.Contains("KOR")))
            foreach (var organization in names.Unnamed(model.Organization).Where(o => !o.Any(c => c is >= '가' and <= '힣')))
                diagnostics.Warning(model.Source with { Column = 0 },
                    $"organization \"{organization}\" of the Korean model \"{model.Name}\" has no Korean name in {NameTable.RepoPath}: the brief prints it in English");
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
