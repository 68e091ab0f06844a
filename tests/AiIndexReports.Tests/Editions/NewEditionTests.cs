using System.Security.Cryptography;
using System.Text.RegularExpressions;
using AiIndexReports.Briefs;
using AiIndexReports.Pipeline;
using AiIndexReports.Config;
using AiIndexReports.Editions;
using AiIndexReports.Tests.Pipeline;
using UglyToad.PdfPig;

namespace AiIndexReports.Tests.Editions;

/// <summary>
/// The yearly step an editor takes without a developer: `new-edition`, then the report's rows appended to
/// indicators.csv. The made-up edition in TestData/Edition2030 (see its README) is unlike 2025 on purpose.
/// </summary>
public sealed class NewEditionTests(Edition2030Build built) : IClassFixture<Edition2030Build>
{
    private static readonly string Fixture = Path.Combine(TestRepo.Root, "tests", "AiIndexReports.Tests", "TestData", "Edition2030");

    /// <summary>Adds the made-up edition to a copy of the repository as an editor would.</summary>
    internal static void AddFixtureEdition(RepoCopy copy)
    {
        Directory.CreateDirectory(copy.PathOf("data/2030"));
        File.Copy(Path.Combine(Fixture, "edition.toml"), copy.PathOf("data/2030/edition.toml"));
        copy.Append("data/shared/aiindex/indicators.csv", File.ReadAllText(Path.Combine(Fixture, "indicators.csv")));
    }

