using AiIndexReports.Data;

namespace AiIndexReports.Tests.Data;

/// <summary>What the loader makes of the small valid fixture: values, countries and provenance.</summary>
public sealed class FixtureLoadTests : IDisposable
{
    private readonly TempRepo _repo = new();

    public void Dispose() => _repo.Dispose();

    [Fact]
    public void Records_after_a_multi_line_quoted_field_keep_their_physical_line()
    {
        var models = _repo.Load().NotableModels;
        Assert.Equal(["Grok-3", "EXAONE 3.5 32B", "Gemini 2.0 Flash", "Mistral Large 2"], models.Select(m => m.Name));
        Assert.Equal([2, 5, 6, 7], models.Select(m => m.Source.Line));
        Assert.All(models, m => Assert.Equal(new SourceLocation(TempRepo.NotablePath, m.Source.Line, 1), m.Source));
    }

    [Fact]
    public void Countries_are_distinct_codes_in_file_order_without_multinational()
    {
        var gemini = _repo.Load().NotableModels.Single(m => m.Name == "Gemini 2.0 Flash");
        Assert.Equal(["USA", "GBR"], gemini.CountryIso3);
    }

    [Fact]
    public void Empty_numeric_cells_are_null_not_errors()
    {
        var models = _repo.Load().NotableModels;
        var grok = models.Single(m => m.Name == "Grok-3");
        Assert.Null(grok.Parameters);
        Assert.Equal(4.64e26, grok.TrainingComputeFlop);
        Assert.Equal(new DateOnly(2025, 2, 17), grok.PublicationDate);
        Assert.Equal("Language,Vision,Multimodal", grok.Domain);
        Assert.Equal(32e9, models.Single(m => m.Name == "EXAONE 3.5 32B").Parameters);
    }

    [Fact]
    public void Indicators_keep_value_type_and_location()
    {
        var dataset = _repo.Load();
        var korea = dataset.Indicators.Single(i => i.Iso3 == "KOR");
        Assert.Equal(new Indicator("2025", "notable_ai_models", "South Korea", "KOR", "2024", 1, "models",
            SourceType.TranscribedSecondary, "https://example.org/news", "one news page",
            new SourceLocation(TempRepo.IndicatorsPath, 4, 6)) { Geo = korea.Geo, Release = korea.Release, Definition = korea.Definition, KoreanUnit = korea.KoreanUnit }, korea);
        // What the catalog says about the row: a country, the catalog's entry and Korean unit, the edition's report.
        Assert.Equal(new AiIndexReports.Data.Catalog.Geo(AiIndexReports.Data.Catalog.GeoKind.Country, "KOR", "KOR", "한국"), korea.Geo);
        Assert.Equal(("notable_ai_models", "개"), (korea.Definition!.Name, korea.KoreanUnit));
        Assert.Equal("Stanford HAI(2025), AI Index Report 2025", korea.Release!.Line);
    }

    [Fact]
    public void Secondary_sources_are_flagged_as_warnings()
    {
        var warning = Assert.Single(_repo.Load().Warnings);
        Assert.Equal($"{TempRepo.IndicatorsPath}:4", warning.Location?.ToString());
        Assert.Contains("notable_ai_models: 1 value(s) transcribed from secondary sources", warning.Message);
    }

    [Fact]
    public void Tables_carry_title_publisher_licence_and_source_type()
    {
        var tables = _repo.Load().Tables;
        Assert.Equal(2, tables.Count); // the fixture edition declares no price or MMLU tables
        // Without title, publisher, released and licence in edition.toml the credit falls back to the table's description
        // (no year is invented: the export's date stands for its release).
        Assert.Equal(new SourceTable(TempRepo.NotablePath, "Notable AI Models (export of 2025-02-24)", "Epoch AI", "CC BY 4.0",
            SourceType.Original, "https://epoch.ai/data/notable-ai-models",
            new AiIndexReports.Data.Catalog.Credit("Notable AI Models", "Epoch AI", new DateOnly(2025, 2, 24), "CC BY 4.0")), tables[0]);
        Assert.Equal(TempRepo.IndicatorsPath, tables[1].File);
        Assert.Equal("Stanford HAI", tables[1].Publisher);
        Assert.Equal("Stanford HAI(2025), AI Index Report 2025", tables[1].Credit!.Line);
        Assert.StartsWith("CC BY-ND 4.0", tables[1].License);
        Assert.Equal(SourceType.TranscribedSecondary, tables[1].Type); // one secondary row makes the table secondary
    }

    [Fact]
    public void Check_returns_problems_without_throwing()
    {
        _repo.Replace(TempRepo.NotablePath, "32000000000.0", "n/a");

        var diagnostics = new DatasetLoader().Check(_repo.Root);
        Assert.Equal([Severity.Error, Severity.Warning], diagnostics.Select(d => d.Severity));
        Assert.Equal($"{TempRepo.NotablePath}:5:6: error: Parameters: expected a number, found \"n/a\" (leave the cell empty when the value is unknown)",
            diagnostics[0].ToString());
    }
}
