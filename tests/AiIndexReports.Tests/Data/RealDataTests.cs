using AiIndexReports.Data;

namespace AiIndexReports.Tests.Data;

/// <summary>Loads the real Epoch exports and AI Index figures shipped in data/.</summary>
public sealed class RealDataTests
{
    private static readonly Lazy<Dataset> Edition2025 = new(() => new DatasetLoader().Load(RepoPaths.Root, 2025));
    private static readonly Lazy<Dataset> Edition2024 = new(() => new DatasetLoader().Load(RepoPaths.Root, 2024));

    [Fact]
    public void Both_editions_are_present_and_the_default_is_the_newest()
    {
        var loader = new DatasetLoader();
        Assert.Equal([2024, 2025], loader.AvailableEditions(RepoPaths.Root));
        Assert.Equal(2025, loader.Load(RepoPaths.Root).Edition.Edition);
    }

    [Fact]
    public void Edition_files_declare_snapshot_and_indicator_edition()
    {
        var e2024 = Edition2024.Value.Edition;
        Assert.Equal(new EditionInfo(2024, 2023, "data/2024", "data/shared/epoch/notable_ai_models_2024-07-16.csv", new DateOnly(2024, 7, 16), "2024"), e2024);
        var e2025 = Edition2025.Value.Edition;
        Assert.Equal(new EditionInfo(2025, 2024, "data/2025", "data/shared/epoch/notable_ai_models_2025-02-24.csv", new DateOnly(2025, 2, 24), "2025"), e2025);
    }

    [Fact]
    public void Row_counts_of_both_exports()
    {
        Assert.Equal(825, Edition2024.Value.NotableModels.Count);
        Assert.Equal(895, Edition2025.Value.NotableModels.Count);
    }

    [Fact]
    public void Models_published_in_2024_counted_once_per_distinct_developer_country()
    {
        // The counting lives here on purpose: the loader only loads; counting is the Metrics stage's job.
        var counts = Edition2025.Value.NotableModels
            .Where(m => m.PublicationDate.Year == 2024)
            .SelectMany(m => m.CountryIso3)
            .CountBy(iso3 => iso3)
            .ToDictionary(p => p.Key, p => p.Value);

        Assert.Equal(39, counts["USA"]);
        Assert.Equal(10, counts["CHN"]);
        Assert.Equal(3, counts["FRA"]);
        Assert.Equal(1, counts["CAN"]);
        Assert.Equal(1, counts["ISR"]);
        Assert.Equal(1, counts["SAU"]);
        Assert.Equal(1, counts["KOR"]);
    }

    [Fact]
    public void Koreas_2024_model_is_EXAONE_3_5_32B_by_LG_AI_Research()
    {
        var korea = Assert.Single(Edition2025.Value.NotableModels, m => m.PublicationDate.Year == 2024 && m.CountryIso3.Contains("KOR"));
        Assert.Equal("EXAONE 3.5 32B", korea.Name);
        Assert.Equal("LG AI Research", korea.Organization);
        Assert.Equal(new DateOnly(2024, 12, 9), korea.PublicationDate);
        Assert.Equal(["KOR"], korea.CountryIso3);
    }

    [Fact]
    public void Provenance_points_at_the_line_where_the_record_starts()
    {
        // grep -n '^EXAONE 3.5 32B,' data/shared/epoch/notable_ai_models_2025-02-24.csv → 36
        var exaone = Edition2025.Value.NotableModels.Single(m => m.Name == "EXAONE 3.5 32B");
        Assert.Equal(new SourceLocation("data/shared/epoch/notable_ai_models_2025-02-24.csv", 36, 1), exaone.Source);

        // Grok-3 (line 2) has a quoted Abstract spanning lines 2–4; the next record starts on line 5.
        // grep -n '^Doubao-1.5-pro,' → 5
        var doubao = Edition2025.Value.NotableModels.Single(m => m.Name == "Doubao-1.5-pro");
        Assert.Equal(5, doubao.Source.Line);

        // The 2024 export: model column "System" is the first column too.
        // grep -n '^DeepSeek-Coder-V2-236B,' data/shared/epoch/notable_ai_models_2024-07-16.csv → 19
        var deepseek = Edition2024.Value.NotableModels.Single(m => m.Name == "DeepSeek-Coder-V2-236B");
        Assert.Equal(new SourceLocation("data/shared/epoch/notable_ai_models_2024-07-16.csv", 19, 1), deepseek.Source);
    }
}
