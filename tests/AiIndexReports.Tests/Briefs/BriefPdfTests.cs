using AiIndexReports.Config;
using System.Text.RegularExpressions;
using AiIndexReports.Briefs;
using AiIndexReports.Pipeline;
using AiIndexReports.Charts;
using AiIndexReports.Data;
using AiIndexReports.Metrics;
using UglyToad.PdfPig;

namespace AiIndexReports.Tests.Briefs;

/// <summary>Builds the real briefs of both editions once (in memory) and reads the PDFs back as a reader would.</summary>
public sealed class BuiltBriefs : IDisposable
{
    private readonly BriefTheme _theme = BriefTheme.Load(TestRepo.Root);
    private readonly Typesetting.Fonts.FontLibrary _fonts;
    private readonly Dictionary<(int, string), byte[]> _pdfs = [];
    private readonly Dictionary<(int, string), BriefDocument> _sources = [];
    private readonly Dictionary<int, FigureSet> _figures = [];

    public BuiltBriefs() => _fonts = _theme.Fonts.Load(TestRepo.Root);

    /// <summary>The brief fonts, loaded once (to typeset variants of the briefs).</summary>
    public Typesetting.Fonts.FontLibrary Fonts => _fonts;

    /// <summary>The figures of an edition as its briefs were built with.</summary>
    public FigureSet Figures(int edition)
    {
        lock (_pdfs)
        {
            if (_figures.TryGetValue(edition, out var figures)) return figures;
            return _figures[edition] = FigureBuilder.Build(new MetricsCalculator().Compute(new DatasetLoader().Load(TestRepo.Root, edition)));
        }
    }

    public byte[] Pdf(int edition, string briefId)
    {
        lock (_pdfs)
        {
            if (_pdfs.TryGetValue((edition, briefId), out var pdf)) return pdf;
            var brief = BriefManifest.Load(TestRepo.Root).Briefs.Single(b => b.Id == briefId);
            var metrics = new MetricsCalculator().Compute(new DatasetLoader().Load(TestRepo.Root, edition));
            var figures = _figures.TryGetValue(edition, out var built) ? built : _figures[edition] = FigureBuilder.Build(metrics);
            var document = _sources[(edition, briefId)] = new BriefWriter(TestRepo.Root).Write(brief, edition, metrics, figures);
            var created = document.Issue!.Date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            pdf = new BriefTypesetter(_theme, _fonts).Typeset(brief, edition, document, figures, created).Pdf;
            _pdfs[(edition, briefId)] = pdf;
            return pdf;
        }
    }

    /// <summary>The Write stage's output the PDF was typeset from.</summary>
    public BriefDocument Source(int edition, string briefId)
    {
        Pdf(edition, briefId);
        lock (_pdfs) return _sources[(edition, briefId)];
    }

    /// <summary>The whole text with line breaks and runs of spaces folded into single spaces.</summary>
    public string Text(int edition, string briefId)
    {
        using var doc = PdfDocument.Open(Pdf(edition, briefId));
        var pages = doc.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text)));
        return Regex.Replace(string.Join(" ", pages), @"\s+", " ");
    }

    public void Dispose() => _fonts.Dispose();
}

public class BriefPdfTests(BuiltBriefs briefs) : IClassFixture<BuiltBriefs>
{
    [Fact]
    public void Brief_2025_states_the_headline_numbers_in_their_sentences()
    {
        var text = briefs.Text(2025, "ai-index-brief");

        Assert.Contains("2024년 주목할 만한 AI 모델은 미국이 40개, 중국이 15개로 미·중 양국이 전체 개발을 주도", text);
        Assert.Contains("이 가운데 미국이 39개(70.9%), 중국이 10개(18.2%)", text);
        Assert.Contains("미국의 모델 수는 중국의 2.7배", text); // 40 ÷ 15: the published counts, not the recount's 39 ÷ 10
        Assert.Contains("한국은 2024년 주목할 만한 AI 모델 1개로 AI 인덱스가 수치를 밝힌 국가 가운데 공동 4위에 그쳐", text);
        Assert.Contains("LG AI Research의 EXAONE 3.5 32B가 2024년 12월 9일 공개되어", text);
        Assert.Contains("2010년 3,833건에서 2023년 122,511건으로 약 32배 증가", text);
        Assert.Contains("한국은 10만 명당 AI 등록 특허 17.3건으로 세계 1위를 차지", text);
        Assert.Contains("직전 보고서의 10.26건에서 7.04건 늘었으나", text);
        Assert.Contains("2023년 말 17.5%p에서 2024년 말 0.3%p로 17.2%p 좁혀짐", text);
        Assert.Contains("20달러에서 2024년 10월 Gemini-1.5-Flash-8B의 0.07달러로 내려감", text);
        Assert.Contains("약 286배 낮아짐", text);
        Assert.Contains("미국이 1,091억 달러로 중국(93억 달러)의 11.7배", text);
        // "851배" rests on four price points: its interval is printed with it.
        Assert.Contains("851배 하락(90% 신뢰구간 6.2~117,290배)", text);
        // Vintage: the Vibrancy Tool's update of November 2025 is later than the brief (2025. 4. 16.): the 2024 release is used.
        Assert.Contains("Global AI Vibrancy Tool, 2023년 기준)에서 한국은 7위", text);
        Assert.DoesNotContain("Global AI Vibrancy Tool 2025", text);
    }

