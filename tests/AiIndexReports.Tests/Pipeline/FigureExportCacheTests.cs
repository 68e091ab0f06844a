using AiIndexReports.Config;
using AiIndexReports.Pipeline;

namespace AiIndexReports.Tests.Pipeline;

/// <summary>
/// An edition's exports (figures as PNG and SVG, metrics.json) are made again only when their inputs changed or a file
/// in output/ did: a forced rebuild of the briefs does not redraw them, a deleted or edited figure is drawn again, a
/// theme edit redraws them all.
/// </summary>
[Collection(BuiltRepositoryCollection.Name)]
public class FigureExportCacheTests(BuiltRepository built)
{
    private static readonly BuildRequest Summary2025 = new() { Edition = 2025, Briefs = ["ai-index-summary"] };

    private static Dictionary<string, DateTime> FigureTimes(RepoCopy repo) =>
        Directory.GetFiles(repo.PathOf("output/2025/figures")).ToDictionary(f => Path.GetFileName(f), File.GetLastWriteTimeUtc);

    private static IReadOnlyList<string> Stages(IReadOnlyList<BriefBuildResult> results) =>
        results.SelectMany(r => r.Timings ?? []).Select(t => t.Stage).ToList();

    [Fact]
    public void A_forced_rebuild_keeps_the_figures_and_still_records_them_for_the_brief()
    {
        using var copy = built.Repo.Clone();
        var before = FigureTimes(copy);
        Assert.Equal(16, before.Count);   // 8 figures, PNG and SVG

        var forced = copy.Build(new BuildSettings { Force = true, SourceDateEpoch = null }, Summary2025);

        Assert.Equal(BriefBuildStatus.Built, Assert.Single(forced).Status);
        Assert.Contains("charts (cached)", Stages(forced));
        Assert.DoesNotContain("charts", Stages(forced));
        Assert.Equal(before, FigureTimes(copy));                               // not written again
        Assert.DoesNotContain(forced[0].Outputs!, o => o.Path.Contains("/figures/", StringComparison.Ordinal) || o.Path.EndsWith("metrics.json", StringComparison.Ordinal));
        foreach (var (path, bytes) in built.Outputs) Assert.True(bytes.AsSpan().SequenceEqual(copy.Outputs()[path]), path);

        // The brief's cache entry still covers the figures: without --force it is up to date, and a figure that goes
        // missing makes it build again (and the figure is drawn again, byte for byte the same).
        Assert.Equal(BriefBuildStatus.Skipped, Assert.Single(copy.Build(options: Summary2025)).Status);
        File.Delete(copy.PathOf("output/2025/figures/models_trend.png"));
        var redrawn = copy.Build(options: Summary2025);
        Assert.Equal(BriefBuildStatus.Built, Assert.Single(redrawn).Status);
        Assert.Contains("charts", Stages(redrawn));
        Assert.Equal(built.Outputs["2025/figures/models_trend.png"], File.ReadAllBytes(copy.PathOf("output/2025/figures/models_trend.png")));
    }

    [Fact]
    public void An_edited_figure_file_is_drawn_again()
    {
        using var copy = built.Repo.Clone();
        File.WriteAllText(copy.PathOf("output/2025/figures/patent_share.svg"), "<svg/>");

        var results = copy.Build(new BuildSettings { Force = true, SourceDateEpoch = null }, Summary2025);

        Assert.Contains("charts", Stages(results));
        Assert.Equal(built.Outputs["2025/figures/patent_share.svg"], File.ReadAllBytes(copy.PathOf("output/2025/figures/patent_share.svg")));
    }

    [Fact]
    public void A_theme_edit_redraws_the_figures()
    {
        using var copy = built.Repo.Clone();
        var theme = copy.PathOf("templates/theme.toml");
        var text = File.ReadAllText(theme);
        var korea = System.Text.RegularExpressions.Regex.Match(text, "korea = \"(#[0-9A-Fa-f]{6})\"");
        Assert.True(korea.Success, "theme.toml has a [chart] korea colour");
        File.WriteAllText(theme, text.Replace(korea.Value, "korea = \"#123456\"", StringComparison.Ordinal));

        var results = copy.Build(new BuildSettings { Force = true, SourceDateEpoch = null }, Summary2025);

        Assert.Equal(BriefBuildStatus.Built, Assert.Single(results).Status);
        Assert.Contains("charts", Stages(results));
        var svg = File.ReadAllText(copy.PathOf("output/2025/figures/models_by_country.svg"));
        Assert.Contains("#123456", svg, StringComparison.OrdinalIgnoreCase);
        Assert.NotEqual(built.Outputs["2025/figures/models_by_country.svg"], File.ReadAllBytes(copy.PathOf("output/2025/figures/models_by_country.svg")));
    }
}
