using AiIndexReports.Config;
using AiIndexReports.Pipeline;

namespace AiIndexReports.Tests.Concurrency;

/// <summary>
/// Building briefs in parallel must not change a byte of what they produce: ScottPlot's process-wide fonts, the shared
/// HarfBuzz shapers, font subsetting and the edition caches are all exercised by several briefs at once.
/// </summary>
public sealed class ParallelBuildTests
{
    // 4 briefs (both template folders) × 2 editions = 8 jobs; the summary is the cheap one, the full brief the big one.
    private const string Manifest = """
        [defaults]
        publisher = "AI정책연구센터"
        authors = ["AI정책연구센터 데이터분석팀"]
        series = "AI 정책 브리프"

        [[brief]]
        id = "full"
        template = "brief"
        variant = "full"
        output = "{edition}/{id}.pdf"
        title = "AI 인덱스 {edition} 주요 내용과 한국에의 시사점"
        subtitle = "병렬 빌드 시험"

        [[brief]]
        id = "summary-a"
        template = "summary"
        variant = "summary"
        output = "{edition}/{id}.pdf"
        title = "AI 인덱스 {edition} 한눈에 보기 가"
        subtitle = "요약본"

        [[brief]]
        id = "summary-b"
        template = "summary"
        variant = "summary"
        output = "{edition}/{id}.pdf"
        title = "AI 인덱스 {edition} 한눈에 보기 나"
        subtitle = "요약본"

        [[brief]]
        id = "summary-c"
        template = "summary"
        variant = "summary"
        output = "{edition}/sub/{id}.pdf"
        title = "AI 인덱스 {edition} 한눈에 보기 다"
        subtitle = "요약본"
        """;

    private static readonly BuildSettings Settings = new() { Force = true, SourceDateEpoch = 1_744_761_600 };

    /// <summary>Builds every brief × edition of the manifest in a fresh repository copy; returns output files by path.</summary>
    private static Dictionary<string, byte[]> BuildCopy(int parallelism)
    {
        using var repo = TestRepo.Temp();
        foreach (var folder in new[] { "data", "templates" })
            TestRepo.CopyTree(Path.Combine(TestRepo.Root, folder), Path.Combine(repo.Path, folder));
        File.WriteAllText(Path.Combine(repo.Path, BriefManifest.DefaultPath), Manifest);

        using var builder = new BriefBuilder(repo.Path, Settings);
        var manifest = BriefManifest.Load(repo.Path);
        var jobs = (from edition in new[] { 2024, 2025 } from brief in manifest.Briefs select new BuildJob(brief, edition)).ToList();
        Assert.Equal(8, jobs.Count);

        var results = builder.BuildAll(jobs, parallelism);

        Assert.All(results, r => Assert.True(r.Status == BriefBuildStatus.Built,
            $"{r.Job.Name}: {r.Status} {string.Join("; ", r.Diagnostics.Where(d => d.Severity == Severity.Error))}"));
        var output = Path.Combine(repo.Path, "output");
        return Directory.GetFiles(output, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(output, f).Replace('\\', '/'))
            .Where(f => !f.StartsWith(".cache/", StringComparison.Ordinal))
            .ToDictionary(f => f, f => File.ReadAllBytes(Path.Combine(output, f)));
    }

    [Fact]
    public void Eight_briefs_built_in_parallel_equal_the_same_briefs_built_one_by_one()
    {
        var oneByOne = BuildCopy(parallelism: 1);
        var parallel = BuildCopy(parallelism: 8);

        Assert.Equal(
            ["2024/full.pdf", "2024/metrics.json", "2024/sub/summary-c.pdf", "2024/summary-a.pdf", "2024/summary-b.pdf",
             "2025/full.pdf", "2025/metrics.json", "2025/sub/summary-c.pdf", "2025/summary-a.pdf", "2025/summary-b.pdf"],
            oneByOne.Keys.Where(k => !k.Contains("/figures/", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        Assert.Contains(oneByOne.Keys, k => k.StartsWith("2025/figures/", StringComparison.Ordinal) && k.EndsWith(".png", StringComparison.Ordinal));
        Assert.Equal(oneByOne.Keys.Order(StringComparer.Ordinal), parallel.Keys.Order(StringComparer.Ordinal));
        foreach (var (path, bytes) in oneByOne)
            Assert.True(bytes.AsSpan().SequenceEqual(parallel[path]), $"{path} differs between the parallel and the one-by-one build");
    }
}