    [Fact]
    public void Brief_2024_uses_its_own_edition_and_says_what_it_lacks()
    {
        var text = briefs.Text(2024, "ai-index-brief");

        Assert.Contains("AI 인덱스 2024 주요 내용과 한국에의 시사점", text);
        Assert.Contains("2023년 주목할 만한 AI 모델은 미국이 61개, 중국이 15개로 미·중 양국이 전체 개발을 주도", text);
        Assert.Contains("2022년 전 세계 AI 특허 등록 건수는 62,264건", text);
        Assert.Contains("10만 명당 AI 등록 특허 10.3건으로 세계 1위", text);
        // No printed Korean count in 2024: the recount stands in, and says so.
        Assert.Contains("한국은 2023년 주목할 만한 AI 모델이 재집계 기준 1개에 그쳐", text);
        // No cost section, and the methodology note says why, in Korean.
        Assert.DoesNotContain("추론 비용은", text);
        Assert.DoesNotContain("0.07달러", text);
        Assert.Contains("2024년판 AI 인덱스 자료에 ‘GPT-3.5 수준(MMLU 64.8점 이상) 최저 추론 가격’ 값이 없음: 추론 비용", text);
        // Vintage: the Vibrancy Tool's first release (November 2024) came after this brief (2024. 5. 20.): left out, and said so.
        Assert.DoesNotContain("글로벌 AI 활력 지표(", text);
        Assert.Contains("‘글로벌 AI 활력 순위’ 값(Stanford HAI(2024), Global AI Vibrancy Tool 2024)은 2024년 11월 30일에 공개되어 "
            + "브리프 발간일(2024년 5월 20일) 이후의 자료임: 글로벌 AI 활력 순위 생략", text);
    }

    [Theory]
    [InlineData(2024, "ai-index-brief")]
    [InlineData(2025, "ai-index-brief")]
    [InlineData(2024, "ai-index-summary")]
    [InlineData(2025, "ai-index-summary")]
    public void No_template_leftovers_or_unreadable_values(int edition, string brief)
    {
        var text = briefs.Text(edition, brief);

        foreach (var leftover in new[] { "{{", "}}", "NaN", "Infinity", "<!--", "**", "(n/a)", "은(는)", "이(가)", "을(를)", ":::", "()" })
            Assert.DoesNotContain(leftover, text);
        Assert.DoesNotMatch(@"\bmetrics\.(?!json)", text);
    }

    [Fact]
    public void Full_brief_has_cover_toc_figures_tables_and_references()
    {
        using var doc = PdfDocument.Open(briefs.Pdf(2025, "ai-index-brief"));
        var text = briefs.Text(2025, "ai-index-brief");

        Assert.InRange(doc.NumberOfPages, 8, 20);
        Assert.Contains("AI 정책 브리프 제2025-04호", text);
        Assert.Contains("2025. 4. 16.", text);
        for (var n = 1; n <= 8; n++) Assert.Contains($"[그림 {n}]", text);
        Assert.Contains("<표 1> 국가별 주목할 만한 AI 모델 수(2024년, Epoch AI 재집계)", text);
        Assert.Contains("<표 2>", text);
        Assert.Contains("9. 참고문헌", text);
        Assert.Contains("자료: Epoch AI(2025), Notable AI Models", text);
        Assert.Contains("[그림 1] 국가별 주목할 만한 AI 모델 수(2024년)", text);
        Assert.True(briefs.Pdf(2025, "ai-index-brief").Length < 300_000, "the full brief must stay under 300 KB (fonts subset)");
    }

    [Fact]
    public void References_are_ordered_by_publisher_then_year_then_title()
    {
        var text = briefs.Text(2025, "ai-index-brief");
        var references = text[text.LastIndexOf("참고문헌", StringComparison.Ordinal)..];

        string[] expected =
        [
            "Epoch AI(2025), LLM Inference Prices", "Epoch AI(2025), Notable AI Models", "Epoch AI, Benchmarking Hub: MMLU",
            "Stanford HAI(2024), AI Index Report 2024", "Stanford HAI(2024), Global AI Vibrancy Tool 2024", "Stanford HAI(2025), AI Index Report 2025",
        ];
        var positions = expected.Select(e => references.IndexOf(e, StringComparison.Ordinal)).ToList();
        Assert.DoesNotContain(-1, positions);
        Assert.Equal(positions.Order(), positions);
    }

    [Fact]
    public void Bookmarks_follow_the_numbered_sections_and_language_is_Korean()
    {
        using var doc = PdfDocument.Open(briefs.Pdf(2025, "ai-index-brief"));

        Assert.True(doc.TryGetBookmarks(out var bookmarks));
        Assert.Equal(
            ["1. 개요", "2. 주목할 만한 AI 모델", "3. AI 특허", "4. 모델 성능 격차", "5. 추론 비용", "6. 투자와 생태계", "7. 한국에의 시사점", "8. 지표 산출 방법", "9. 참고문헌"],
            bookmarks.Roots.Select(b => b.Title));
        Assert.Equal("ko-KR", doc.Structure.Catalog.CatalogDictionary.Data["Lang"].ToString()!.Trim('(', ')'));
    }

    [Fact]
    public void Summary_variant_fits_on_two_pages()
    {
        foreach (var edition in new[] { 2024, 2025 })
        {
            using var doc = PdfDocument.Open(briefs.Pdf(edition, "ai-index-summary"));
            Assert.Equal(2, doc.NumberOfPages);
        }
    }

    [Fact]
    public void Chart_labels_are_vector_text_in_the_brief_font_subset()
    {
        using var doc = PdfDocument.Open(briefs.Pdf(2025, "ai-index-brief"));
        var page = doc.GetPages().First(p => p.Text.Contains("[그림 1]"));
        var words = page.GetWords().Select(w => w.Text).ToList();

        Assert.Contains("사우디아라비아", words);
        Assert.Contains("(개)", words);
        var fonts = page.Letters.Select(l => l.FontName).Distinct().ToList();
        Assert.All(fonts, f => Assert.Matches("^[A-Z]{6}\\+Pretendard-", f));
    }
}
