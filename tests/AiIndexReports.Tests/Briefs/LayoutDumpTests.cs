using AiIndexReports.Pipeline;
using AiIndexReports.Tests.Pipeline;

namespace AiIndexReports.Tests.Briefs;

/// <summary>`build --dump-layout`: the composed element tree as text, and the look coming from theme.toml.</summary>
public class LayoutDumpTests
{
    private static string DumpSummary(RepoCopy repo)
    {
        var results = repo.Build(new BuildSettings { DumpLayout = true, Force = true }, new BuildRequest { Edition = 2025, Briefs = ["ai-index-summary"] });
        Assert.All(results, r => Assert.Equal(BriefBuildStatus.Built, r.Status));
        return File.ReadAllText(repo.PathOf("output/2025/ai-index-summary.layout.txt"));
    }

    [Fact]
    public void The_dump_shows_the_cover_in_the_themes_named_styles_and_labels_and_follows_an_edit_of_the_theme()
    {
        using var repo = RepoCopy.OfRepository();
        var lines = DumpSummary(repo).Split('\n');

        Assert.Equal("page 595.28x841.89 margins 62 62 56 62", lines[0]);
        Assert.Contains("footer page-number \"- {page} -\"", lines);
        Assert.Contains("  paragraph [9pt x1.3 normal left] \"<semibold>AI 정책 브리프 제2025-04-S호</>\"", lines);
        Assert.Contains("paragraph [24pt x1.3 bold left] \"AI 인덱스 2025 한눈에 보기\"", lines);
        Assert.Contains("    paragraph [12.5pt x1.65 normal left] \"<bold>요약</>\"", lines);
        Assert.DoesNotContain(lines, l => l.Contains("목차", StringComparison.Ordinal));   // the summary has no contents

        var theme = repo.PathOf("templates/theme.toml");
        File.WriteAllText(theme, File.ReadAllText(theme)
            .Replace("\nsize = 24\n", "\nsize = 30\n")   // [styles.cover_title], the only 24 pt style
            .Replace("summary = \"요약\"", "summary = \"한눈에\""));
        var edited = DumpSummary(repo).Split('\n');
        Assert.Contains("paragraph [30pt x1.3 bold left] \"AI 인덱스 2025 한눈에 보기\"", edited);
        Assert.Contains("    paragraph [12.5pt x1.65 normal left] \"<bold>한눈에</>\"", edited);
    }
}
