using AiIndexReports.Config;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json;
using AiIndexReports.Briefs;
using AiIndexReports.Charts;
using AiIndexReports.Data;
using AiIndexReports.Metrics;
using AiIndexReports.Typesetting;
using AiIndexReports.Typesetting.Fonts;
using AiIndexReports.Typesetting.Pdf;

namespace AiIndexReports.Pipeline;

/// <summary>One brief of one edition.</summary>
public sealed record BuildJob(BriefSpec Brief, int Edition)
{
    public string Name => $"{Edition}/{Brief.Id}";
}

/// <summary>What became of one job.</summary>
public sealed record BriefBuildResult(
    BuildJob Job,
    BriefBuildStatus Status,
    IReadOnlyList<Diagnostic> Diagnostics,
    string? PdfPath = null,
    int Pages = 0,
    long Bytes = 0,
    IReadOnlyList<(string Stage, TimeSpan Time)>? Timings = null,
    IReadOnlyList<(string Path, string Sha256, long Bytes)>? Outputs = null,
    InputFingerprint? Inputs = null);

public enum BriefBuildStatus { Built, Skipped, Failed }

/// <summary>
/// Runs the stages for each brief: Load → Compute → Chart → Write → Typeset, then writes the PDF, figures (PNG, SVG),
/// metrics.json and previews atomically under output/. An edition's dataset, metrics and figures are computed once per
/// run and shared by its briefs. A brief whose inputs hash the same as at its last good build is skipped.
/// A builder may be reused for several runs (watch) as long as data/, the theme and the fonts did not change:
/// those are loaded once per builder.
/// </summary>
public sealed class BriefBuilder : IDisposable
{
    private readonly string _root;
    private readonly BuildSettings _settings;
    private readonly ConcurrentDictionary<int, Lazy<EditionOutputs>> _editions = new();
    private readonly Lazy<BriefTheme> _theme;
    private readonly Lazy<FontLibrary> _fonts;
    private readonly ConcurrentDictionary<int, byte> _editionFilesWritten = new();
    private readonly ConcurrentDictionary<int, byte> _editionTimingsReported = new();
    private readonly ConcurrentDictionary<int, byte> _chartTimingsReported = new();
    private readonly FileHashCache _fileHashes;
    private Task? _fontPrefetch;

    public BriefBuilder(string repoRoot, BuildSettings? settings = null)
    {
        _root = Path.GetFullPath(repoRoot);
        _settings = settings ?? new BuildSettings();
        _theme = new(() => BriefTheme.Load(_root));
        _fonts = new(() => _theme.Value.Fonts.Load(Path.Combine(_root, "templates")));
        _fileHashes = new FileHashCache(OutputRoot);
    }

    public string OutputRoot => Path.Combine(_root, "output");

    /// <summary>What the last <see cref="Plan"/> noticed but did not stop for (e.g. an edition listed ahead of its data).</summary>
    public IReadOnlyList<Diagnostic> PlanWarnings { get; private set; } = [];

    /// <summary>
    /// The jobs a request asks for, sorted by edition then brief id (the order shards slice).
    /// An edition or brief that does not exist is an <see cref="InvalidRequestException"/>.
    /// </summary>
    public IReadOnlyList<BuildJob> Plan(BriefManifest manifest, BuildRequest options)
    {
        var available = new DatasetLoader().AvailableEditions(_root);
        if (available.Count == 0)
            throw new BuildFailedException(new Diagnostic(new SourceLocation("data"), "no edition folders (expected data/<year>/edition.toml)"));
        if (options.Edition is { } e && !available.Contains(e))
            throw new InvalidRequestException($"no such edition in data/ (available: {string.Join(", ", available)})", "edition", e.ToString(CultureInfo.InvariantCulture));
        var editions = options.AllEditions ? available : [options.Edition ?? available.Max()];

        foreach (var id in options.Briefs)
            if (manifest.Briefs.All(b => b.Id != id))
                throw new InvalidRequestException($"no such brief in {manifest.File} (known: {string.Join(", ", manifest.Briefs.Select(b => b.Id))})", "brief", id);

        PlanWarnings = manifest.Briefs
            .Where(b => options.Briefs.Count == 0 || options.Briefs.Contains(b.Id))
            .SelectMany(b => (b.Editions ?? []).Where(x => !available.Contains(x)).Select(x => new Diagnostic(b.Where,
                $"brief '{b.Id}' lists edition {x}, which has no data folder (data/{x}/edition.toml): nothing is built for it",
                Severity.Warning)))
            .ToList();

        var jobs = from edition in editions
                   from brief in manifest.Briefs
                   where options.Briefs.Count == 0 || options.Briefs.Contains(brief.Id)
                   where brief.Editions is null || brief.Editions.Contains(edition)
                   orderby edition, brief.Id
                   select new BuildJob(brief, edition);
        return options.Shard.Select(jobs.ToList());
    }

