using AiIndexReports.Briefs;
using AiIndexReports.Config;
using AiIndexReports.Charts;
using AiIndexReports.Data;
using AiIndexReports.Metrics;

namespace AiIndexReports.Editions;

/// <summary>One brief of an edition and what each of its declared parts becomes.</summary>
public sealed record BriefCoverage(string BriefId, IReadOnlyList<CoverageEntry> Entries);

/// <summary>
/// `aiindex coverage --edition YEAR` (and the warnings of `check`): for every brief of an edition, each section, paragraph,
/// table, figure and headline — available, using an alternative, or omitted — with the reason, without building anything.
/// </summary>
public static class CoverageReport
{
    /// <exception cref="BuildFailedException">the edition's data or the templates cannot be read</exception>
    public static IReadOnlyList<BriefCoverage> Of(string repoRoot, int edition, bool strict = false)
    {
        var manifest = BriefManifest.Load(repoRoot);
        var metrics = new MetricsCalculator().Compute(new DatasetLoader().Load(repoRoot, edition, strict));
        var figures = FigureBuilder.Build(metrics);
        var writer = new BriefWriter(repoRoot);
        return manifest.Briefs.Where(b => b.Editions is null || b.Editions.Contains(edition))
            .Select(b => new BriefCoverage(b.Id, writer.Coverage(b, metrics, figures)))
            .ToList();
    }

    /// <summary>The report as text lines: a header per brief, then one line per part with its status and reason.</summary>
    public static IEnumerable<string> Lines(int edition, IReadOnlyList<BriefCoverage> briefs)
    {
        foreach (var brief in briefs)
        {
            var entries = brief.Entries;
            yield return $"{edition}/{brief.BriefId}: {entries.Count(e => e.Status == CoverageStatus.Available)} available, "
                + $"{entries.Count(e => e.Status == CoverageStatus.Alternative)} using an alternative, "
                + $"{entries.Count(e => e.Status == CoverageStatus.Omitted && !e.Optional)} omitted, "
                + $"{entries.Count(e => e.Status == CoverageStatus.Omitted && e.Optional)} optional not in this edition";
            foreach (var e in entries)
                yield return $"  {e.Kind,-9} {e.What}: {e.StatusText}" + (e.Reason is null ? "" : $" — {e.Reason}");
        }
    }

    /// <summary>The parts that are not available, as warnings located at their template line (for `check`).</summary>
    public static IEnumerable<Diagnostic> Warnings(IReadOnlyList<BriefCoverage> briefs) =>
        briefs.SelectMany(b => b.Entries.Where(e => e.Status != CoverageStatus.Available)
                .Select(e => new Diagnostic(new SourceLocation(e.File, e.Line), $"{b.BriefId}: {e.Kind} \"{e.What}\": {e.StatusText}"
                    + (e.ReasonEnglish is null ? "" : $" ({e.ReasonEnglish})"), Severity.Warning)))
            // A part shared by two briefs (the summary box partial) is said once.
            .DistinctBy(d => (d.Location, d.Message[(d.Message.IndexOf(':') + 1)..]));
}
