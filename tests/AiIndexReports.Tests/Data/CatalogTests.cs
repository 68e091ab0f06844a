using AiIndexReports.Data.Catalog;

namespace AiIndexReports.Tests.Data;

/// <summary>data/indicators.toml as the loader reads it, and the geography and period forms of indicators.csv.</summary>
public sealed class CatalogTests
{
    private static readonly Lazy<IndicatorCatalog> Repo = new(() =>
    {
        var diagnostics = new List<Diagnostic>();
        var catalog = IndicatorCatalogReader.Read(TestRepo.Root, diagnostics);
        Assert.Empty(diagnostics);
        return catalog;
    });

    // Every name the AI Index 2026 report may use (issue 12) must be a name or an alias of the catalog.
    [Theory]
    [InlineData("notable_ai_models"), InlineData("notable_ai_models_total"), InlineData("notable_ai_models_rank"), InlineData("notable_ai_models_industry_share")]
    [InlineData("notable_ai_models_by_org"), InlineData("ai_patents_granted"), InlineData("ai_patents_granted_share"), InlineData("ai_patents_granted_per_100k")]
    [InlineData("ai_patents_granted_yoy_growth"), InlineData("ai_patents_per_capita_rank"), InlineData("ai_patent_forward_citation_share")]
    [InlineData("private_ai_investment"), InlineData("private_ai_investment_rank"), InlineData("private_ai_investment_cumulative"), InlineData("corporate_ai_investment")]
    [InlineData("newly_funded_ai_companies"), InlineData("us_china_top_model_gap_arena"), InlineData("us_china_top_model_gap_arena_points")]
    [InlineData("closed_vs_open_top_model_gap_arena"), InlineData("arena_elo_top_model"), InlineData("llm_inference_cost"), InlineData("llm_inference_cost_decline")]
    [InlineData("global_ai_vibrancy_rank"), InlineData("genai_adoption_rank"), InlineData("ai_talent_concentration"), InlineData("ai_talent_net_migration")]
    [InlineData("ai_talent_phd_share"), InlineData("industrial_robot_installations"), InlineData("ai_related_bills_passed_cumulative")]
    [InlineData("public_expects_ai_creates_more_jobs"), InlineData("net_ai_talent_migration")]
    public void The_catalog_knows_the_names_a_new_edition_uses(string name) =>
        Assert.True(Repo.Value.TryGet(name, out _), name);

    [Fact]
    public void Every_name_in_the_repositorys_indicators_csv_is_in_the_catalog()
    {
        var names = File.ReadLines(Path.Combine(TestRepo.Root, "data", "shared", "aiindex", "indicators.csv")).Skip(1)
            .Select(l => l.Split(',')[1]).Distinct();
        Assert.All(names, n => Assert.True(Repo.Value.TryGet(n, out _), n));
    }

    [Fact]
    public void An_alias_is_read_as_its_indicator()
    {
        Assert.True(Repo.Value.TryGet("net_ai_talent_migration", out var d));
        Assert.Equal(("ai_talent_net_migration", "링크드인 회원 1만 명당 AI 인재 순유입", "명"), (d.Name, d.Label, d.KoreanUnit("per 10,000 LinkedIn members")));
    }

    [Theory]
    // world: WLD or "World" (a qualifier in brackets is kept in the row), region by name or code, pairs, names
    [InlineData("World", "WLD", GeoKind.World, "WLD", "WLD", "전 세계")]
    [InlineData("World", "", GeoKind.World, "WLD", "WLD", "전 세계")]
    [InlineData("World (survey)", "", GeoKind.World, "WLD", "WLD", "전 세계")]
    [InlineData("Europe", "", GeoKind.Region, "EUR", "EUR", "유럽")]
    [InlineData("Europe", "EUR", GeoKind.Region, "EUR", "EUR", "유럽")]
    [InlineData("EU + UK", "", GeoKind.Region, "EUR", "EUR", "유럽")]
    [InlineData("East Asia and Pacific", "", GeoKind.Region, "EAS", "EAS", "동아시아·태평양")]
    [InlineData("USA-CHN", "", GeoKind.Pair, "USA-CHN", "USA_CHN", "미국·중국")]
    [InlineData("United States vs China", "", GeoKind.Pair, "USA-CHN", "USA_CHN", "미국·중국")]
    [InlineData("US vs. China", "USA-CHN", GeoKind.Pair, "USA-CHN", "USA_CHN", "미국·중국")]
    [InlineData("South Korea", "KOR", GeoKind.Country, "KOR", "KOR", "한국")]
    [InlineData("Türkiye", "TUR", GeoKind.Country, "TUR", "TUR", "튀르키예")]
    [InlineData("LMSYS Chatbot Arena", "", GeoKind.Named, "CHATBOT_ARENA", "chatbot_arena", "챗봇 아레나")]
    [InlineData("MMLU", "", GeoKind.Named, "MMLU", "mmlu", "MMLU")]
    [InlineData("Industry", "", GeoKind.Named, "INDUSTRY", "industry", "산업계")]
    public void Geographies_resolve_to_a_kind_a_key_and_a_korean_name(string geography, string iso3, GeoKind kind, string code, string key, string korean)
    {
        var geo = GeoResolver.Resolve(geography, iso3, Repo.Value, out var problem);
        Assert.Null(problem);
        Assert.Equal((kind, code, key, korean), (geo!.Kind, geo.Code, geo.Key, geo.KoreanName));
    }

