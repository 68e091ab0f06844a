using System.Text.Json;

namespace AiIndexReports.Tests.Pipeline;

/// <summary>AIINDEX_TRACE=FILE: where a run's time goes, as Chrome trace events.</summary>
[Collection(BuiltRepositoryCollection.Name)]
public class TraceTests(BuiltRepository built)
{
    [Fact]
    public void A_build_with_AIINDEX_TRACE_writes_its_stages_and_typesetting_phases_as_trace_events()
    {
        using var copy = built.Repo.Clone();
        using var json = TracedBuild(copy, "ai-index-summary");
        var events = json.RootElement.GetProperty("traceEvents").EnumerateArray().ToList();
        var names = events.Select(e => e.GetProperty("name").GetString()!).ToList();
        foreach (var span in new[] { "main", "briefs.toml", "2025: load", "2025: metrics", "2025/ai-index-summary: write",
                     "2025/ai-index-summary: typeset: layout", "2025/ai-index-summary: typeset: pdf (finish)", "2025/ai-index-summary: outputs" })
            Assert.Contains(span, names);
        Assert.All(events, e =>
        {
            Assert.Equal("X", e.GetProperty("ph").GetString());
            Assert.True(e.GetProperty("dur").GetDouble() >= 0);
        });
        // Spans lie inside the run: the build's own spans start after "main" starts and end before it ends.
        var main = events.Single(e => e.GetProperty("name").GetString() == "main");
        var (start, end) = (main.GetProperty("ts").GetDouble(), main.GetProperty("ts").GetDouble() + main.GetProperty("dur").GetDouble());
        var write = events.Single(e => e.GetProperty("name").GetString() == "2025/ai-index-summary: write");
        Assert.InRange(write.GetProperty("ts").GetDouble(), start, end);
        Assert.True(write.GetProperty("args").GetProperty("allocated_kb").GetInt64() > 0);
        Assert.True(json.RootElement.GetProperty("otherData").GetProperty("allocated_bytes").GetInt64() > 1_000_000);
    }

    [Fact]
    public void A_one_brief_build_never_collects_and_gets_huge_pages_where_linux_offers_them()
    {
        using var copy = built.Repo.Clone();
        using var json = TracedBuild(copy, "ai-index-brief");
        var other = json.RootElement.GetProperty("otherData");
        // One collection, counted but not made: the one that opens the no-GC region (it only sets the budget); none after it.
        Assert.Equal(1, other.GetProperty("gc_count").GetInt32());
        Assert.Equal("NoGCRegion", other.GetProperty("gc_latency_mode").GetString());
        Assert.InRange(other.GetProperty("allocated_bytes").GetInt64(), 10_000_000, 64L << 20);
        var thp = "/sys/kernel/mm/transparent_hugepage/enabled";
        if (OperatingSystem.IsLinux() && File.Exists(thp) && !File.ReadAllText(thp).Contains("[never]"))
            Assert.True(other.GetProperty("anon_huge_pages_kb").GetInt64() >= 2048, other.ToString());
    }

    /// <summary>`build --brief BRIEF --edition 2025 --force` with AIINDEX_TRACE set, in its own process; its trace file.</summary>
    static JsonDocument TracedBuild(RepoCopy copy, string brief)
    {
        var trace = copy.PathOf("trace.json");
        var run = Cli.Execute(new Dictionary<string, string> { ["AIINDEX_TRACE"] = trace, ["CI"] = "true" },
            "build", "--brief", brief, "--edition", "2025", "--force", "--root", copy.Root);
        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
        return JsonDocument.Parse(File.ReadAllBytes(trace));
    }

    [Fact]
    public async Task Watch_keeps_the_usual_gc_a_short_run_heap_would_hold_memory_for_hours()
    {
        using var copy = built.Repo.Clone();
        var trace = copy.PathOf("trace.json");
        var info = Cli.StartInfo(new Dictionary<string, string> { ["AIINDEX_TRACE"] = trace },
            "watch", "--edition", "2025", "--brief", "ai-index-summary", "--root", copy.Root);
        info.RedirectStandardInput = true;
        using var process = System.Diagnostics.Process.Start(info)!;
        var firstBuild = new TaskCompletionSource();
        process.OutputDataReceived += (_, e) => { if (e.Data?.StartsWith("watch: previews updated", StringComparison.Ordinal) == true) firstBuild.TrySetResult(); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await firstBuild.Task.WaitAsync(TimeSpan.FromSeconds(60));
            // Ctrl+C: the watcher stops cleanly, and the trace is written as the process ends (the shell's own kill:
            // no procps needed).
            await System.Diagnostics.Process.Start("sh", ["-c", $"kill -INT {process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)}"])!.WaitForExitAsync();
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }

        using var json = JsonDocument.Parse(File.ReadAllBytes(trace));
        Assert.NotEqual("NoGCRegion", json.RootElement.GetProperty("otherData").GetProperty("gc_latency_mode").GetString());
    }
}
