using AiIndexReports.Config;

namespace AiIndexReports.Data;

/// <summary>What data/&lt;edition&gt;/edition.toml declares: the edition and the file of each table it is computed from.</summary>
internal sealed record EditionManifest(
    EditionInfo Info,
    DataFile NotableModels,
    string ModelColumn,
    SourceLocation ModelColumnAt,
    DataFile Indicators,
    SourceLocation IndicatorEditionAt,
    DataFile? CheapestPrices,
    DataFile? DeclineRates,
    DataFile? ModelPrices,
    DataFile? MmluScores)
{
    /// <summary>Korean analyses of the report the briefs cite ([[analysis]]).</summary>
    public IReadOnlyList<EditionAnalysis> Analyses { get; init; } = [];
}

/// <summary>
/// Turns the checked edition file (<see cref="EditionFile"/>, read by the configuration layer) into the data files of the
/// edition: each path must stay inside data/ and exist; a missing file is an error at the line that names it.
/// </summary>
internal static class EditionManifestReader
{
    public const string FileName = EditionFile.FileName;

    public static EditionManifest? Read(string repoRoot, int edition, DiagnosticBag diagnostics)
    {
        var file = EditionFile.Read(repoRoot, edition, diagnostics);
        if (file is null) return null;
        var folder = $"data/{edition}";

        DataFile? FileOf(string table) => file.Tables.TryGetValue(table, out var t)
            ? Resolve(repoRoot, folder, t.File, t.Where, t.Encoding, diagnostics) is { } resolved
                ? resolved with { Title = t.Title, Publisher = t.Publisher, Released = t.Released, Licence = t.Licence }
                : null
            : null;

        var notable = FileOf("notable_models");
        var indicators = FileOf("indicators");
        var cheapest = FileOf("cheapest_prices");
        var decline = FileOf("price_decline_rates");
        var modelPrices = FileOf("model_prices");
        var mmlu = FileOf("mmlu_scores");
        if (diagnostics.HasErrors || notable is null || indicators is null) return null;

        var info = new EditionInfo(file.Edition, file.MeasuredYear, folder, notable.RepoPath, file.SnapshotDate, file.IndicatorEdition,
            file.PublicationDate, file.IssueNumber, indicators.Released, file.YearCompleteFrom.Month, file.YearCompleteFrom.Day);
        return new EditionManifest(info, notable, file.ModelColumn, file.ModelColumnAt, indicators, file.IndicatorEditionAt,
            cheapest, decline, modelPrices, mmlu) { Analyses = file.Analyses };
    }

    /// <summary>
    /// How another (older) edition credits its AI Index report: title, publisher, released and licence of its
    /// [indicators] table, or null when its edition.toml is missing or unreadable (that edition's own check reports why).
    /// </summary>
    public static Catalog.Credit? PeekReportCredit(string repoRoot, int edition)
    {
        var file = EditionFile.Read(repoRoot, edition, new DiagnosticBag());
        if (file is null || !file.Tables.TryGetValue("indicators", out var table)) return null;
        return table.Title is { } title && table.Publisher is { } publisher
            ? new Catalog.Credit(title, publisher, table.Released, table.Licence ?? "", edition) { IsReport = true }
            : null;
    }

    /// <summary>
    /// Resolves a path relative to the edition folder: it must stay inside data/ (links included) and be a regular file
    /// no larger than <see cref="InputRoot.MaxInputBytes"/> (<see cref="InputRoot.Resolve"/>); a problem is an error at
    /// the edition.toml line that names the file.
    /// </summary>
    private static DataFile? Resolve(string repoRoot, string folder, string relative, SourceLocation at, DeclaredEncoding encoding, DiagnosticBag diagnostics)
    {
        var root = Path.GetFullPath(repoRoot);
        var full = Path.GetFullPath(Path.Combine(root, folder, relative));
        var repoPath = Path.GetRelativePath(root, full).Replace('\\', '/');
        if (!repoPath.StartsWith("data/", StringComparison.Ordinal) || relative.Contains('\0', StringComparison.Ordinal))
        {
            diagnostics.Error(at, $"file = \"{Echo.Clip(relative)}\" points outside data/ ({Echo.Clip(repoPath)}); source tables live under data/");
            return null;
        }
        var data = new InputRoot(Path.Combine(root, "data"), "data");
        var found = data.Resolve(repoPath["data/".Length..], InputRoot.MaxInputBytes);
        switch (found.Problem)
        {
            case InputProblem.None:
                return new DataFile(found.File!.RealPath, repoPath, encoding, at);
            case InputProblem.Missing:
                var directory = Path.GetDirectoryName(full)!;
                var present = data.HasFolder(Path.GetRelativePath(data.FullPath, directory))
                    ? Directory.GetFiles(directory, "*.csv").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToList()
                    : [];
                var nearest = NearestName.Find(Path.GetFileName(full), present);
                diagnostics.Error(at, $"file \"{Echo.Clip(repoPath)}\" does not exist"
                    + (nearest is not null ? $" (did you mean \"{nearest}\"?)" : "")
                    + (present.Count > 0 ? $"; CSV files in {Path.GetRelativePath(root, directory).Replace('\\', '/')}: {string.Join(", ", present)}" : ""));
                return null;
            default:
                diagnostics.Error(at, $"file = \"{Echo.Clip(relative)}\": {found.Message}");
                return null;
        }
    }
}
