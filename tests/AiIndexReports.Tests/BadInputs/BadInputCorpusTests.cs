using System.Text.RegularExpressions;

namespace AiIndexReports.Tests.BadInputs;

/// <summary>
/// Walks the bad-input corpus (BadInputs/cases): each case's files are laid over a shared view (hard links) of the
/// repository's data/ and templates/, next to an output/ holding earlier good results, and the aiindex command line runs on it. Every case must
/// fail cleanly: its exit code, its messages with their locations, no stack trace, and the earlier outputs byte for byte.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed partial class BadInputCorpusTests
{
    // Far above the slowest case (about 3 s alone on a loaded 2-core machine): only a hang reaches it.
    private static readonly TimeSpan TimeLimit = TimeSpan.FromSeconds(60);

    private static readonly string[] PreviousOutputs =
        ["2025/ai-index-brief.pdf", "2025/ai-index-summary.pdf", "2024/ai-index-brief.pdf", "2025/metrics.json"];

    public static TheoryData<string> Cases() => new(BadInputCase.All().Select(c => c.Name));

    [Fact]
    public void The_corpus_has_at_least_40_cases_over_every_input_kind()
    {
        var names = BadInputCase.All().Select(c => c.Name).ToList();
        Assert.True(names.Count >= 40, $"{names.Count} cases");
        foreach (var prefix in new[] { "csv-", "edition-", "manifest-", "theme-", "tpl-" })
            Assert.True(names.Count(n => n.StartsWith(prefix, StringComparison.Ordinal)) >= 5, prefix);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Bad_input_fails_cleanly(string name)
    {
        var bad = BadInputCase.Read(Path.Combine(BadInputCase.CorpusRoot, name));
        using var repo = TestRepo.Temp();
        var outside = BadInputCase.OutsideFolder(repo.Path);
        try
        {
            Check(bad, repo);
        }
        finally
        {
            if (Directory.Exists(outside)) Directory.Delete(outside, recursive: true);
        }
    }

    private static void Check(BadInputCase bad, TestRepo.TempDir repo)
    {
        var previous = Prepare(bad, repo.Path);

        var run = CliRunner.Invoke([bad.Args[0], "--root", repo.Path, .. bad.Args.Skip(1)], TimeLimit, bad.Environment, bad.StdoutFull);

        Assert.False(run.TimedOut, $"still running after {TimeLimit.TotalSeconds} s");
        Assert.Null(run.Unhandled);
        Assert.Equal(bad.Exit, run.ExitCode);
        foreach (var expected in bad.Expect)
            Assert.True(run.Output.Contains(expected, StringComparison.Ordinal), $"expected \"{expected}\" in the output:\n{run.Output}");
        foreach (var unexpected in bad.Absent)
            Assert.False(run.Output.Contains(unexpected, StringComparison.Ordinal), $"did not expect \"{unexpected}\" in the output:\n{run.Output}");
        Assert.DoesNotMatch(StackTraceLine(), run.Output);
        Assert.DoesNotMatch(ExceptionName(), run.Output);
        Assert.DoesNotContain(repo.Path, run.Output);   // paths are shown repo-relative
        Assert.DoesNotContain(BadInputCase.OutsideSecret, run.Output);   // nothing of a refused file is quoted
        Assert.True(run.Output.Length < 32 * 1024, $"{run.Output.Length} characters of output: a message echoes too much input");

        var output = Path.Combine(repo.Path, "output");
        foreach (var (path, bytes) in previous)
            Assert.Equal(bytes, File.ReadAllBytes(Path.Combine(output, path)));
        // The run record of `build` and its cache of input hashes may be (re)written; nothing else, and no temp file left behind.
        var files = Directory.GetFiles(output, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(output, f).Replace('\\', '/'))
            .Where(f => f != "build-manifest.json" && !f.StartsWith(".cache/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);
        var caseOutputs = bad.Files.Where(f => f.StartsWith("output/", StringComparison.Ordinal)).Select(f => f["output/".Length..]);
        Assert.Equal(PreviousOutputs.Concat(caseOutputs).Order(StringComparer.Ordinal), files);
    }

    /// <summary>The same check through a real `aiindex` process: exit code, standard error, nothing on standard output.</summary>
    [Fact]
    public async Task A_case_run_as_a_separate_process_fails_the_same_way()
    {
        var bad = BadInputCase.Read(Path.Combine(BadInputCase.CorpusRoot, "csv-na-number"));
        using var repo = TestRepo.Temp();
        var previous = Prepare(bad, repo.Path);
        var start = new System.Diagnostics.ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["CI"] = "true" },
        };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "aiindex.dll"), "check", "--root", repo.Path, "--edition", "2025" })
            start.ArgumentList.Add(arg);

        using var process = System.Diagnostics.Process.Start(start)!;
        using var timeLimit = new CancellationTokenSource(TimeLimit);
        var stdout = process.StandardOutput.ReadToEndAsync(timeLimit.Token);
        var stderr = await process.StandardError.ReadToEndAsync(timeLimit.Token);
        await process.WaitForExitAsync(timeLimit.Token);

        Assert.Equal(1, process.ExitCode);
        Assert.Equal("", await stdout);
        Assert.Contains("data/shared/aiindex/indicators.csv:6:6: error: value: expected a number, found \"n/a\"\n", stderr);
        Assert.DoesNotMatch(StackTraceLine(), stderr);
        foreach (var (path, bytes) in previous)
            Assert.Equal(bytes, File.ReadAllBytes(Path.Combine(repo.Path, "output", path)));
    }

    /// <summary>A repository copy with earlier outputs in output/ and the case's files laid over it; returns those outputs.</summary>
    private static Dictionary<string, byte[]> Prepare(BadInputCase bad, string repo)
    {
        TestRepo.ShareData(Path.Combine(repo, "data"));
        TestRepo.ShareTree(Path.Combine(TestRepo.Root, "templates"), Path.Combine(repo, "templates"));
        var previous = PreviousOutputs.ToDictionary(p => p, p => Sentinel(repo, p));
        bad.Apply(repo);
        return previous;
    }

    private static byte[] Sentinel(string repo, string relative)
    {
        var path = Path.Combine(repo, "output", relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var bytes = System.Text.Encoding.ASCII.GetBytes($"%PDF-1.7\n% earlier good output: {relative}\n%%EOF\n");
        File.WriteAllBytes(path, bytes);
        return bytes;
    }

    [GeneratedRegex(@"^\s+at \S+\(", RegexOptions.Multiline)]
    private static partial Regex StackTraceLine();

    [GeneratedRegex(@"\b(System|Scriban|Tomlyn|CsvHelper|SkiaSharp)\.[\w.]*Exception\b")]
    private static partial Regex ExceptionName();
}
