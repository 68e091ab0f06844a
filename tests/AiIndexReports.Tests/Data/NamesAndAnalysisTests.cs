using AiIndexReports.Data.Catalog;
using AiIndexReports.Metrics;

namespace AiIndexReports.Tests.Data;

/// <summary>
/// data/names.toml (Korean names of institutions, models and benchmarks) and edition.toml's [[analysis]] (the Korean
/// analysis a brief cites): read from data, checked where they are written, and held to the brief's date.
/// </summary>
public sealed class NamesAndAnalysisTests : IDisposable
{
    private readonly TempRepo _repo = new();

    public void Dispose() => _repo.Dispose();

    private const string Names = """
        [[organization]]
        name = "LG AI Research"
        korean = "LG AI연구원"

        [[organization]]
        name = "Korea University"
        korean = "고려대학교"

        [[model]]
        name = "EXAONE"
        korean = "엑사원"

        [[benchmark]]
        name = "MATH 5"
        korean = "MATH 5단계"
        family = "수학(MATH)"
        """;

    [Fact]
    public void Korean_names_replace_the_datas_english_ones()
    {
        var names = NameTable.Read(WithNames(Names), []);

        Assert.Equal("LG AI연구원", names.Organization("LG AI Research"));
        Assert.Equal("고려대학교·KAIST", names.Organizations("Korea University,KAIST"));   // unknown names as written
        Assert.Equal("엑사원 3.5 32B", names.Model("EXAONE 3.5 32B"));
        Assert.Equal("EXAONEX 2", names.Model("EXAONEX 2"));                          // first words only, not a prefix of a word
        Assert.Equal(("MATH 5단계", "수학(MATH)"), names.Benchmark("MATH 5"));
        Assert.Equal(("GPQA Diamond", "GPQA Diamond"), names.Benchmark("GPQA Diamond")); // its own family when not listed
    }

    [Fact]
    public void The_korean_model_list_uses_the_names_table_and_a_missing_name_is_a_warning()
    {
        WithNames("""
            [[organization]]
            name = "Someone Else"
            korean = "다른 기관"
            """);

        var dataset = _repo.Load();
        var warning = Assert.Single(dataset.Warnings, w => w.Message.Contains("has no Korean name", StringComparison.Ordinal));
        Assert.Equal("organization \"LG AI Research\" of the Korean model \"EXAONE 3.5 32B\" has no Korean name in data/names.toml: the brief prints it in English", warning.Message);

        WithNames(Names);
        // The fixture's export (2025-02-24) holds 2024 complete from 15 February on, as the 2025 edition says.
        _repo.Replace(TempRepo.EditionPath, "model_column = \"Model\"\n", "model_column = \"Model\"\nyear_complete_from = \"02-15\"\n");
        var metrics = new MetricsCalculator().Compute(_repo.Load());
        var row = Assert.Single(metrics["models.korea_list"].Rows!);
        Assert.Equal(("EXAONE 3.5 32B", "엑사원 3.5 32B", "LG AI연구원"), ((string)row["name"]!, (string)row["name_ko"]!, (string)row["organization_ko"]!));
    }

    [Fact]
    public void A_name_listed_twice_is_an_error_at_its_line()
    {
        WithNames(Names + "\n\n[[model]]\nname = \"EXAONE\"\nkorean = \"엑사원2\"\n");

        var error = Assert.Single(_repo.LoadErrors());
        Assert.Equal("data/names.toml:19:1: error: model \"EXAONE\" is listed twice", error.ToString());
    }

    [Fact]
    public void An_analysis_is_cited_with_its_credit_and_date()
    {
        _repo.Replace(TempRepo.EditionPath, "report_edition = \"2025\"\n", "report_edition = \"2025\"\n\n[brief]\ndate = 2025-04-16\n\n"
            + "[[analysis]]\npublisher = \"소프트웨어정책연구소\"\ntitle = \"AI 인덱스 2025 주요내용 및 시사점\"\nreleased = 2025-04-16\n"
            + "url = \"https://spri.kr/posts/view/2384\"\npoints = [\"동맹·우방국과의 연구·인재 협력\", \"AI 자원의 확보\"]\n");

        var metrics = new MetricsCalculator().Compute(_repo.Load());
        var analysis = metrics["edition.analysis"];
        var row = Assert.Single(analysis.Rows!);
        Assert.Equal(("소프트웨어정책연구소", 2025, "https://spri.kr/posts/view/2384"), ((string)row["publisher"]!, (int)row["year"]!, (string)row["url"]!));
        Assert.Equal(["동맹·우방국과의 연구·인재 협력", "AI 자원의 확보"], (IEnumerable<string>)row["points"]!);
        Assert.Equal(["소프트웨어정책연구소(2025), AI 인덱스 2025 주요내용 및 시사점"], analysis.Credits);
        Assert.Equal(new DateOnly(2025, 4, 16), analysis.Released);
        var credit = Assert.Single(metrics.Sources, c => c.Publisher == "소프트웨어정책연구소");
        Assert.True(credit.IsReport);
    }

    [Fact]
    public void An_analysis_published_after_the_brief_is_an_error_at_its_date()
    {
        _repo.Replace(TempRepo.EditionPath, "report_edition = \"2025\"\n", "report_edition = \"2025\"\n\n[brief]\ndate = 2025-04-16\n\n"
            + "[[analysis]]\npublisher = \"어느 연구소\"\ntitle = \"나중에 나온 분석\"\nreleased = 2025-05-01\n");

        var error = Assert.Single(_repo.LoadErrors());
        Assert.Equal("data/2025/edition.toml:20:1: error: [[analysis]] released = 2025-05-01 is after the briefs' date ([brief] date = 2025-04-16): "
            + "a brief cannot cite what was not yet published", error.ToString());
    }

    [Fact]
    public void An_edition_without_an_analysis_has_none_to_cite()
    {
        var metrics = new MetricsCalculator().Compute(_repo.Load());
        Assert.False(metrics["edition.analysis"].Available);
        Assert.Equal("2025년판 edition.toml에 인용할 국내 분석 자료([[analysis]])가 없음", metrics["edition.analysis"].UnavailableReasonKo);
    }

    private string WithNames(string toml)
    {
        _repo.Write("data/names.toml", toml);
        return _repo.Root;
    }
}
