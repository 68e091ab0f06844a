using AiIndexReports.Pipeline;
using AiIndexReports.Tests.Pipeline;

namespace AiIndexReports.Tests.Briefs;

/// <summary>
/// build --provenance: the row-level detail the brief's one-page 「자료와 방법」 leaves out, written next to the PDF —
/// every metric the brief printed, its method and its data rows in full.
/// </summary>
public class ProvenanceDocumentTests
{
    [Fact]
    public void The_provenance_document_lists_every_printed_metric_with_its_rows_next_to_the_brief()
    {
        using var repo = RepoCopy.OfRepository();
        var results = repo.Build(new BuildSettings { Provenance = true, Force = true }, new BuildRequest { Edition = 2025, Briefs = ["ai-index-brief"] });
        Assert.All(results, r => Assert.Equal(BriefBuildStatus.Built, r.Status));

        var lines = File.ReadAllLines(repo.PathOf("output/2025/ai-index-brief.provenance.md"));
        Assert.Equal("# 출처 문서: AI 인덱스 2025 주요 내용과 한국에의 시사점 (2025. 4. 16.)", lines[0]);
        // The published counts the text states, from their rows of indicators.csv.
        Assert.Contains(lines, l => l.StartsWith("| AI 인덱스 발표 주목할 만한 AI 모델 수(국가별) |", StringComparison.Ordinal)
            && l.EndsWith("| data/shared/aiindex/indicators.csv:58-65 |", StringComparison.Ordinal));
        // A figure's data are listed too (Figure 7's rates), with the file rows in full.
        Assert.Contains(lines, l => l.StartsWith("| 벤치마크별 연간 추론 가격 하락 배수 | 21개 행 |", StringComparison.Ordinal)
            && l.Contains("data/shared/epoch/llm_inference_price_decline_rates.csv:2-22", StringComparison.Ordinal));
        // What the brief did not print is not listed.
        Assert.DoesNotContain(lines, l => l.Contains("로봇", StringComparison.Ordinal) && !l.Contains("성적표", StringComparison.Ordinal));

        // Without the option, no such file (and an earlier one is not left claiming to be current).
        using var plain = RepoCopy.OfRepository();
        plain.Build(new BuildSettings { Force = true }, new BuildRequest { Edition = 2025, Briefs = ["ai-index-brief"] });
        Assert.False(File.Exists(plain.PathOf("output/2025/ai-index-brief.provenance.md")));
    }
}