    /// <summary>Builds jobs with up to <paramref name="parallelism"/> at once; every job runs, failures included.</summary>
    public IReadOnlyList<BriefBuildResult> BuildAll(
        IReadOnlyList<BuildJob> jobs, int parallelism, Action<BriefBuildResult>? onDone = null, CancellationToken cancellation = default)
    {
        var results = new BriefBuildResult[jobs.Count];
        // Each run writes its editions' shared files (figures, metrics.json) again, even when the builder is reused.
        _editionFilesWritten.Clear();
        // Fonts (17 MB to map and parse) do not depend on the data: load them while the first edition loads.
        // A failure surfaces in the first brief that needs them.
        if (jobs.Count > 0 && !_fonts.IsValueCreated) _fontPrefetch ??= Task.Run(() => _fonts.Value);
        Parallel.For(0, jobs.Count, new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellation }, i =>
        {
            results[i] = Build(jobs[i], cancellation);
            onDone?.Invoke(results[i]);
        });
        _fileHashes.Save();
        return results;
    }

    public BriefBuildResult Build(BuildJob job, CancellationToken cancellation = default)
    {
        var timings = new List<(string, TimeSpan)>();
        var clock = Stopwatch.StartNew();
        T Timed<T>(string stage, Func<T> run)
        {
            clock.Restart();
            var value = run();
            timings.Add((stage, clock.Elapsed));
            return value;
        }

        InputFingerprint? fingerprint = null;
        try
        {
            fingerprint = Timed("fingerprint", () => Fingerprint(job));
            var cache = new BuildCache(OutputRoot);
            var pdfRelative = job.Brief.OutputPath(job.Edition);
            if (!_settings.Force && cache.IsUpToDate(job.Name, fingerprint.Hash, pdfRelative))
                return new BriefBuildResult(job, BriefBuildStatus.Skipped, [], Path.Combine("output", pdfRelative), Inputs: fingerprint);

            var edition = EditionFor(job.Edition);
            // The edition's stages ran once for all its briefs: the first brief to get here reports their times.
            if (_editionTimingsReported.TryAdd(job.Edition, 0)) timings.AddRange(edition.Timings);
            var theme = _theme.Value;
            var fonts = Timed("fonts", () => _fonts.Value);
            cancellation.ThrowIfCancellationRequested();

            var document = Timed("write", () => new BriefWriter(_root).Write(job.Brief, job.Edition, edition.Metrics, edition.Figures));
            cancellation.ThrowIfCancellationRequested();
            var typeset = Timed("typeset", () => new BriefTypesetter(theme, fonts, _settings.PdfStandard)
                .Typeset(job.Brief, job.Edition, document, edition.Figures, CreatedUtc(job, document.Issue)));
            cancellation.ThrowIfCancellationRequested();

            var writer = new OutputWriter(OutputRoot);
            writer.Add(pdfRelative, typeset.Pdf);
            // Edition-wide files are the same for every brief of the edition: written by the first brief of the run.
            if (_editionFilesWritten.TryAdd(job.Edition, 0))
            {
                foreach (var (path, bytes) in edition.Files) writer.Add(path, bytes);
                var figureFiles = Timed("charts (wait)", () => edition.FigureFiles.GetAwaiter().GetResult());
                if (_chartTimingsReported.TryAdd(job.Edition, 0)) timings.Add(("charts", figureFiles.Time));
                foreach (var (path, bytes) in figureFiles.Files) writer.Add(path, bytes);
            }
            if (_settings.DumpLayout)
            {
                // Composed afresh (elements keep layout state): the same document the typesetter was given.
                var composed = new BriefTypesetter(theme, fonts, _settings.PdfStandard).Compose(job.Brief, job.Edition, document, edition.Figures, CreatedUtc(job, document.Issue));
                writer.Add(Path.ChangeExtension(pdfRelative, ".layout.txt"), Encoding.UTF8.GetBytes(LayoutDump.Of(composed)));
            }
            if (_settings.Previews)
                Timed("previews", () =>
                {
                    var previews = PreviewFolder(job);
                    var pages = typeset.RenderAllPng(_settings.PreviewDpi);
                    for (var p = 0; p < pages.Count; p++)
                        writer.Add($"{previews}/page-{p + 1:00}.png", pages[p]);
                    return 0;
                });

            var outputs = writer.Pending
                .Select(p => (Path.GetRelativePath(_root, p.Path).Replace('\\', '/'), InputFingerprint.Sha256(p.Bytes), (long)p.Bytes.Length))
                .ToList();
            Timed("outputs", () =>
            {
                writer.Commit(cancellation);
                cache.Record(job.Name, fingerprint.Hash, pdfRelative, typeset.Pdf);
                return 0;
            });

            return new BriefBuildResult(job, BriefBuildStatus.Built, edition.Warnings, Path.Combine("output", pdfRelative),
                typeset.PageCount, typeset.Pdf.Length, timings, outputs, fingerprint);
        }
        catch (BuildFailedException e)
        {
            return new BriefBuildResult(job, BriefBuildStatus.Failed, e.Diagnostics, Timings: timings, Inputs: fingerprint);
        }
        catch (MissingGlyphsException e)
        {
            return new BriefBuildResult(job, BriefBuildStatus.Failed, MissingGlyphDiagnostics(job, e), Timings: timings, Inputs: fingerprint);
        }
        catch (TypesettingException e)
        {
            return new BriefBuildResult(job, BriefBuildStatus.Failed, [new Diagnostic(null, "typesetting: " + e.Message)], Timings: timings, Inputs: fingerprint);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A bug or an I/O failure in one brief must not take the batch down: report it, let the others build.
            return new BriefBuildResult(job, BriefBuildStatus.Failed,
                [new Diagnostic(null, $"internal error while building {job.Name}: {e.GetType().Name}: {e.Message}")], Timings: timings, Inputs: fingerprint);
        }
    }

    /// <summary>
    /// A character no font has, located where an editor can fix it: the first line of the brief's templates or of the
    /// data files that contains it (the typesetter only sees the rendered text).
    /// </summary>
    private IReadOnlyList<Diagnostic> MissingGlyphDiagnostics(BuildJob job, MissingGlyphsException e)
    {
        var files = new[] { $"templates/{job.Brief.Template}", "templates/partials", "data" }
            .Select(folder => Path.Combine(_root, folder))
            .Where(Directory.Exists)
            .SelectMany(folder => Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
                .Where(f => f.EndsWith(".sbn", StringComparison.Ordinal) || f.EndsWith(".csv", StringComparison.Ordinal))
                .Order(StringComparer.Ordinal))
            .ToList();
        return e.Missing.Select(m =>
        {
            var character = char.ConvertFromUtf32(m.CodePoint);
            var message = $"no font of the theme has {m} (fonts: templates/theme.toml [fonts]); remove or replace the character";
            foreach (var file in files)
            {
                var lines = File.ReadLines(file).Select((text, index) => (text, index)).FirstOrDefault(l => l.text.Contains(character, StringComparison.Ordinal));
                if (lines.text is not null)
                    return new Diagnostic(new SourceLocation(Path.GetRelativePath(_root, file).Replace('\\', '/'), lines.index + 1,
                        lines.text.IndexOf(character, StringComparison.Ordinal) + 1), message);
            }
            return new Diagnostic(null, message);
        }).ToList();
    }

    /// <summary>Renders a brief's templates against its edition's metrics without typesetting: the `check` command.</summary>
    public void CheckTemplates(BuildJob job)
    {
        var edition = EditionFor(job.Edition);
        new BriefWriter(_root).Write(job.Brief, job.Edition, edition.Metrics, edition.Figures);
    }

    public static string PreviewFolder(BuildJob job) => $"{job.Edition}/{job.Brief.Id}/preview";

    /// <summary>Publication date (briefs.toml, else the edition's [brief] date), or SOURCE_DATE_EPOCH (reproducible-builds.org) when set; always UTC.</summary>
    private DateTime CreatedUtc(BuildJob job, BriefIssue? issue)
    {
        if (_settings.SourceDateEpoch is { } epoch) return DateTime.UnixEpoch.AddSeconds(epoch);
        return issue is null
            ? new DateTime(job.Edition, 1, 1, 0, 0, 0, DateTimeKind.Utc)
            : issue.Date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
    }

    private InputFingerprint Fingerprint(BuildJob job)
    {
        var spec = JsonSerializer.Serialize(job.Brief with { Where = new SourceLocation("") });
        return InputFingerprint.Of(_root,
            ["data", $"templates/{job.Brief.Template}", "templates/partials", "templates/theme.toml", "templates/fonts"],
            [spec, job.Edition.ToString(CultureInfo.InvariantCulture), ToolVersion, _settings.Previews ? "previews" : "", _settings.DumpLayout ? "layout" : "", _settings.Strict ? "strict" : "",
             _settings.SourceDateEpoch?.ToString(CultureInfo.InvariantCulture) ?? "", PdfStandards.Name(_settings.PdfStandard)],
            _fileHashes);
    }

    /// <summary>Changes whenever the program itself changes, so a new build of the tool rebuilds every brief.</summary>
    private static readonly string ToolVersion = string.Join("|",
        new[] { typeof(BriefBuilder).Assembly, typeof(Typesetter).Assembly }.Select(a => a.ManifestModule.ModuleVersionId.ToString()));

    private EditionOutputs EditionFor(int edition) =>
        _editions.GetOrAdd(edition, e => new Lazy<EditionOutputs>(() => ComputeEdition(e))).Value;

    private EditionOutputs ComputeEdition(int edition)
    {
        var timings = new List<(string, TimeSpan)>();
        var clock = Stopwatch.StartNew();
        void Lap(string stage)
        {
            timings.Add((stage, clock.Elapsed));
            clock.Restart();
        }

        var dataset = new DatasetLoader().Load(_root, edition, _settings.Strict);
        Lap("load");
        var metrics = new MetricsCalculator().Compute(dataset);
        var figures = FigureBuilder.Build(metrics);
        var files = new List<(string, byte[])>
        {
            ($"{edition}/metrics.json", Encoding.UTF8.GetBytes(MetricsJson.Serialize(metrics))),
        };
        Lap("metrics");
        // The PNG/SVG exports are not needed to typeset (the PDF draws its charts as vectors itself): render them on
        // another core while the first brief is written and typeset; that brief waits for them before committing.
        var figureFiles = Task.Run(() => ExportFigures(edition, figures));
        return new EditionOutputs(metrics, figures, files, figureFiles, [.. dataset.Warnings, .. figures.Diagnostics], timings);
    }

    private FigureExports ExportFigures(int edition, FigureSet figures)
    {
        var clock = Stopwatch.StartNew();
        var files = new List<(string, byte[])>();
        using var typefaces = new FileTypefaceSource(Path.Combine(_root, "templates"), _theme.Value.Fonts);
        var renderer = new ChartRenderer(typefaces, _theme.Value.Chart);
        foreach (var figure in figures.Figures)
        {
            files.Add(($"{edition}/figures/{figure.Id}.png", renderer.RenderPng(figure, 2)));
            files.Add(($"{edition}/figures/{figure.Id}.svg", Encoding.UTF8.GetBytes(renderer.RenderSvg(figure))));
        }
        return new FigureExports(files, clock.Elapsed);
    }

    public void Dispose()
    {
        // A prefetch still loading must finish before the fonts can be released (its failure was reported by a brief).
        try { _fontPrefetch?.Wait(); } catch (AggregateException) { }
        if (_fonts.IsValueCreated) _fonts.Value.Dispose();
    }

    private sealed record EditionOutputs(MetricSet Metrics, FigureSet Figures, IReadOnlyList<(string Path, byte[] Bytes)> Files,
        Task<FigureExports> FigureFiles, IReadOnlyList<Diagnostic> Warnings, IReadOnlyList<(string Stage, TimeSpan Time)> Timings);

    private sealed record FigureExports(IReadOnlyList<(string Path, byte[] Bytes)> Files, TimeSpan Time);
}
