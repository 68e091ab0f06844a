using AiIndexReports.Config;
using AiIndexReports.Pipeline;
using UglyToad.PdfPig;

namespace AiIndexReports.Tests.Pipeline;

/// <summary>Reproducible, incremental and atomic builds of the real briefs, in temp copies of the repository.</summary>
[Collection(BuiltRepositoryCollection.Name)]
public class BuildWorkflowTests(BuiltRepository built)
{
    private static readonly string[] AllJobs =
        ["2024/ai-index-brief", "2024/ai-index-summary", "2025/ai-index-brief", "2025/ai-index-summary"];

    private static Dictionary<string, BriefBuildStatus> Statuses(IEnumerable<BriefBuildResult> results) =>
        results.ToDictionary(r => r.Job.Name, r => r.Status);

    [Fact]
    public void First_build_writes_every_brief_with_its_figures_and_metrics()
    {
        Assert.Equal(AllJobs, built.FirstBuild.Select(r => r.Job.Name));
        Assert.All(built.FirstBuild, r => Assert.Equal(BriefBuildStatus.Built, r.Status));
        foreach (var file in new[] { "2024/ai-index-brief.pdf", "2024/ai-index-summary.pdf", "2024/metrics.json",
                     "2025/ai-index-brief.pdf", "2025/ai-index-summary.pdf", "2025/metrics.json" })
            Assert.Contains(file, built.Outputs.Keys);
        Assert.Contains(built.Outputs.Keys, k => k.StartsWith("2025/figures/", StringComparison.Ordinal) && k.EndsWith(".png", StringComparison.Ordinal));
        Assert.Contains(built.Outputs.Keys, k => k.StartsWith("2025/figures/", StringComparison.Ordinal) && k.EndsWith(".svg", StringComparison.Ordinal));
    }

    [Fact]
    public void Building_again_gives_identical_bytes()
    {
        using var copy = built.Repo.Clone();
        var results = copy.Build(new BuildSettings { Force = true, SourceDateEpoch = null });

        Assert.All(results, r => Assert.Equal(BriefBuildStatus.Built, r.Status));
        var again = copy.Outputs();
        Assert.Equal(built.Outputs.Keys, again.Keys);
        foreach (var (path, bytes) in built.Outputs) Assert.True(bytes.AsSpan().SequenceEqual(again[path]), $"{path} differs between two builds");
    }

    [Fact]
    public void A_second_build_without_changes_skips_every_brief()
    {
        var results = built.Repo.Build();
        Assert.Equal(AllJobs.ToDictionary(j => j, _ => BriefBuildStatus.Skipped), Statuses(results));
    }

    [Fact]
    public void Touching_the_summary_template_rebuilds_only_the_summaries()
    {
        using var copy = built.Repo.Clone();
        copy.Append("templates/summary/02-시사점.md.sbn", "\n※ 편집자 수정\n");

        var results = copy.Build();

        Assert.Equal(new Dictionary<string, BriefBuildStatus>
        {
            ["2024/ai-index-brief"] = BriefBuildStatus.Skipped,
            ["2024/ai-index-summary"] = BriefBuildStatus.Built,
            ["2025/ai-index-brief"] = BriefBuildStatus.Skipped,
            ["2025/ai-index-summary"] = BriefBuildStatus.Built,
        }, Statuses(results));
        var after = copy.Outputs();
        Assert.Equal(built.Outputs["2025/ai-index-brief.pdf"], after["2025/ai-index-brief.pdf"]);
        Assert.NotEqual(built.Outputs["2025/ai-index-summary.pdf"], after["2025/ai-index-summary.pdf"]);
    }

