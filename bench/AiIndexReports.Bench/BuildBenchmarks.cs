using AiIndexReports.Config;
using System.Runtime.CompilerServices;
using AiIndexReports.Pipeline;
using BenchmarkDotNet.Attributes;

namespace AiIndexReports.Bench;

/// <summary>
/// A whole brief built in a warm process (JIT done), into a temp copy of templates/ and data/, outputs written:
/// <list type="bullet">
/// <item><see cref="FullBrief2025_NewBuilder"/>: every stage from the files — load, metrics, figures (PNG+SVG), fonts,
/// write, typeset, outputs — as `watch` does after a data change;</item>
/// <item><see cref="FullBrief2025_SharedEdition"/>: the edition's dataset, metrics, figures and fonts already loaded
/// (a batch's second brief): fingerprint, write, typeset and outputs only;</item>
/// <item><see cref="Summary2025_SharedEdition"/>: the same for the 2-page summary.</item>
/// </list>
/// Run: dotnet run -c Release --project bench/AiIndexReports.Bench -- --filter '*BuildBenchmarks*' --job short
/// </summary>
[MemoryDiagnoser]
public class BuildBenchmarks
{
    private string _root = "";
    private BriefBuilder _shared = null!;
    private BuildJob _full = null!;
    private BuildJob _summary = null!;
    private static readonly BuildSettings Forced = new() { Force = true, SourceDateEpoch = null };

    [GlobalSetup]
    public void Setup()
    {
        _root = Directory.CreateTempSubdirectory("aiindex-bench-").FullName;
        var repo = FindRepoRoot();
        foreach (var folder in new[] { "templates", "data" }) CopyFolder(Path.Combine(repo, folder), Path.Combine(_root, folder));

        var manifest = BriefManifest.Load(_root);
        _full = new BuildJob(manifest.Briefs.Single(b => b.Id == "ai-index-brief"), 2025);
        _summary = new BuildJob(manifest.Briefs.Single(b => b.Id == "ai-index-summary"), 2025);
        _shared = new BriefBuilder(_root, Forced);
        Check(_shared.Build(_full));
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _shared.Dispose();
        Directory.Delete(_root, recursive: true);
    }

    [Benchmark]
    public BriefBuildResult FullBrief2025_NewBuilder()
    {
        using var builder = new BriefBuilder(_root, Forced);
        return Check(builder.Build(_full));
    }

    [Benchmark(Baseline = true)]
    public BriefBuildResult FullBrief2025_SharedEdition() => Check(_shared.Build(_full));

    [Benchmark]
    public BriefBuildResult Summary2025_SharedEdition() => Check(_shared.Build(_summary));

    private static BriefBuildResult Check(BriefBuildResult result) => result.Status == BriefBuildStatus.Built
        ? result
        : throw new InvalidOperationException($"{result.Job.Name} did not build: {string.Join("; ", result.Diagnostics)}");

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private static string FindRepoRoot([CallerFilePath] string thisFile = "")
    {
        // BenchmarkDotNet runs benchmarks from a generated project folder, so start from this source file's path.
        foreach (var start in new[] { Path.GetDirectoryName(thisFile), Environment.CurrentDirectory })
            for (var dir = start is null ? null : new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "AiIndexReports.sln"))) return dir.FullName;
        throw new InvalidOperationException("AiIndexReports.sln not found");
    }
}
