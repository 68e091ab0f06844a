using AiIndexReports.Pipeline;

namespace AiIndexReports.Tests.Pipeline;

public class OutputWriterTests
{
    [Fact]
    public void Cancelled_commit_keeps_previous_files_and_leaves_no_temp_files()
    {
        using var dir = TestRepo.Temp();
        var target = dir.Write("out/2025/brief.pdf", "old");
        var writer = new OutputWriter(Path.Combine(dir.Path, "out"));
        writer.Add("2025/brief.pdf", "new"u8.ToArray());
        writer.Add("2025/metrics.json", "{}"u8.ToArray());

        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.Throws<OperationCanceledException>(() => writer.Commit(cancelled.Token));

        Assert.Equal("old", File.ReadAllText(target));
        Assert.Equal(["brief.pdf"], Directory.GetFiles(Path.GetDirectoryName(target)!).Select(Path.GetFileName));
    }

    [Fact]
    public void Commit_replaces_files_and_paths_cannot_escape()
    {
        using var dir = TestRepo.Temp();
        var writer = new OutputWriter(Path.Combine(dir.Path, "out"));
        writer.Add("2025/brief.pdf", "new"u8.ToArray());
        writer.Commit();
        Assert.Equal("new", File.ReadAllText(Path.Combine(dir.Path, "out/2025/brief.pdf")));

        var e = Assert.Throws<BuildFailedException>(() => writer.Add("../escape.pdf", []));
        Assert.Equal("error: output path '../escape.pdf' escapes output/", e.Diagnostics.Single().ToString());
    }
}
