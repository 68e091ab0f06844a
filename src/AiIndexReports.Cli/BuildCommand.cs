using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Serialization;
using AiIndexReports.Config;
using AiIndexReports.Pipeline;
using Spectre.Console;
using Spectre.Console.Cli;

namespace AiIndexReports.Cli;

/// <summary>
/// `aiindex build`: plans the jobs, builds them in parallel, prints progress (a live display on a terminal, one line
/// per brief otherwise or when CI=true), a summary, and writes output/build-manifest.json. Exit 0 only if every brief built.
/// </summary>
internal sealed class BuildCommand : Command<BuildSettingsOptions>
{
    public override int Execute(CommandContext context, BuildSettingsOptions settings, CancellationToken cancellation) =>
        Run(Program.RepoRoot(settings), settings.Request(SourceDateEpoch.FromEnvironment()), settings.Timings, cancellation);

    /// <param name="warmBuilder">a builder kept from an earlier run (watch), or null for a fresh one.</param>
    public static int Run(string root, BuildRequest options, bool timings, CancellationToken cancellation, BriefBuilder? warmBuilder = null) =>
        Execute(root, options, timings, cancellation, warmBuilder).ExitCode;

    /// <summary>What a run built, for the live preview: every brief's result and the warnings about the run.</summary>
    public sealed record Outcome(int ExitCode, IReadOnlyList<BriefBuildResult> Results, IReadOnlyList<Diagnostic> Warnings, TimeSpan Elapsed);

    /// <summary><see cref="Run"/>, returning the results as well as printing them.</summary>
    public static Outcome Execute(string root, BuildRequest options, bool timings, CancellationToken cancellation, BriefBuilder? warmBuilder = null)
    {
        var total = Stopwatch.StartNew();
        if (warmBuilder is null) StartNativeLibraries();
        BriefManifest manifest;
        using (Trace.Span("briefs.toml"))
            manifest = BriefManifest.Load(root);
        using var fresh = warmBuilder is null ? NewBuilder(root, options) : null;
        var builder = warmBuilder ?? fresh!;
        IReadOnlyList<BuildJob> jobs;
        using (Trace.Span("plan"))
            jobs = builder.Plan(manifest, options);
        foreach (var warning in builder.PlanWarnings) Console.Error.WriteLine(warning);
        if (jobs.Count == 0)
        {
            Console.WriteLine("build: nothing to build (no brief matches; check --brief, --edition and --shard)");
            return new Outcome(0, [], builder.PlanWarnings, total.Elapsed);
        }

        var plain = Console.IsOutputRedirected || Environment.GetEnvironmentVariable("CI") == "true";
        IReadOnlyList<BriefBuildResult> results;
        if (plain)
        {
            var gate = new Lock();
            results = builder.BuildAll(jobs, options.Jobs, result =>
            {
                lock (gate) PrintLine(result, timings);
            }, cancellation, options.Settings.Force);
        }
        else
        {
            results = [];
            AnsiConsole.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new SpinnerColumn())
                .Start(ctx =>
                {
                    var task = ctx.AddTask($"building {jobs.Count} brief(s) with {options.Jobs} job(s)", maxValue: jobs.Count);
                    results = builder.BuildAll(jobs, options.Jobs, _ => task.Increment(1), cancellation, options.Settings.Force);
                });
            PrintTable(results, timings);
        }

