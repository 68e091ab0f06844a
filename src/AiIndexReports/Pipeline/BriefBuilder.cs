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
using AiIndexReports.Typesetting.Export;
using AiIndexReports.Typesetting.Fonts;
using SkiaSharp;
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
    private readonly ConcurrentDictionary<string, Diagnostic> _warnings = new(StringComparer.Ordinal);
    // Page images of each brief's last build: a builder kept for the next run (watch, preview) encodes only changed pages.
    private readonly ConcurrentDictionary<string, PngReuse> _pngReuse = new(StringComparer.Ordinal);
    private Task? _fontPrefetch;

    public BriefBuilder(string repoRoot, BuildSettings? settings = null)
    {
        _root = Path.GetFullPath(repoRoot);
        _settings = settings ?? new BuildSettings();
        _theme = new(() => BriefTheme.Load(_root));
        _fonts = new(() => _theme.Value.Fonts.Load(_root));
        using (Trace.Span("file-hashes.json (read)"))
            _fileHashes = new FileHashCache(OutputRoot);
    }

    public string OutputRoot => Path.Combine(_root, "output");

    /// <summary>What the last <see cref="Plan"/> noticed but did not stop for (e.g. an edition listed ahead of its data).</summary>
    public IReadOnlyList<Diagnostic> PlanWarnings { get; private set; } = [];

    /// <summary>
    /// What the last <see cref="BuildAll"/> noticed about the files around the briefs, once each: files under data/ or
    /// templates/ that were not read (a named pipe, a link leading outside), a damaged build cache, temp files removed.
    /// </summary>
    public IReadOnlyList<Diagnostic> RunWarnings => [.. _warnings.Values.OrderBy(w => w.ToString(), StringComparer.Ordinal)];

    private void Warn(IEnumerable<Diagnostic> warnings)
    {
        foreach (var w in warnings) _warnings.TryAdd(w.ToString(), w);
    }

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

        CheckOutputCollisions(manifest, available);

        var jobs = from edition in editions
                   from brief in manifest.Briefs
                   where options.Briefs.Count == 0 || options.Briefs.Contains(brief.Id)
                   where brief.Editions is null || brief.Editions.Contains(edition)
                   orderby edition, brief.Id
                   select new BuildJob(brief, edition);
        return options.Shard.Select(jobs.ToList());
    }

    /// <summary>
    /// The PDF paths of every brief of the manifest for every edition present must differ (and none may be a folder of
    /// another): otherwise which brief's file survives depends on --jobs and the build would say ok. Checked for the whole
    /// manifest before anything is built, whatever the request narrows to; the error names both briefs.
    /// </summary>
    private static void CheckOutputCollisions(BriefManifest manifest, IReadOnlyList<int> available)
    {
        var owners = new Dictionary<string, (BriefSpec Brief, int Edition)>(StringComparer.OrdinalIgnoreCase);
        var errors = new List<Diagnostic>();
        string Who(BriefSpec b, int edition) => $"brief '{b.Id}' (edition {edition.ToString(CultureInfo.InvariantCulture)}, {b.OutputWhere ?? b.Where})";
        foreach (var brief in manifest.Briefs)
            foreach (var edition in available.Where(e => brief.Editions is null || brief.Editions.Contains(e)))
            {
                var path = brief.OutputPath(edition);
                if (owners.TryGetValue(path, out var other))
                    errors.Add(new Diagnostic(brief.OutputWhere ?? brief.Where, other.Brief == brief
                        ? $"output/{path} would be written for two editions of brief '{brief.Id}' ({other.Edition.ToString(CultureInfo.InvariantCulture)} "
                          + $"and {edition.ToString(CultureInfo.InvariantCulture)}): put {{edition}} in its output pattern"
                        : $"output/{path} would be written by two briefs: {Who(other.Brief, other.Edition)} and {Who(brief, edition)}; "
                          + "give each its own file with {id} and {edition} in the output pattern"));
                else owners[path] = (brief, edition);
            }
        foreach (var (path, owner) in owners)
            for (var folder = Path.GetDirectoryName(path); !string.IsNullOrEmpty(folder); folder = Path.GetDirectoryName(folder))
                if (owners.TryGetValue(folder.Replace('\\', '/'), out var other))
                    errors.Add(new Diagnostic(owner.Brief.OutputWhere ?? owner.Brief.Where,
                        $"output/{path} of {Who(owner.Brief, owner.Edition)} needs output/{folder} to be a folder, but {Who(other.Brief, other.Edition)} writes its PDF there"));
        if (errors.Count > 0) throw new BuildFailedException(errors);
    }

    /// <summary>Builds jobs with up to <paramref name="parallelism"/> at once; every job runs, failures included.</summary>
    /// <param name="force">rebuild briefs that are up to date in this run, as <see cref="BuildSettings.Force"/> does in every run
    /// (a preview's first run of a builder it keeps warm for later runs)</param>
    public IReadOnlyList<BriefBuildResult> BuildAll(
        IReadOnlyList<BuildJob> jobs, int parallelism, Action<BriefBuildResult>? onDone = null, CancellationToken cancellation = default, bool force = false)
    {
        var results = new BriefBuildResult[jobs.Count];
        // Each run writes its editions' shared files (figures, metrics.json) again when they changed, even when the builder is reused.
        _editionFilesWritten.Clear();
        _warnings.Clear();
        Warn(_fileHashes.Warnings);
        // A build killed between writing a temp file and renaming it left the temp behind: ours to remove.
        var stale = AtomicFile.RemoveStaleTemps(OutputRoot);
        if (stale.Count > 0)
            Warn([new Diagnostic(new SourceLocation("output"), $"removed {stale.Count} temp file(s) left by an interrupted build: "
                + string.Join(", ", stale.Take(5).Select(p => "output/" + Path.GetRelativePath(OutputRoot, p).Replace('\\', '/'))), Severity.Warning)]);
        // Fonts (checked, then mapped when first used) do not depend on the data: set them up while the first edition loads.
        // A failure surfaces in the first brief that needs them.
        if (jobs.Count > 0 && !_fonts.IsValueCreated) _fontPrefetch ??= Task.Run(() =>
        {
            using var span = Trace.Span("fonts (prefetch)");
            return _fonts.Value;
        });
        Parallel.For(0, jobs.Count, new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellation }, i =>
        {
            results[i] = Build(jobs[i], cancellation, force);
            onDone?.Invoke(results[i]);
        });
        var saving = new List<Diagnostic>();
        using (Trace.Span("file-hashes.json (save)"))
            _fileHashes.Save(saving);
        Warn(saving);
        return results;
    }

    public BriefBuildResult Build(BuildJob job, CancellationToken cancellation = default, bool force = false)
    {
        using var culture = ToolCulture.OnThisThread();
        var timings = new List<(string, TimeSpan)>();
        var clock = Stopwatch.StartNew();
        T Timed<T>(string stage, Func<T> run)
        {
            using var span = Trace.Span($"{job.Name}: {stage}");
            clock.Restart();
            var value = run();
            timings.Add((stage, clock.Elapsed));
            return value;
        }

        InputFingerprint? fingerprint = null;
        BriefDocument? document = null;
        try
        {
            fingerprint = Timed("fingerprint", () => Fingerprint(job));
            var cache = new BuildCache(OutputRoot);
            var pdfRelative = job.Brief.OutputPath(job.Edition);
            var cacheWarnings = new List<Diagnostic>();
            var upToDate = !_settings.Force && !force && cache.IsUpToDate(job.Name, fingerprint.Hash, cacheWarnings);
            Warn(cacheWarnings);
            if (upToDate)
                return new BriefBuildResult(job, BriefBuildStatus.Skipped, [], Path.Combine("output", pdfRelative), Inputs: fingerprint);

            var edition = EditionFor(job.Edition);
            // The edition's stages ran once for all its briefs: the first brief to get here reports their times.
            if (_editionTimingsReported.TryAdd(job.Edition, 0)) timings.AddRange(edition.Timings);
            var theme = _theme.Value;
            // Templates need no fonts: the font prefetch (and Skia's start) finishes while they render.
            document = Timed("write", () => new BriefWriter(_root).Write(job.Brief, job.Edition, edition.Metrics, edition.Figures));
            cancellation.ThrowIfCancellationRequested();
            var fonts = Timed("fonts", () => _fonts.Value);
            cancellation.ThrowIfCancellationRequested();
            var typeset = Timed("typeset", () => new BriefTypesetter(theme, fonts, _settings.PdfStandard)
                .Typeset(job.Brief, job.Edition, document, edition.Figures, CreatedUtc(job, document.Issue)));
            foreach (var phase in typeset.Phases)
            {
                timings.Add(("typeset: " + phase.Name, phase.Time));
                Trace.Add($"{job.Name}: typeset: {phase.Name}", phase.StartTimestamp, phase.EndTimestamp, phase.AllocatedBytes);
            }
            cancellation.ThrowIfCancellationRequested();

            var writer = new OutputWriter(OutputRoot);
            writer.Add(pdfRelative, typeset.Pdf);
            // Edition-wide files are the same for every brief of the edition: written by the first brief of the run, and
            // part of every brief's cache entry (a brief is not up to date while its edition's figures are missing).
            // Figures and metrics.json whose inputs did not change since they were written are not written again
            // (BuildCache), but are still recorded for the brief with their hashes.
            var figureFiles = Timed("charts (wait)", () => edition.Exports.GetAwaiter().GetResult());
            if (_chartTimingsReported.TryAdd(job.Edition, 0)) timings.Add((figureFiles.Fresh ? "charts" : "charts (cached)", figureFiles.Time));
            var editionFiles = figureFiles.Files;
            var writesEditionFiles = _editionFilesWritten.TryAdd(job.Edition, 0);
            if (writesEditionFiles)
                foreach (var (path, bytes) in editionFiles) writer.Add(path, bytes);
            if (_settings.DumpLayout)
            {
                // Composed afresh (elements keep layout state): the same document the typesetter was given.
                var composed = new BriefTypesetter(theme, fonts, _settings.PdfStandard).Compose(job.Brief, job.Edition, document, edition.Figures, CreatedUtc(job, document.Issue));
                writer.Add(Path.ChangeExtension(pdfRelative, ".layout.txt"), Encoding.UTF8.GetBytes(LayoutDump.Of(composed)));
            }
            if (_settings.Provenance)
                writer.Add(Path.ChangeExtension(pdfRelative, ".provenance.md"),
                    Encoding.UTF8.GetBytes(ProvenanceDocument.Markdown(job.Brief, job.Edition, document, edition.Metrics)));
            if (_settings.Previews)
                Timed("previews", () =>
                {
                    var previews = PreviewFolder(job);
                    var pages = typeset.RenderAllPng(_settings.PreviewDpi, _pngReuse.GetOrAdd(job.Name, _ => new PngReuse()));
                    for (var p = 0; p < pages.Count; p++)
                        writer.Add($"{previews}/page-{p + 1:00}.png", pages[p]);
                    if (_settings.PreviewMaps)
                    {
                        // From the frames the PNGs were just drawn from: no second layout.
                        var map = new PageMap(document, edition.Metrics, edition.Figures);
                        foreach (var page in typeset.Pages) writer.Add($"{previews}/page-{page.Index + 1:00}.json", map.Json(page));
                    }
                    return 0;
                });

            var outputs = Timed("outputs", () =>
            {
                var written = writer.Pending
                    .Select(p => (Path.GetRelativePath(_root, p.Path).Replace('\\', '/'), InputFingerprint.Sha256(p.Bytes), (long)p.Bytes.Length))
                    .ToList();
                var recorded = writer.Pending.Select(p => (Path.GetRelativePath(OutputRoot, p.Path), InputFingerprint.Sha256(p.Bytes)))
                    .Concat(editionFiles.Select(f => (f.Path, InputFingerprint.Sha256(f.Bytes))))
                    .Concat(figureFiles.Hashes)
                    .DistinctBy(o => o.Item1.Replace('\\', '/'))
                    .ToList();
                writer.Commit(cancellation);
                var recordWarnings = new List<Diagnostic>();
                cache.Record(job.Name, fingerprint.Hash, recorded, recordWarnings);
                if (writesEditionFiles && figureFiles.Fresh) cache.Record(ExportsJob(job.Edition), figureFiles.Fingerprint, figureFiles.Hashes, recordWarnings);
                Warn(recordWarnings);
                return written;
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
            // Located where an editor fixes it: the template line or data row the text came from (the Write stage kept them).
            var origins = document?.Origins ?? TextOrigins.None;
            return new BriefBuildResult(job, BriefBuildStatus.Failed, e.Missing.Select(origins.Locate).ToList(), Timings: timings, Inputs: fingerprint);
        }
        catch (DamagedFontException e)
        {
            return new BriefBuildResult(job, BriefBuildStatus.Failed,
                [new Diagnostic(new SourceLocation(e.Path), e.Problem + " (a font named in templates/theme.toml [fonts])")], Timings: timings, Inputs: fingerprint);
        }
        catch (FontLoadException e)
        {
            return new BriefBuildResult(job, BriefBuildStatus.Failed, [BriefFonts.Diagnose(e)], Timings: timings, Inputs: fingerprint);
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

    /// <summary>Renders a brief's templates against its edition's metrics without typesetting: the `check` command.</summary>
    public void CheckTemplates(BuildJob job)
    {
        using var culture = ToolCulture.OnThisThread();
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
        var spec = JsonSerializer.Serialize(job.Brief with { Where = new SourceLocation("") }, BriefSpecJson.Default.BriefSpec);
        var warnings = new List<Diagnostic>();
        var fingerprint = InputFingerprint.Of(_root,
            ["data", $"templates/{job.Brief.Template}", "templates/partials", "templates/theme.toml", "templates/fonts"],
            [spec, job.Edition.ToString(CultureInfo.InvariantCulture), ToolVersion, _settings.Previews ? $"previews {_settings.PreviewDpi.ToString(CultureInfo.InvariantCulture)}{(_settings.PreviewMaps ? " maps" : "")}" : "", _settings.DumpLayout ? "layout" : "", _settings.Provenance ? "provenance" : "", _settings.Strict ? "strict" : "",
             _settings.SourceDateEpoch?.ToString(CultureInfo.InvariantCulture) ?? "", PdfStandards.Name(_settings.PdfStandard)],
            _fileHashes, warnings);
        Warn(warnings);
        return fingerprint;
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
        var (lapStart, lapAllocated) = (Stopwatch.GetTimestamp(), GC.GetAllocatedBytesForCurrentThread());
        void Lap(string stage)
        {
            timings.Add((stage, clock.Elapsed));
            var (now, allocated) = (Stopwatch.GetTimestamp(), GC.GetAllocatedBytesForCurrentThread());
            Trace.Add($"{edition}: {stage}", lapStart, now, allocated - lapAllocated);
            (lapStart, lapAllocated) = (now, allocated);
            clock.Restart();
        }

        var dataset = new DatasetLoader().Load(_root, edition, _settings.Strict);
        Lap("load");
        var metrics = new MetricsCalculator().Compute(dataset);
        Lap("metrics");
        // The templates' `metrics` object (one node per metric, ~2,000) is built on another core while the figures are
        // made and the first brief's parts decided; its first section waits for it only if it is not done yet.
        var templateMetrics = Task.Run(() =>
        {
            using var culture = ToolCulture.OnThisThread();
            using var span = Trace.Span($"{edition}: template metrics");
            Text.TemplateModel.Prepare(metrics);
        });
        var figures = FigureBuilder.Build(metrics);
        Lap("figures");
        // The PNG/SVG exports and metrics.json are not needed to typeset (the PDF draws its charts as vectors itself):
        // made on another core while the first brief is written and typeset; that brief waits for them before committing.
        // They start once the templates' metrics are done (a failure there is the first section's to report): on two
        // cores, started at once they took half the other core from it while the first section waited.
        var exports = templateMetrics.ContinueWith(_ => ExportEditionFiles(edition, metrics, figures), CancellationToken.None,
            TaskContinuationOptions.None, TaskScheduler.Default);
        return new EditionOutputs(metrics, figures, exports, [.. dataset.Warnings, .. figures.Diagnostics], timings);
    }

    /// <summary>
    /// The figures as PNG (2×) and SVG, for slides and the web, and metrics.json. They depend only on the edition's data,
    /// the theme, the fonts and the tool, so they are made again only when those changed or a file in output/ changed or
    /// went missing since (their <see cref="BuildCache"/> entry): otherwise the files there are the ones this would write.
    /// </summary>
    private EditionExports ExportEditionFiles(int edition, MetricSet metrics, FigureSet figures)
    {
        using var culture = ToolCulture.OnThisThread();
        var clock = Stopwatch.StartNew();
        string fingerprint;
        using (Trace.Span($"{edition}: figures fingerprint"))
        {
            var warnings = new List<Diagnostic>();
            fingerprint = InputFingerprint.Of(_root, ["data", "templates/theme.toml", "templates/fonts"],
                ["figures", edition.ToString(CultureInfo.InvariantCulture), ToolVersion, _settings.Strict ? "strict" : ""], _fileHashes, warnings).Hash;
            var cached = new BuildCache(OutputRoot).UpToDateOutputs(ExportsJob(edition), fingerprint, warnings);
            Warn(warnings);
            if (cached is not null) return new EditionExports([], cached, clock.Elapsed, fingerprint, Fresh: false);
        }
        var files = new List<(string, byte[])>();
        using (Trace.Span($"{edition}: metrics.json"))
            files.Add(($"{edition}/metrics.json", MetricsJson.SerializeToUtf8Bytes(metrics)));
        var typefaces = _fonts.Value;
        // The same glyph check as the PDF's charts: a PNG or SVG must not show empty boxes either.
        var (regular, semibold) = (typefaces.GetTypeface(BriefFonts.Family, SKFontStyleWeight.Normal), typefaces.GetTypeface(BriefFonts.Family, SKFontStyleWeight.SemiBold));
        var problems = figures.Figures.SelectMany(f => BriefTypesetter.ChartGlyphProblems(f, c => regular.GetGlyph(c) != 0 && semibold.GetGlyph(c) != 0)).ToList();
        if (problems.Count > 0) throw new BuildFailedException(problems);
        var renderer = new ChartRenderer(typefaces, _theme.Value.Chart);
        foreach (var figure in figures.Figures)
        {
            using (Trace.Span($"{edition}: figure {figure.Id}.png"))
                files.Add(($"{edition}/figures/{figure.Id}.png", renderer.RenderPng(figure, 2)));
            using (Trace.Span($"{edition}: figure {figure.Id}.svg"))
                files.Add(($"{edition}/figures/{figure.Id}.svg", Encoding.UTF8.GetBytes(renderer.RenderSvg(figure))));
        }
        return new EditionExports(files, [.. files.Select(f => (f.Item1, InputFingerprint.Sha256(f.Item2)))], clock.Elapsed, fingerprint, Fresh: true);
    }

    public void Dispose()
    {
        // A prefetch still loading must finish before the fonts can be released (its failure was reported by a brief).
        try { _fontPrefetch?.Wait(); } catch (AggregateException) { }
        // So must the figure exports: a brief that failed early never waited for them, and they read the fonts'
        // mapped memory (releasing it under them crashed the process).
        foreach (var edition in _editions.Values.Where(e => e.IsValueCreated))
            try { edition.Value.Exports.Wait(); } catch (AggregateException) { }
        if (_fonts.IsValueCreated) _fonts.Value.Dispose();
    }

    private sealed record EditionOutputs(MetricSet Metrics, FigureSet Figures, Task<EditionExports> Exports,
        IReadOnlyList<Diagnostic> Warnings, IReadOnlyList<(string Stage, TimeSpan Time)> Timings);

    /// <summary>The build cache's name for an edition's exports: output/.cache/&lt;edition&gt;-exports.json.</summary>
    private static string ExportsJob(int edition) => $"{edition.ToString(CultureInfo.InvariantCulture)}/exports";

    /// <summary>
    /// Edition files to write (none when not <see cref="Fresh"/>: those in output/ are still right), and every one's path
    /// (relative to output/) and SHA-256, for the briefs' cache entries.
    /// </summary>
    private sealed record EditionExports(IReadOnlyList<(string Path, byte[] Bytes)> Files, IReadOnlyList<(string Path, string Sha256)> Hashes,
        TimeSpan Time, string Fingerprint, bool Fresh);
}
