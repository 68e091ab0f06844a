using AiIndexReports.Briefs;
using AiIndexReports.Charts;
using AiIndexReports.Data;
using AiIndexReports.Metrics;
using AiIndexReports.Text;

namespace AiIndexReports.Tests.Briefs;

public class VariablesFileTests
{
    /// <summary>templates/VARIABLES.md as editors see it: every helper and brief function, and every metric of edition 2025.</summary>
    private static string Generate()
    {
        var metrics = new MetricsCalculator().Compute(new DatasetLoader().Load(TestRepo.Root, 2025));
        var functions = KoreanTemplateFunctions.All.Concat(BriefWriter.Functions(metrics, FigureBuilder.Build(metrics), new TemplateModel(metrics)));
        return VariablesDoc.Generate(metrics, functions);
    }

    [Fact]
    public void Committed_VARIABLES_md_is_what_the_code_generates()
    {
        var path = Path.Combine(TestRepo.Root, "templates", "VARIABLES.md");
        var generated = Generate();
        if (Environment.GetEnvironmentVariable("AIIR_UPDATE_DOCS") == "1") File.WriteAllText(path, generated);

        Assert.True(File.Exists(path), "templates/VARIABLES.md is missing; run AIIR_UPDATE_DOCS=1 dotnet test --filter VariablesFileTests");
        Assert.Equal(generated, File.ReadAllText(path).ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Brief_functions_are_documented_with_their_real_output()
    {
        var doc = Generate();
        Assert.Contains("| `country` | `iso3 \\| country` |", doc);
        Assert.Contains("| 한국, 유럽 |", doc);
        Assert.Contains("| 1, 17.3, 1,234.57 |", doc);
        Assert.Contains("| `metrics.models.by_country.KOR.count` | number |", doc);
    }
}
