using AiIndexReports.Config;
using System.Diagnostics;
using AiIndexReports.Pipeline;

namespace AiIndexReports.Tests.Pipeline;

/// <summary>
/// A scratch repository: a copy of the real templates/ (manifest, theme, fonts included) and data/, plus whatever
/// output/ it was given. Build tests edit templates here, never in the real repository.
/// </summary>
public sealed class RepoCopy : IDisposable
{
    public string Root { get; } = Directory.CreateTempSubdirectory("aiindex-build-").FullName;

    public string Output => Path.Combine(Root, "output");

    public static RepoCopy OfRepository()
    {
        var copy = new RepoCopy();
        TestRepo.CopyTree(Path.Combine(TestRepo.Root, "templates"), Path.Combine(copy.Root, "templates"));
        TestRepo.CopyData(Path.Combine(copy.Root, "data"));
        return copy;
    }

    /// <summary>Another copy of this one, outputs and build cache included (so it starts up to date).</summary>
    public RepoCopy Clone()
    {
        var copy = new RepoCopy();
        TestRepo.CopyTree(Root, copy.Root);
        return copy;
    }

    public string PathOf(string relative) => Path.Combine(Root, relative);

    public void Append(string relative, string text) => File.AppendAllText(PathOf(relative), text);

    /// <summary>Builds in-process like `build --all-editions` (or the given options) with 2 jobs.</summary>
    public IReadOnlyList<BriefBuildResult> Build(BuildSettings? settings = null, BuildRequest? options = null,
        Action<BriefBuildResult>? onDone = null, int jobs = 2, CancellationToken cancellation = default)
    {
        using var builder = new BriefBuilder(Root, settings ?? new BuildSettings { SourceDateEpoch = null });
        var plan = builder.Plan(BriefManifest.Load(Root), options ?? new BuildRequest { AllEditions = true });
        var results = builder.BuildAll(plan, jobs, onDone, cancellation);
        RunWarnings = builder.RunWarnings.Select(w => w.ToString()).ToList();
        return results;
    }

    /// <summary>What the last <see cref="Build"/> said about the files around the briefs (<see cref="BriefBuilder.RunWarnings"/>).</summary>
    public IReadOnlyList<string> RunWarnings { get; private set; } = [];

    /// <summary>Every file under output/ (relative path with '/' → bytes) except the build cache and the run manifest.</summary>
    public SortedDictionary<string, byte[]> Outputs()
    {
        var files = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        if (!Directory.Exists(Output)) return files;
        foreach (var f in Directory.EnumerateFiles(Output, "*", SearchOption.AllDirectories))
        {
            var rel = Path.GetRelativePath(Output, f).Replace('\\', '/');
            if (rel.StartsWith(".cache/", StringComparison.Ordinal) || rel == "build-manifest.json") continue;
            files[rel] = File.ReadAllBytes(f);
        }
        return files;
    }

    /// <summary>Temp files an interrupted write could leave ("name.tmp-pid-xxxx"), anywhere under output/.</summary>
    public IReadOnlyList<string> TempFiles() => Directory.Exists(Output)
        ? Directory.EnumerateFiles(Output, "*.tmp-*", SearchOption.AllDirectories).ToList()
        : [];

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

}

/// <summary>Runs the built CLI (aiindex.dll of the same configuration as the tests) as a child process.</summary>
public static class Cli
{
    public sealed record Run(int ExitCode, string Stdout, string Stderr);

    public static string Dll { get; } = FindDll();

    private static string FindDll()
    {
        // tests/AiIndexReports.Tests/bin/<Configuration>/net10.0/ → src/AiIndexReports.Cli/bin/<Configuration>/net10.0/aiindex.dll
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        var dll = Path.Combine(TestRepo.Root, "src", "AiIndexReports.Cli", "bin", configuration, "net10.0", "aiindex.dll");
        if (!File.Exists(dll)) throw new InvalidOperationException($"{dll} not found: the test project builds the CLI first (project reference)");
        return dll;
    }

    public static ProcessStartInfo StartInfo(IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Dll);
        foreach (var a in args) info.ArgumentList.Add(a);
        // The test host's own settings (CI, SOURCE_DATE_EPOCH, TZ) must not leak into a child unless a test sets them.
        info.Environment.Remove("CI");
        info.Environment.Remove("SOURCE_DATE_EPOCH");
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) info.Environment[key] = value;
        return info;
    }

    public static Run Execute(IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        using var process = Process.Start(StartInfo(environment, args))!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("aiindex " + string.Join(' ', args) + " did not finish in 2 minutes");
        }
        return new Run(process.ExitCode, stdout.Result, stderr.Result);
    }
}
