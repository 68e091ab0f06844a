using AiIndexReports.Pipeline;

namespace AiIndexReports.Tests.Pipeline;

/// <summary>
/// "Up to date" is a promise about output/: every file the brief's last good build wrote is there with its bytes. A
/// damaged cache costs a rebuild and a warning, never a failed build; what an interrupted build left is cleaned up.
/// </summary>
[Collection(BuiltRepositoryCollection.Name)]
public class HonestCacheTests(BuiltRepository built)
{
    private static Dictionary<string, BriefBuildStatus> Statuses(IEnumerable<BriefBuildResult> results) =>
        results.ToDictionary(r => r.Job.Name, r => r.Status);

    [Fact]
    public void Deleted_or_edited_outputs_are_rebuilt_with_the_bytes_of_the_last_build()
    {
        using var copy = built.Repo.Clone();
        File.Delete(copy.PathOf("output/2024/metrics.json"));
        File.Delete(copy.PathOf("output/2025/figures/mmlu_gap.svg"));
        File.AppendAllText(copy.PathOf("output/2025/ai-index-summary.pdf"), "% edited");

        var results = copy.Build(jobs: 1);

        // Every brief's entry records its edition's figures and metrics.json: the first brief of each edition rebuilds
        // and rewrites them, which makes the 2024 summary whole again; the edited summary PDF rebuilds its brief.
        Assert.Equal(new Dictionary<string, BriefBuildStatus>
        {
            ["2024/ai-index-brief"] = BriefBuildStatus.Built,
            ["2024/ai-index-summary"] = BriefBuildStatus.Skipped,
            ["2025/ai-index-brief"] = BriefBuildStatus.Built,
            ["2025/ai-index-summary"] = BriefBuildStatus.Built,
        }, Statuses(results));
        var after = copy.Outputs();
        Assert.Equal(built.Outputs.Keys, after.Keys);
        foreach (var (path, bytes) in built.Outputs) Assert.True(bytes.AsSpan().SequenceEqual(after[path]), $"{path} differs");
        Assert.Empty(copy.RunWarnings);
    }

    [Fact]
    public void Damaged_cache_entries_are_warnings_their_briefs_rebuild_and_the_entries_are_rewritten()
    {
        using var copy = built.Repo.Clone();
        var cache = copy.PathOf("output/.cache");
        File.WriteAllBytes(Path.Combine(cache, "2025-ai-index-summary.json"), File.ReadAllBytes(Path.Combine(cache, "2025-ai-index-summary.json"))[..40]);
        File.WriteAllText(Path.Combine(cache, "2025-ai-index-brief.json"), "null");
        File.Delete(Path.Combine(cache, "2024-ai-index-brief.json"));
        Directory.CreateDirectory(Path.Combine(cache, "2024-ai-index-brief.json"));
        File.WriteAllText(Path.Combine(cache, "2024-ai-index-summary.json"), """{"fingerprint":12,"outputs":[]}""");

        var results = copy.Build();

        Assert.All(results, r => Assert.Equal(BriefBuildStatus.Built, r.Status));
        Assert.Equal(
        [
            "output/.cache/2024-ai-index-brief.json: warning: the build cache file is unusable (it is a folder, not a file): ignored and rewritten",
            "output/.cache/2024-ai-index-summary.json: warning: the build cache file is unusable (not a cache entry of this tool): ignored and rewritten",
            "output/.cache/2025-ai-index-brief.json: warning: the build cache file is unusable (it holds null, not a JSON object): ignored and rewritten",
            "output/.cache/2025-ai-index-summary.json: warning: the build cache file is unusable (it is not valid JSON: cut short or edited? (line 1)): ignored and rewritten",
        ], copy.RunWarnings);

        var again = copy.Build();
        Assert.All(again, r => Assert.Equal(BriefBuildStatus.Skipped, r.Status));
        Assert.Empty(copy.RunWarnings);
    }

    [Fact]
    public void Temp_files_of_a_dead_build_are_removed_others_stay()
    {
        using var copy = built.Repo.Clone();
        // Linux never gives a process an id above 4,194,304 (pid_max's limit); process 1 is always running.
        var dead = copy.PathOf("output/2025/ai-index-brief.pdf.tmp-4194305-0badf00d");
        var dead2 = copy.PathOf("output/2024/figures/models_trend.png.tmp-4194399-12345678");
        var running = copy.PathOf("output/2025/metrics.json.tmp-1-0badf00d");
        var someoneElses = copy.PathOf("output/2025/notes.tmp-draft");
        foreach (var f in new[] { dead, dead2, running, someoneElses }) File.WriteAllText(f, "half");

        var results = copy.Build();

        Assert.All(results, r => Assert.Equal(BriefBuildStatus.Skipped, r.Status));
        Assert.False(File.Exists(dead));
        Assert.False(File.Exists(dead2));
        Assert.True(File.Exists(running));
        Assert.True(File.Exists(someoneElses));
        Assert.Equal(["output: warning: removed 2 temp file(s) left by an interrupted build: output/2024/figures/models_trend.png.tmp-4194399-12345678, output/2025/ai-index-brief.pdf.tmp-4194305-0badf00d"],
            copy.RunWarnings);
    }

    [Fact]
    public async Task A_pipe_and_links_leading_out_of_data_and_templates_are_skipped_with_a_warning_not_opened()
    {
        using var copy = built.Repo.Clone();
        Assert.Equal(0, MakeFifo(copy.PathOf("templates/fonts/extra.ttf"), Convert.ToUInt32("644", 8)));
        File.CreateSymbolicLink(copy.PathOf("data/shared/zero.csv"), "/dev/zero");
        File.CreateSymbolicLink(copy.PathOf("templates/partials/up"), "../..");
        File.CreateSymbolicLink(copy.PathOf("data/shared/again"), "..");   // a loop inside data/: read once

        var results = await Task.Run(() => copy.Build()).WaitAsync(TimeSpan.FromSeconds(60));   // a hang on the pipe fails here

        Assert.All(results, r => Assert.Equal(BriefBuildStatus.Skipped, r.Status));
        Assert.Equal(
        [
            "data/shared/zero.csv: warning: not read, not part of any build: it is a link that leads outside data/",
            "templates/fonts/extra.ttf: warning: not read, not part of any build: it is a named pipe (FIFO), not a regular file",
            "templates/partials/up: warning: not read, not part of any build: it is a link that leads outside templates/",
        ], copy.RunWarnings);
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "mkfifo", SetLastError = true)]
    private static extern int MakeFifo(string path, uint mode);
}
