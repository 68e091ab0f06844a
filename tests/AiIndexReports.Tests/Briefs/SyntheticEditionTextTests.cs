using AiIndexReports.Briefs;
using AiIndexReports.Charts;
using AiIndexReports.Config;
using AiIndexReports.Metrics;
using AiIndexReports.Tests.Metrics;

namespace AiIndexReports.Tests.Briefs;

/// <summary>
/// The repository's real templates written against small made-up editions (no typesetting): what a year with gaps
/// unlike 2024 and 2025 prints. Values are made up in the test; the sentences are asserted as a reader sees them.
/// </summary>
public class SyntheticEditionTextTests
{
    private static string Write(TestDataset data, string briefId = "ai-index-brief")
    {
        var metrics = new MetricsCalculator().Compute(data.Build());
        var brief = BriefManifest.Load(TestRepo.Root).Briefs.Single(b => b.Id == briefId);
        var document = new BriefWriter(TestRepo.Root).Write(brief, metrics.Edition, metrics, FigureBuilder.Build(metrics));
        return string.Join("\n", Flatten(document.Blocks));
    }

    private static IEnumerable<string> Flatten(IEnumerable<BriefBlock> blocks)
    {
        foreach (var block in blocks)
            switch (block)
            {
                case BriefHeading h: yield return h.PlainText; break;
                case BriefBullet b: yield return string.Concat(b.Text.Select(t => t.Text)); break;
                case BriefParagraph p: yield return string.Concat(p.Text.Select(t => t.Text)); break;
                case BriefSummary s: foreach (var line in Flatten(s.Blocks)) yield return line; break;
            }
    }

    [Fact]
    public void A_report_with_only_the_world_total_of_models_gets_the_total_and_says_Koreas_count_is_missing()
    {
        var text = Write(new TestDataset(2027)
            .Indicator("notable_ai_models_total", "World", null, "2026", 104)
            .Indicator("notable_ai_models_industry_share", "World", null, "2026", 94));

        Assert.Contains("2026년 주목할 만한 AI 모델은 전 세계 104개로, 이 가운데 94.0%를 산업계가 개발", text);
        Assert.Contains("이번 판 AI 인덱스 자료에는 한국의 2026년 주목할 만한 AI 모델 수가 없음", text);
        Assert.DoesNotContain("0개", text);
    }

    [Fact]
    public void A_gap_that_changes_sign_is_written_as_a_reversal_not_as_narrowing()
    {
        // The US led MMLU by 0.3 points at the end of 2026 and China leads by 1.2 at the end of 2027.
        var text = Write(new TestDataset(2028)
            .Indicator("us_minus_china_top_model_gap", "MMLU", null, "end-2026", 0.3, "percentage points")
            .Indicator("us_minus_china_top_model_gap", "MMLU", null, "end-2027", -1.2, "percentage points"));

        Assert.Contains("미·중 최고 모델 간 MMLU 성능은 2026년 말 미국의 0.3%p 우위에서 2027년 말 중국의 1.2%p 우위로 역전", text);
        Assert.Contains("미국과 중국의 최고 성능 모델 간 우위가 2026년 말부터 2027년 말 사이에 역전되어 중국이 앞섬", text);
        Assert.Contains("2026년 말에는 미국이 0.3%p 앞섰으나, 2027년 말에는 중국이 1.2%p 앞섬", text);
        Assert.Contains("미·중 최고 모델의 성능 우위가 2027년 말 중국 쪽으로 역전된 만큼", text);
        Assert.DoesNotContain("좁혀", text);
        Assert.DoesNotContain("-1.2%p", text);
    }

    [Fact]
    public void Open_models_that_overtake_closed_ones_are_a_reversal()
    {
        var text = Write(new TestDataset(2028)
            .Indicator("us_minus_china_top_model_gap", "MMLU", null, "end-2027", 0.4, "percentage points")
            .Indicator("closed_vs_open_top_model_gap_arena", "LMSYS Chatbot Arena", null, "2026-01", 8.0, "percent")
            .Indicator("closed_vs_open_top_model_gap_arena", "LMSYS Chatbot Arena", null, "2027-02", -0.5, "percent"));

        Assert.Contains("폐쇄형과 개방형 최고 모델의 격차는 챗봇 아레나 기준 2026년 1월 8.0%에서 2027년 2월 -0.5%로 개방형 우위로 역전", text);
        Assert.DoesNotContain("좁혀", text);
    }

    [Fact]
    public void A_chinese_lead_that_shrinks_is_a_narrowing_gap()
    {
        var text = Write(new TestDataset(2028)
            .Indicator("us_minus_china_top_model_gap", "MMLU", null, "end-2026", -5, "percentage points")
            .Indicator("us_minus_china_top_model_gap", "MMLU", null, "end-2027", -1, "percentage points"));

        Assert.Contains("MMLU(대규모 다중 과제 언어 이해) 기준 격차는 2026년 말 -5.0%p에서 2027년 말 -1.0%p로 4.0%p 좁혀짐", text);
        Assert.DoesNotContain("벌어", text);
        Assert.DoesNotContain("역전", text);
    }

    [Fact]
    public void Epoch_prices_that_end_before_the_measured_year_give_way_to_the_reports_printed_prices()
    {
        // Measured year 2026; Epoch's cheapest-price table ends in 2025, the report prints 20 → 0.02 dollars.
        var text = Write(new TestDataset(2027)
            .Indicator("inference_price_gpt35_level_mmlu", "World (GPT-3.5, MMLU 64.8)", null, "2022-11", 20)
            .Indicator("inference_price_gpt35_level_mmlu", "World (cheapest)", null, "2026-10", 0.02)
            .Price("2022-11-30", 20).Price("2025-02-05", 0.07));

        Assert.Contains("AI 인덱스에 따르면 GPT-3.5 수준(MMLU 64.8점 이상) 모델을 쓰는 비용은 2022년 11월부터 2026년 10월까지 약 1,000배 낮아짐", text);
        Assert.Contains("100만 토큰당 최저 가격이 20달러에서 0.02달러로 내려감", text);
        Assert.Contains("GPT-3.5 수준 모델의 추론 비용은 100만 토큰당 20달러에서 0.02달러로 약 1,000배 하락", text);
        Assert.Contains("Epoch AI 최저 추론 가격표의 마지막 자료가 2025년 2월 5일이어서 2026년 전체를 다루지 못함", text);
        Assert.DoesNotContain("0.07달러", text);
    }

    [Fact]
    public void A_price_that_rose_is_written_as_rising()
    {
        var text = Write(new TestDataset(2027)
            .Indicator("inference_price_gpt35_level_mmlu", "World", null, "2024-11", 0.5)
            .Indicator("inference_price_gpt35_level_mmlu", "World", null, "2026-10", 1.5));

        Assert.Contains("2024년 11월부터 2026년 10월까지 약 3배 높아짐", text);
        Assert.Contains("0.5달러에서 1.5달러로 올라감", text);
    }
}
