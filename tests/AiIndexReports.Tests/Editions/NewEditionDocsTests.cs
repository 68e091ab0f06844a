using AiIndexReports.Editions;

namespace AiIndexReports.Tests.Editions;

/// <summary>data/README.md shows `aiindex coverage` of the 2024 and 2025 editions: it must be what the command prints.</summary>
public sealed class NewEditionDocsTests
{
    private const string Start = "<!-- coverage:";
    private const string End = "<!-- /coverage -->";

    [Fact]
    public void The_coverage_example_in_data_README_is_what_the_command_prints()
    {
        var path = Path.Combine(TestRepo.Root, "data", "README.md");
        var readme = File.ReadAllText(path).ReplaceLineEndings("\n");
        var lines = new[] { 2024, 2025 }.SelectMany(e => CoverageReport.Lines(e, CoverageReport.Of(TestRepo.Root, e)));
        var block = "```\n" + string.Join("\n", lines) + "\n```\n";

        var from = readme.IndexOf('\n', readme.IndexOf(Start, StringComparison.Ordinal)) + 1;
        var to = readme.IndexOf(End, StringComparison.Ordinal);
        Assert.True(from > 0 && to > from, "data/README.md needs the coverage markers");
        var expected = readme[..from] + block + readme[to..];
        if (Environment.GetEnvironmentVariable("AIIR_UPDATE_DOCS") == "1") File.WriteAllText(path, expected);
        Assert.Equal(expected, File.ReadAllText(path).ReplaceLineEndings("\n"));
    }

    [Fact]
    public void The_coverage_excerpt_in_the_README_is_what_the_command_prints()
    {
        var readme = File.ReadAllText(Path.Combine(TestRepo.Root, "README.md")).ReplaceLineEndings("\n");
        var from = readme.IndexOf("<!-- coverage excerpt", StringComparison.Ordinal);
        var to = readme.IndexOf("<!-- /coverage excerpt -->", StringComparison.Ordinal);
        Assert.True(from > 0 && to > from, "README.md needs the coverage excerpt markers");
        var excerpt = readme[from..to].Split('\n').Skip(1).Where(l => l.Length > 0 && !l.StartsWith("```", StringComparison.Ordinal)).ToList();
        var printed = new[] { 2024, 2025 }.SelectMany(e => CoverageReport.Lines(e, CoverageReport.Of(TestRepo.Root, e))).ToHashSet(StringComparer.Ordinal);

        Assert.True(excerpt.Count >= 4, "the excerpt shows the editions' summary lines");
        Assert.All(excerpt, line => Assert.True(printed.Contains(line), $"`aiindex coverage` does not print: {line}"));
    }
}