    [Theory]
    [InlineData("South Korea", "", "geography \"South Korea\" is a country: expected iso3 KOR, found an empty cell")]
    [InlineData("Japan", "KOR", "iso3 KOR does not match geography \"Japan\" (JPN)")]
    [InlineData("Korea", "KOR", "geography \"Korea\" is not a known spelling of KOR; expected one of \"South Korea\", \"Korea (Republic of)\", \"Republic of Korea\", \"Korea, Rep.\" (or add the spelling to Data/Countries.cs)")]
    [InlineData("North America", "EUR", "geography \"North America\" does not match iso3 EUR (유럽); write one of \"Europe\", \"Europe (combined)\", \"EU + UK\", \"EU and UK\", \"European Union and United Kingdom\"")]
    [InlineData("US vs Japan", "USA-CHN", "iso3 USA-CHN does not match geography \"US vs Japan\" (USA-JPN)")]
    [InlineData("Atlantis", "ATL", "unknown ISO 3166 alpha-3 code \"ATL\"; add it to Data/Countries.cs, or a region to data/indicators.toml [[geography]]")]
    public void Cells_that_contradict_each_other_are_explained(string geography, string iso3, string problem)
    {
        Assert.Null(GeoResolver.Resolve(geography, iso3, Repo.Value, out var found));
        Assert.Equal(problem, found);
    }

    [Theory]
    [InlineData("2024", "year"), InlineData("2013-2024", "span"), InlineData("2013~2024", "span"), InlineData("2024-01", "month"), InlineData("end-2023", "year_end")]
    [InlineData("2024Q1", null), InlineData("2024-13", null), InlineData("2024-2013", null), InlineData("FY2024", null), InlineData("24", null)]
    public void Period_forms(string period, string? form) => Assert.Equal(form, PeriodForm.Of(period));

    [Fact]
    public void A_broken_catalog_names_each_problem_at_its_line()
    {
        var diagnostics = new List<Diagnostic>();
        var catalog = IndicatorCatalogReader.Parse("""
            [report]
            title = "AI Index Report {edition}"
            publisher = "Stanford HAI"
            licence = "CC BY-ND 4.0"

            [[indicator]]
            name = "a_count"
            label = "수"
            kind = "cont"
            units = { "models" = "개" }
            geographies = ["country", "planet"]
            rank_indicator = "a_rnk"

            [[indicator]]
            name = "a_count"
            label = "수"
            kind = "count"
            units = { "models" = "개" }
            geographies = ["country"]
            colour = "red"
            """, "data/indicators.toml", diagnostics);

        Assert.True(catalog.IsEmpty);
        Assert.Equal(
        [
            "data/indicators.toml:20:1: error: unknown key 'colour' in [[indicator]]; known keys there: name, label, aliases, kind, units, geographies, periods, order, rank_indicator, latest_release, scorecard, interval, source",
            "data/indicators.toml:9:1: error: kind: \"cont\" is not one of count, share, per_capita, money, gap, rank, score, ratio, growth, price (did you mean \"count\"?)",
            "data/indicators.toml:11:1: error: geographies: \"planet\" is not one of country, world, region, pair, benchmark, organization, sector",
            "data/indicators.toml:15:1: error: indicator name \"a_count\" is used twice (first at data/indicators.toml:7:1)",
            "data/indicators.toml:6:1: error: indicator \"a_count\": rank_indicator = \"a_rnk\" is not an indicator of this file",
        ], diagnostics.Select(d => d.ToString()));
    }
}

public sealed class IndicatorIdTests
{
    [Fact]
    public void A_geography_named_like_a_metric_field_gets_its_own_segment()
    {
        // A benchmark called "Value" must not hide `value` of the indicator's metric object.
        Assert.All(AiIndexReports.Text.MetricNode.Fields, f => Assert.Contains(f, AiIndexReports.Metrics.Sections.IndicatorMetrics.Reserved));
        Assert.Equal("value_", AiIndexReports.Metrics.Sections.IndicatorMetrics.KeyOf(new Geo(GeoKind.Named, "Value", "value", "Value")));
    }
}