        // Files around the briefs that were not read, a damaged cache: said once, not per brief.
        foreach (var warning in builder.RunWarnings) Console.Error.WriteLine(warning);
        // A printed value that may be a transcription slip is said in full, once, not folded into the count.
        foreach (var warning in results.SelectMany(r => r.Diagnostics).Where(d => d.PrintInFull).Select(d => d.ToString()).Distinct(StringComparer.Ordinal))
            Console.Error.WriteLine(warning);
        using (Trace.Span("build-manifest.json"))
            WriteRunManifest(builder.OutputRoot, results, builder.RunWarnings, total.Elapsed);
        var built = results.Count(r => r.Status == BriefBuildStatus.Built);
        var skipped = results.Count(r => r.Status == BriefBuildStatus.Skipped);
        var failed = results.Count(r => r.Status == BriefBuildStatus.Failed);
        if (timings)
        {
            // Summed over briefs: which stage a batch spends its time in (charts run beside write/typeset).
            var stages = results.SelectMany(r => r.Timings ?? []).GroupBy(t => t.Stage)
                .Select(g => $"{g.Key} {g.Sum(t => t.Time.TotalMilliseconds):0} ms");
            Console.WriteLine("timings, all briefs: " + string.Join(", ", stages));
        }
        Console.WriteLine($"build: {built} built, {skipped} up to date, {failed} failed in {total.Elapsed.TotalSeconds:0.00} s");
        return new Outcome(failed == 0 ? 0 : 1, results, [.. builder.PlanWarnings, .. builder.RunWarnings], total.Elapsed);
    }

    public static BriefBuilder NewBuilder(string root, BuildRequest request) => new(root, request.Settings);

    /// <summary>
    /// On the other core while the manifest, data and templates load: OpenSSL first (.NET hashes with it and loads it on
    /// first use, a few ms; the inputs' fingerprint is the first hash), then Skia's start (a scan of the system fonts),
    /// then Scriban's built-in functions (made once per process; the Write stage would otherwise wait for them).
    /// </summary>
    private static void StartNativeLibraries() => Task.Run(() =>
    {
        using (Trace.Span("openssl start"))
            _ = System.Security.Cryptography.SHA256.HashData(ReadOnlySpan<byte>.Empty);
        using (Trace.Span("skia start (system font scan)"))
            Typesetting.Fonts.FontLibrary.StartSkia();
        using (Trace.Span("scriban start"))
            Text.TemplateRenderer.PrepareBuiltins();
    });

    /// <summary>On a terminal: one table row per brief, then each failure's errors with their locations.</summary>
    private static void PrintTable(IReadOnlyList<BriefBuildResult> results, bool timings)
    {
        var table = new Table().AddColumns("brief", "result", "pages", "KB", "PDF");
        if (timings) table.AddColumn("stages (ms)");
        foreach (var r in results)
        {
            var status = r.Status switch
            {
                BriefBuildStatus.Built => "[green]built[/]",
                BriefBuildStatus.Skipped => "[grey]up to date[/]",
                _ => "[red]FAILED[/]",
            };
            var cells = new List<string>
            {
                Markup.Escape(r.Job.Name), status,
                r.Pages > 0 ? r.Pages.ToString(System.Globalization.CultureInfo.InvariantCulture) : "", r.Bytes > 0 ? (r.Bytes / 1024).ToString(System.Globalization.CultureInfo.InvariantCulture) : "",
                Markup.Escape(r.PdfPath?.Replace('\\', '/') ?? ""),
            };
            if (timings) cells.Add(Markup.Escape(string.Join(", ", (r.Timings ?? []).Select(t => $"{t.Stage} {t.Time.TotalMilliseconds:0}"))));
            table.AddRow(cells.ToArray());
        }
        AnsiConsole.Write(table);
        foreach (var r in results.Where(r => r.Status == BriefBuildStatus.Failed))
        {
            Console.Error.WriteLine($"FAILED   {r.Job.Name}: previous output left untouched");
            foreach (var d in r.Diagnostics.Where(d => d.Severity == Severity.Error)) Console.Error.WriteLine("  " + d);
        }
        var warnings = results.Sum(r => r.Diagnostics.Count(d => d.Severity == Severity.Warning));
        if (warnings > 0) Console.WriteLine($"{warnings} warning(s) about the inputs: see output/build-manifest.json");
    }

    private static void PrintLine(BriefBuildResult r, bool timings)
    {
        switch (r.Status)
        {
            case BriefBuildStatus.Built:
                Console.WriteLine($"built    {r.Job.Name}: {r.PdfPath} ({r.Pages} pages, {r.Bytes / 1024} KB)");
                break;
            case BriefBuildStatus.Skipped:
                Console.WriteLine($"skipped  {r.Job.Name}: inputs unchanged since the last build ({r.PdfPath}); --force rebuilds");
                break;
            default:
                Console.Error.WriteLine($"FAILED   {r.Job.Name}: previous output left untouched");
                break;
        }
        foreach (var d in r.Diagnostics.Where(d => d.Severity == Severity.Error))
            Console.Error.WriteLine("  " + d);
        var warnings = r.Diagnostics.Count(d => d.Severity == Severity.Warning);
        if (warnings > 0)
            Console.WriteLine($"  {warnings} warning(s) about the inputs (lower-confidence sources, rows left out, figures without data): see output/build-manifest.json");
        if (timings && r.Timings is { } t)
            Console.WriteLine("  timings: " + string.Join(", ", t.Select(x => $"{x.Stage} {x.Time.TotalMilliseconds:0} ms")));
    }

    private static void WriteRunManifest(string outputRoot, IReadOnlyList<BriefBuildResult> results, IReadOnlyList<Diagnostic> warnings, TimeSpan elapsed)
    {
        // Every input file of the run once (briefs share most of them); each brief names its files and fingerprint.
        var inputs = results.Where(r => r.Inputs is not null).SelectMany(r => r.Inputs!.Files)
            .DistinctBy(f => f.Path).OrderBy(f => f.Path, StringComparer.Ordinal)
            .Select(f => new RunManifest.File(f.Path, f.Sha256, f.Bytes)).ToList();
        var manifest = new RunManifest(
            Math.Round(elapsed.TotalMilliseconds),
            inputs,
            warnings.Select(w => w.ToString()).ToList(),
            results.Select(r => new RunManifest.Brief(
                r.Job.Name,
                r.Status.ToString().ToLowerInvariant(),
                r.Inputs?.Hash,
                r.Inputs?.Files.Select(f => f.Path).ToList(),
                r.PdfPath?.Replace('\\', '/'),
                r.Pages,
                r.Bytes,
                r.Outputs?.Select(o => new RunManifest.File(o.Path, o.Sha256, o.Bytes)).ToList(),
                r.Timings?.ToDictionary(t => t.Stage, t => Math.Round(t.Time.TotalMilliseconds, 1)),
                r.Diagnostics.Select(d => d.ToString()).ToList())).ToList());
        var writer = new OutputWriter(outputRoot);
        writer.Add("build-manifest.json", JsonSerializer.SerializeToUtf8Bytes(manifest, RunManifestJson.Indented.RunManifest));
        writer.Commit();
    }
}

/// <summary>output/build-manifest.json: the last run's inputs, its warnings, and per brief its status, outputs, timings and diagnostics.</summary>
internal sealed record RunManifest(double ElapsedMs, IReadOnlyList<RunManifest.File> Inputs, IReadOnlyList<string> Warnings,
    IReadOnlyList<RunManifest.Brief> Briefs)
{
    public sealed record File(string Path, string Sha256, long Bytes);

    public sealed record Brief(string Job, string Status, string? Fingerprint, IReadOnlyList<string>? Inputs, string? Pdf, int Pages,
        long Bytes, IReadOnlyList<File>? Outputs, Dictionary<string, double>? TimingsMs, IReadOnlyList<string> Diagnostics);
}

/// <summary>Source-generated JSON of the run manifest (Native AOT has no reflection-based JSON): snake_case names, indented,
/// Korean and punctuation written as they are.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(RunManifest))]
internal sealed partial class RunManifestJson : JsonSerializerContext
{
    public static RunManifestJson Indented { get; } = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