    [Fact]
    public void Touching_the_full_brief_template_rebuilds_only_the_full_briefs()
    {
        using var copy = built.Repo.Clone();
        copy.Append("templates/brief/07-시사점.md.sbn", "\n");

        var results = copy.Build();

        Assert.Equal(new Dictionary<string, BriefBuildStatus>
        {
            ["2024/ai-index-brief"] = BriefBuildStatus.Built,
            ["2024/ai-index-summary"] = BriefBuildStatus.Skipped,
            ["2025/ai-index-brief"] = BriefBuildStatus.Built,
            ["2025/ai-index-summary"] = BriefBuildStatus.Skipped,
        }, Statuses(results));
    }

    [Fact]
    public void Cancelling_a_batch_leaves_finished_briefs_whole_the_rest_untouched_and_no_temp_files()
    {
        using var copy = built.Repo.Clone();
        // Edited templates: a brief that builds gets different bytes, so a half-done batch would show.
        copy.Append("templates/brief/07-시사점.md.sbn", "\n□ 취소 시험 문단\n");
        copy.Append("templates/summary/02-시사점.md.sbn", "\n□ 취소 시험 문단\n");
        using var cancel = new CancellationTokenSource();

        Assert.ThrowsAny<OperationCanceledException>(() =>
            copy.Build(onDone: _ => cancel.Cancel(), jobs: 1, cancellation: cancel.Token));

        var after = copy.Outputs();
        var pdfs = after.Keys.Where(k => k.EndsWith(".pdf", StringComparison.Ordinal)).ToList();
        Assert.Equal(4, pdfs.Count);
        // One job finished before the cancel; it is complete. Every other PDF is byte-identical to the previous build.
        var changed = pdfs.Where(p => !after[p].AsSpan().SequenceEqual(built.Outputs[p])).ToList();
        Assert.Single(changed);
        Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString(after[changed[0]], 0, 5));
        using (var pdf = PdfDocument.Open(after[changed[0]])) Assert.True(pdf.NumberOfPages >= 2);
        Assert.Empty(copy.TempFiles());
    }

    [Fact]
    public void Shards_one_two_and_three_of_three_cover_the_job_list_exactly_once()
    {
        using var builder = new BriefBuilder(built.Repo.Root);
        var manifest = BriefManifest.Load(built.Repo.Root);
        var shards = Enumerable.Range(1, 3)
            .Select(k => builder.Plan(manifest, new BuildRequest { AllEditions = true, Shard = new Shard(k, 3) }).Select(j => j.Name).ToList())
            .ToList();

        Assert.Equal(["2024/ai-index-brief", "2025/ai-index-summary"], shards[0]);
        Assert.Equal(["2024/ai-index-summary"], shards[1]);
        Assert.Equal(["2025/ai-index-brief"], shards[2]);
        Assert.Equal(AllJobs, shards.SelectMany(s => s).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Source_date_epoch_sets_the_pdf_dates_and_builds_stay_reproducible()
    {
        using var copy = built.Repo.Clone();
        var summary2025 = new BuildRequest { Edition = 2025, Briefs = ["ai-index-summary"] };
        var epoch = new BuildSettings { SourceDateEpoch = 1_700_000_000, Force = true };   // 2023-11-14 22:13:20 UTC

        copy.Build(epoch, summary2025);
        var first = File.ReadAllBytes(copy.PathOf("output/2025/ai-index-summary.pdf"));
        copy.Build(epoch, summary2025);
        var second = File.ReadAllBytes(copy.PathOf("output/2025/ai-index-summary.pdf"));

        Assert.Equal(first, second);
        using (var pdf = PdfDocument.Open(first))
        {
            Assert.Equal("D:20231114221320+00'00'", pdf.Information.CreationDate);
            Assert.Equal("D:20231114221320+00'00'", pdf.Information.ModifiedDate);
        }
        // Without SOURCE_DATE_EPOCH the manifest's publication date (2025-04-16) is the date.
        using (var pdf = PdfDocument.Open(built.Outputs["2025/ai-index-summary.pdf"]))
            Assert.Equal("D:20250416000000+00'00'", pdf.Information.CreationDate);
    }
}