    private static string Text(byte[] pdf)
    {
        using var doc = PdfDocument.Open(pdf);
        return Regex.Replace(string.Join(" ", doc.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text)))), @"\s+", " ");
    }


    [Fact]
    public void New_edition_writes_the_year_keys_names_the_newest_export_and_says_the_snapshot_is_stale()
    {
        using var copy = RepoCopy.OfRepository();

        var result = EditionScaffolder.Scaffold(copy.Root, 2026);

        var toml = File.ReadAllText(copy.PathOf("data/2026/edition.toml"));
        Assert.Equal("data/2026/edition.toml", result.EditionFile);
        Assert.Contains("\nedition = 2026 ", toml);
        Assert.Contains("\nmeasured_year = 2025 ", toml);
        Assert.Contains("\nfile = \"../shared/epoch/notable_ai_models_2025-02-24.csv\"", toml);
        Assert.Contains("\nsnapshot_date = 2025-02-24 ", toml);
        Assert.Contains("\nreport_edition = \"2026\" ", toml);
        Assert.Contains("\ntitle = \"AI Index Report 2026\"", toml);
        Assert.Contains("\ndate = 2026-04-16       # estimate (2025-04-16 + 1 year): set the brief's publication date", toml);
        Assert.Contains("\nnumber = \"2026-04\" ", toml);
        Assert.Contains("\nyear_complete_from = \"03-01\" ", toml);
        Assert.DoesNotContain("2025-02-24 export", toml);   // the old edition's note about its own export does not carry over
        // Last year's Korean analysis is not this year's: not copied (nor renamed "2026"), a comment says how to add one.
        Assert.DoesNotContain("[[analysis]]\n", toml);
        Assert.DoesNotContain("소프트웨어정책연구소", toml);
        Assert.DoesNotContain("spri.kr", toml);
        Assert.Contains("# [[analysis]]  a Korean analysis of this edition's report", toml);
        Assert.Contains(result.NextSteps, s => s.Contains("add it as [[analysis]]", StringComparison.Ordinal));
        var stale = Assert.Single(result.Warnings);
        Assert.StartsWith("the Epoch export of 2025-02-24 was taken before 2025 was complete (exports count as complete from 2026-03-01 on)", stale);
        Assert.Contains(result.NextSteps, s => s.StartsWith("add the report's figures to data/shared/aiindex/indicators.csv with report_edition = 2026", StringComparison.Ordinal));

        // The file it wrote is a valid edition: only the rows are missing.
        var problems = new AiIndexReports.Data.DatasetLoader().Check(copy.Root, 2026);
        var error = Assert.Single(problems, p => p.Severity == Severity.Error);
        Assert.StartsWith("data/2026/edition.toml:", error.Location!.ToString());
        Assert.Contains("has no rows with report_edition \"2026\"", error.Message);

        var again = Assert.Throws<BuildFailedException>(() => EditionScaffolder.Scaffold(copy.Root, 2026));
        Assert.Equal("data/2026/edition.toml: error: the edition exists already; edit this file, or remove the folder to start again", again.Diagnostics.Single().ToString());
    }

    [Fact]
    public void A_new_edition_builds_without_a_template_or_manifest_edit()
    {
        var results = built.Results;

        Assert.All(results, r => Assert.True(r.Status == BriefBuildStatus.Built, string.Join("\n", r.Diagnostics)));
        Assert.Equal(["2030/ai-index-brief", "2030/ai-index-summary"], results.Select(r => r.Job.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_new_editions_brief_prints_its_published_figures_states_what_it_lacks_and_gets_the_directions_right()
    {
        var copy = built.Copy;
        var text = Text(File.ReadAllBytes(copy.PathOf("output/2030/ai-index-brief.pdf")));

        // Cover and headline figures in their sentences, from the edition's [brief] and rows.
        Assert.Contains("AI 정책 브리프 제2030-04호", text);
        Assert.Contains("2030. 4. 20.", text);
        Assert.Contains("2029년 주목할 만한 AI 모델은 미국 57개, 중국 31개로 양국이 주도", text);
        Assert.Contains("한국의 주목할 만한 AI 모델은 4개", text);
        Assert.Contains("미국의 모델 수는 중국의 1.8배", text);          // 57 ÷ 31
        // Published counts, not a recount from the stale export: no "0개", no recount sentence, the reason stated.
        Assert.DoesNotContain("재집계 기준 0개", text);
        Assert.DoesNotContain("재집계하면", text);
        Assert.Contains("Epoch AI가 2025년 2월 24일에 공개한 자료에는 2029년 모델이 아직 다 담기지 않아 모델 수를 다시 세지 않았으며", text);
        Assert.Contains("[그림 1] 국가별 주목할 만한 AI 모델 수(2029년)", text);
        Assert.Contains("자료: Stanford HAI(2030), AI Index Report 2030", text);
        // A particle after the report's title agrees with the year as read (이천삼십 → 은).
        Assert.Contains("『AI Index Report 2030』은 2029년의 변화를", text);
        // The leaderboard gap stands in for MMLU; it narrowed.
        Assert.Contains("챗봇 아레나 기준 격차는 2029년 1월 3.8%에서 2030년 1월 1.2%로 2.6%p 좁혀짐", text);
        Assert.Contains("미·중 최고 모델 간 차이가 2030년 1월 14점", text);
        Assert.DoesNotContain("MMLU(대규모", text);
        // Values that fell are written as falls.
        Assert.Contains("직전 판의 17.3건에서 1.4건 줄었으며", text);
        Assert.Contains("전 세계 기업 AI 투자는 2029년 2,310억 달러로 직전 판보다 213억 달러 줄어듦", text);
        // The indicator no earlier edition printed is in Korea's scorecard.
        Assert.Contains("생성형 AI 도입 순위(2029년) – 6위", text); // a rank in the rank column, no score beside it
        // Korea's private investment is not printed: said in the text, not invented.
        Assert.Contains("한국의 민간 AI 투자는 AI 인덱스 본문에 별도 수치로 제시되지 않아", text);
        // Every omission is stated in the methodology note, in Korean.
        Assert.Contains("발표값과 재집계 비교는 다루지 않음: Epoch AI 주목할 만한 AI 모델 자료가 2025년 2월 24일에 내려받은 것이어서 2029년 자료가 아직 다 담기지 않아 재집계할 수 없음", text);
        Assert.Contains("미·중 최고 모델의 MMLU 성능 격차는 미·중 최고 모델의 챗봇 아레나 격차로 대신함: 2030년판 AI 인덱스 자료에 ‘미·중 최고 모델 성능 격차’ 값(MMLU)이 없음", text);
        Assert.Contains("추론 비용은 다루지 않음: 2030년판 AI 인덱스 자료에 ‘GPT-3.5 수준(MMLU 64.8점 이상) 최저 추론 가격’ 값이 없음", text);
        Assert.Contains("미·중 최고 모델의 MMLU 점수 추이 그림은 다루지 않음: Epoch AI MMLU 점수표의 마지막 자료가 2025년 2월 26일이어서 2029년 전체를 다루지 못함", text);
        Assert.DoesNotContain("5. 추론 비용", text);
        // The note names what is missing in Korean: no data names (snake_case) or English reasons in it.
        var note = text[text.IndexOf("이번 판에서 다루지 않거나 대신한 내용", StringComparison.Ordinal)..text.IndexOf("참고문헌", text.IndexOf("이번 판에서 다루지 않거나 대신한 내용", StringComparison.Ordinal), StringComparison.Ordinal)];
        Assert.DoesNotMatch(@"[a-z]+_[a-z]+", note);
        Assert.DoesNotContain(" rows", note);
        // Region names in Korean, and no leftovers of template code or of English data names.
        Assert.DoesNotContain("Europe", text);
        foreach (var leftover in new[] { "{{", "}}", ":::", "NaN", "**", "not computable", "us_china", "gap.arena" })
            Assert.DoesNotContain(leftover, text);
        Assert.Contains("자료: Stanford HAI(2030), AI Index Report 2030", text);
    }

    [Fact]
    public void Coverage_of_the_new_edition_names_alternatives_and_omissions_with_their_reasons()
    {
        var copy = built.Copy;

        var brief = CoverageReport.Of(copy.Root, 2030).Single(b => b.BriefId == "ai-index-brief").Entries;

        var gap = brief.Single(e => e.What == "미·중 최고 모델의 MMLU 성능 격차" && e.Kind == "paragraph");
        Assert.Equal((CoverageStatus.Alternative, "미·중 최고 모델의 챗봇 아레나 격차"), (gap.Status, gap.UsedInstead));
        Assert.Equal("not computable: indicators.csv has no us_minus_china_top_model_gap rows for MMLU for edition 2030", gap.ReasonEnglish);
        var cost = brief.Single(e => e.Kind == "section" && e.What == "추론 비용");
        Assert.Equal(CoverageStatus.Omitted, cost.Status);
        var recount = brief.Single(e => e.Kind == "section" && e.What == "발표값과 재집계 비교");
        Assert.Equal(CoverageStatus.Omitted, recount.Status);
        Assert.StartsWith("not computable: the Epoch AI export data/shared/epoch/notable_ai_models_2025-02-24.csv was taken on 2025-02-24, before 2029 was complete", recount.ReasonEnglish);
        Assert.Contains(brief, e => e.Kind == "headline" && e.Status == CoverageStatus.Available && e.What == "주목할 만한 AI 모델 수(미국·중국)");
    }

    [Fact]
    public void Adding_an_edition_changes_no_byte_of_the_older_editions_outputs()
    {
        using var copy = RepoCopy.OfRepository();
        copy.Build(new BuildSettings { SourceDateEpoch = null });
        var before = Hashes(copy);

        AddFixtureEdition(copy);
        var results = copy.Build(new BuildSettings { SourceDateEpoch = null, Force = true });

        Assert.All(results, r => Assert.Equal(BriefBuildStatus.Built, r.Status));
        var after = Hashes(copy);
        Assert.Contains(after.Keys, k => k.StartsWith("2030/", StringComparison.Ordinal));
        Assert.NotEmpty(before);
        foreach (var (path, hash) in before) Assert.True(after[path] == hash, $"{path} changed when edition 2030 was added");
    }

    private static Dictionary<string, string> Hashes(RepoCopy copy) =>
        copy.Outputs().ToDictionary(o => o.Key, o => Convert.ToHexStringLower(SHA256.HashData(o.Value)), StringComparer.Ordinal);
}

/// <summary>A copy of the repository with the made-up edition 2030 added and built once (the tests read its outputs).</summary>
public sealed class Edition2030Build : IDisposable
{
    public RepoCopy Copy { get; } = RepoCopy.OfRepository();
    public IReadOnlyList<BriefBuildResult> Results { get; }

    public Edition2030Build()
    {
        NewEditionTests.AddFixtureEdition(Copy);
        Results = Copy.Build(options: new BuildRequest { Edition = 2030 });
    }

    public void Dispose() => Copy.Dispose();
}
