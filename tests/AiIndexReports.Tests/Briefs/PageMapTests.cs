using System.Text.Json;
using AiIndexReports.Pipeline;
using AiIndexReports.Tests.Pipeline;

namespace AiIndexReports.Tests.Briefs;

/// <summary>
/// The live preview's page maps (page-NN.json beside page-NN.png): every paragraph, heading and chart of a page with its
/// box and the template line behind it, and the metrics it prints with their values and data rows.
/// </summary>
public class PageMapTests
{
    private const string Section =
        "{{~ m = metrics ~}}\n" +                                                          // 1
        "# 지도 시험\n" +                                                                    // 2
        "\n" +                                                                             // 3
        "- 미국의 모델은 {{ m.models.by_country.USA.count.value | num }}개\n" +               // 4
        "\n" +                                                                             // 5
        "{{ figure \"models_by_country\" }}\n" +                                           // 6
        "\n" +                                                                             // 7
        "끝 문단\n";                                                                         // 8

    private static (RepoCopy Repo, BriefBuildResult Result) Build()
    {
        var repo = RepoCopy.OfRepository();
        File.WriteAllText(repo.PathOf("templates/briefs.toml"),
            "[defaults]\npublisher = \"발행처\"\nauthors = [\"시험\"]\nseries = \"시리즈\"\n\n" +
            "[[brief]]\nid = \"map-test\"\ntemplate = \"maptest\"\nvariant = \"summary\"\noutput = \"{edition}/{id}.pdf\"\ntitle = \"지도 {edition}\"\n");
        Directory.CreateDirectory(repo.PathOf("templates/maptest"));
        File.WriteAllText(repo.PathOf("templates/maptest/01.md.sbn"), Section);
        var results = repo.Build(new BuildSettings { Previews = true, PreviewMaps = true }, new BuildRequest { Edition = 2025 });
        return (repo, Assert.Single(results));
    }

    [Fact]
    public void Each_page_image_has_a_map_of_its_blocks_to_template_lines_and_metrics()
    {
        var (repo, result) = Build();
        using var _ = repo;
        Assert.Equal(BriefBuildStatus.Built, result.Status);
        var folder = repo.PathOf("output/2025/map-test/preview");
        Assert.Equal(result.Pages, Directory.GetFiles(folder, "page-*.png").Length);
        Assert.Equal(result.Pages, Directory.GetFiles(folder, "page-*.json").Length);
        // The maps are outputs of the build like the images: listed with their hashes.
        Assert.Contains(result.Outputs!, o => o.Path == "output/2025/map-test/preview/page-01.json");

        using var map = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder, "page-01.json")));
        var root = map.RootElement;
        Assert.Equal(1, root.GetProperty("page").GetInt32());
        Assert.Equal(595.3, root.GetProperty("width").GetDouble());   // A4 in points
        var blocks = root.GetProperty("blocks").EnumerateArray().ToList();
        JsonElement Block(string source, string kind) => blocks.Single(b => b.GetProperty("source").GetString() == source && b.GetProperty("kind").GetString() == kind);

        var heading = Block("templates/maptest/01.md.sbn:2:1", "heading");
        Assert.Equal("1. 지도 시험", heading.GetProperty("text").GetString());
        var item = Block("templates/maptest/01.md.sbn:4:3", "list item");
        Assert.Equal(["models.by_country.USA.count"], item.GetProperty("metrics").EnumerateArray().Select(m => m.GetString()));
        var figure = Block("templates/maptest/01.md.sbn:6:4", "figure");
        // The chart's caption and source line come from the same template line.
        Assert.Equal("[그림 1] 국가별 주목할 만한 AI 모델 수(2024년)", Block("templates/maptest/01.md.sbn:6:4", "caption").GetProperty("text").GetString());
        Assert.Equal("models_by_country", figure.GetProperty("figure").GetString());
        Assert.Contains("models.aiindex.KOR.count", figure.GetProperty("metrics").EnumerateArray().Select(m => m.GetString()));
        var last = Block("templates/maptest/01.md.sbn:8:1", "paragraph");
        Assert.Equal("끝 문단", last.GetProperty("text").GetString());

        // Boxes: in reading order down the page, inside it, the chart as wide as the text column.
        double Y(JsonElement b) => b.GetProperty("y").GetDouble();
        Assert.True(Y(heading) < Y(item) && Y(item) < Y(figure) && Y(figure) < Y(last));
        foreach (var b in blocks)
        {
            Assert.InRange(b.GetProperty("x").GetDouble(), 0, 595.3);
            Assert.InRange(b.GetProperty("x").GetDouble() + b.GetProperty("w").GetDouble(), 0, 595.3);
            Assert.InRange(Y(b) + b.GetProperty("h").GetDouble(), 0, 841.9);
        }
        Assert.True(figure.GetProperty("w").GetDouble() > 400);
        // A line of 11-pt text is one band about a line high.
        Assert.InRange(last.GetProperty("h").GetDouble(), 8, 20);

        // What the preview shows for a number: label, value, unit, formula, data rows.
        var usa = root.GetProperty("metrics").GetProperty("models.by_country.USA.count");
        Assert.Equal("number", usa.GetProperty("kind").GetString());
        Assert.Equal("39", usa.GetProperty("value").GetString());
        Assert.Equal("개", usa.GetProperty("unit").GetString());
        Assert.False(string.IsNullOrEmpty(usa.GetProperty("formula").GetString()));
        Assert.All(usa.GetProperty("sources").EnumerateArray(), s => Assert.StartsWith("data/shared/epoch/notable_ai_models_", s.GetString(), StringComparison.Ordinal));
    }
}
