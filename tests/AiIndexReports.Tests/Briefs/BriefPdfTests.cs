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

    /// <summary>The text of a section: from its heading (the last occurrence: the contents list names it first) to the next one's.</summary>
    public string Section(int edition, string briefId, string heading, string nextHeading)
    {
        var text = Text(edition, briefId);
        var start = text.LastIndexOf(heading, StringComparison.Ordinal);
        return text[start..text.IndexOf(nextHeading, start, StringComparison.Ordinal)];
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
        Assert.Contains("미국의 모델 수는 중국의 2.7배", text); // 40 ÷ 15: the published counts, not the recount's 39 ÷ 10
        Assert.Contains("한국은 2024년 주목할 만한 AI 모델 1개로 AI 인덱스가 수치를 밝힌 국가 가운데 공동 4위에 그쳐", text);
        // Korean names from data/names.toml, not the English of the Epoch export.
        Assert.Contains("LG AI연구원이 2024년 12월 9일에 공개한 ‘엑사원 3.5 32B’가", text);
        Assert.DoesNotContain("LG AI Research", text);
        Assert.Contains("2010년 3,833건에서 2023년 122,511건으로 약 32배 증가", text);
        Assert.Contains("한국은 10만 명당 AI 등록 특허 17.3건으로 세계 1위를 차지", text);
        // Last edition's 10.26 and the change written with this edition's precision (one precision for one quantity).
        Assert.Contains("직전 판의 10.3건에서 7.0건 늘었으나", text);
        Assert.Contains("2023년 말 17.5%p에서 2024년 말 0.3%p로 17.2%p 좁혀짐", text);
        // Cost: the report's own figures and period; the Epoch estimate the text quotes is the highlighted bar's (16배).
        Assert.Contains("2022년 11월부터 2024년 10월까지 약 286배 낮아짐", text);
        Assert.Contains("20달러(GPT-3.5)에서 0.07달러(Gemini 1.5 Flash 8B)로 내려감", text);
        Assert.Contains("해마다 약 16배 낮아지는 추세(90% 신뢰구간 8~31배)", text);
        Assert.DoesNotContain("22배", text);
        Assert.DoesNotContain("22개월", text);
        Assert.Contains("LLM 추론 가격이 연간 9~900배 떨어졌다고 분석", text);
        Assert.Contains("미국이 1,091억 달러로 중국(93억 달러)의 11.7배", text);
        // Vintage: the Vibrancy Tool's update of November 2025 is later than the brief (2025. 4. 16.): the 2024 release is used.
        Assert.Contains("Global AI Vibrancy Tool, 2023년 기준)에서 한국은 7위", text);
        Assert.DoesNotContain("Global AI Vibrancy Tool 2025", text);
    }

    [Fact]
    public void Brief_2025_prints_the_recount_only_in_its_comparison_table_with_the_reasons()
    {
        var text = briefs.Text(2025, "ai-index-brief");
        var table = text.IndexOf("AI 인덱스 발표값과 Epoch AI 재집계 값(2024년)", StringComparison.Ordinal);
        Assert.True(table > 0, "the comparison table is missing");
        var before = text[..table];
        // Nowhere before the table does the recount's 39 or 10 (or its 55 models) appear.
        Assert.DoesNotContain("39개", before);
        Assert.DoesNotContain("10개(", before);
        Assert.DoesNotContain("55개", before);

        // Its rows as written (the typeset table interleaves wrapped cells in extracted text): the differences the issue
        // names, each with its reason.
        var rows = ComparisonRows(2025);
        Assert.Equal(["미국", "40개", "39개", "내려받은 시점·국가 분류 기준 차이"], rows.Single(r => r[1] == "미국")[1..]);
        Assert.Equal(["15개", "10개"], rows.Single(r => r[1] == "중국")[2..4]);
        // 62 counted per country for 55 distinct models: a model made in two countries counts in each.
        Assert.Equal(["–", "55개", "국가별 수만 발표. 재집계의 국가별 합은 62개"], rows.Single(r => r[1] == "전체(서로 다른 모델)")[2..]);
        Assert.Equal(["1개(공동 4위)", "1개(공동 5위)", "발표에 없는 영국(6개)도 앞 순위"], rows.Single(r => r[1] == "한국")[2..]);
        Assert.Equal(["–", "6개", "발표 없음. 6개 모두 미국 등과 공동 개발"], rows.Single(r => r[1] == "영국")[2..]);
        Assert.Equal(["3개", "9개"], rows.Single(r => r[1] == "유럽")[2..4]);
        Assert.Equal(["9~900배", "9~851배", "Epoch AI 추정치를 어림해 인용. 최고값은 가격 자료점 4개 근거(90% 신뢰구간 6~117,290배)"],
            rows.Single(r => r[1] == "기준별 연간 가격 하락 배수")[2..]);
        Assert.Equal(["17.5 → 0.3%p", "10.1 → 0.9%p"], rows.Single(r => r[1].StartsWith("미·중 MMLU", StringComparison.Ordinal))[2..4]);
        Assert.Contains("2025년 2월 24일에 공개한 ‘주목할 만한 AI 모델’ 자료", text);
        // Rows where the two agree are named in the table's note, not given a row each; the merged 구분 cell heads the rows.
        Assert.DoesNotContain(rows, r => r[1] == "캐나다");
        Assert.Contains("발표값과 재집계가 같은 국가: 프랑스 3개, 사우디아라비아 1개, 이스라엘 1개, 캐나다 1개", text);
        var comparison = briefs.Source(2025, "ai-index-brief").Blocks.OfType<BriefTable>().Single(t => t.Caption.StartsWith("AI 인덱스 발표값과", StringComparison.Ordinal));
        Assert.Equal("모델 수", rows[0][0]);
        Assert.Contains(comparison.Spans, s => s.Column == 0 && s.Row == 0 && s.RowSpan == 6);
    }

    /// <summary>The cells of the comparison table, as the Write stage made them (the PDF typesets exactly these).</summary>
    private List<string[]> ComparisonRows(int edition)
    {
        var table = briefs.Source(edition, "ai-index-brief").Blocks.OfType<BriefTable>()
            .Single(t => t.Caption.StartsWith("AI 인덱스 발표값과 Epoch AI 재집계 값", StringComparison.Ordinal));
        return table.Rows.Select(r => r.Select(c => string.Concat(c.Select(i => i.Text)).Trim()).ToArray()).ToList();
    }

    [Fact]
    public void Page_one_of_the_2025_brief_shows_the_published_counts_not_the_recount()
    {
        using var doc = PdfDocument.Open(briefs.Pdf(2025, "ai-index-brief"));
        var page = Regex.Replace(string.Join(" ", doc.GetPage(1).GetWords().Select(w => w.Text)), @"\s+", " ");
        Assert.Contains("미국 40개, 중국 15개", page);
        Assert.DoesNotContain("39개", page);
        Assert.DoesNotContain("10개", page);
    }

    [Theory]
    [InlineData(2024)]
    [InlineData(2025)]
    public void The_summary_states_only_the_published_counts(int edition)
    {
        var text = briefs.Text(edition, "ai-index-summary");
        var (us, china) = edition == 2025 ? ("40개", "15개") : ("61개", "15개");
        Assert.Contains($"미국 {us}, 중국 {china}", text);
        // The recount (2025: 39, 10; 2024: 62, 20) appears nowhere in the two pages.
        foreach (var recount in edition == 2025 ? new[] { "39개", "10개" } : ["62개", "20개"])
            Assert.DoesNotContain(recount, text);
    }

    [Fact]
    public void Brief_2024_uses_its_own_edition_and_says_what_it_lacks()
    {
        var text = briefs.Text(2024, "ai-index-brief");

        Assert.Contains("AI 인덱스 2024 주요 내용과 한국에의 시사점", text);
        Assert.Contains("2023년 주목할 만한 AI 모델은 미국이 61개, 중국이 15개로 미·중 양국이 전체 개발을 주도", text);
        Assert.Contains("2022년 전 세계 AI 특허 등록 건수는 62,264건", text);
        // The report printed 10.26: the brief keeps that precision everywhere (text, figure, table).
        Assert.Contains("10만 명당 AI 등록 특허 10.26건으로 세계 1위", text);
        // No printed Korean count in 2024: the recount stands in, and says so; Korea is in the comparison table.
        Assert.Contains("한국은 2023년 주목할 만한 AI 모델이 Epoch AI 자료를 다시 세어도 1개에 그쳐", text);
        Assert.Contains("고려대학교·KAIST·LG가 2023년 11월 13일에 공개한 ‘Volcano 13B’가", text);
        Assert.Equal(["–", "1개(공동 10위)", "발표 없음"], ComparisonRows(2024).Single(r => r[1] == "한국")[2..]);
        // No cost section, and the methodology says why, as a report's sentence.
        Assert.DoesNotContain("5. 추론 비용", text);
        Assert.DoesNotContain("0.07달러", text);
        Assert.Contains("추론 비용은 다루지 않음: 2024년판 AI 인덱스 자료에 ‘GPT-3.5 수준(MMLU 64.8점 이상) 최저 추론 가격’ 값이 없음", text);
        Assert.DoesNotContain(" 생략", text);
        // Vintage: the Vibrancy Tool's first release (November 2024) came after this brief (2024. 7. 22.): left out, and said so.
        Assert.DoesNotContain("글로벌 AI 활력 지표(", text);
        Assert.Contains("글로벌 AI 활력 순위는 다루지 않음: ‘글로벌 AI 활력 순위’ 값(Stanford HAI(2024), Global AI Vibrancy Tool 2024)은 "
            + "2024년 11월 30일에 공개되어 브리프 발간일(2024년 7월 22일) 이후의 자료임", text);
    }

    [Theory]
    [InlineData(2024, "ai-index-brief")]
    [InlineData(2025, "ai-index-brief")]
    [InlineData(2024, "ai-index-summary")]
    [InlineData(2025, "ai-index-summary")]
    public void The_editorial_conventions_hold(int edition, string brief)
    {
        var text = briefs.Text(edition, brief);
        // Report titles in 『』, one term for the brief itself, no spoken register or translated phrasing.
        Assert.Contains($"『AI Index Report {edition}』", text);
        Assert.DoesNotContain("「AI Index Report", text);
        Assert.DoesNotContain("본 브리프", text);
        Assert.DoesNotContain("셈으로", text);
        Assert.DoesNotContain("싸진", text);
        Assert.DoesNotContain("기준을 써서", text);
        Assert.DoesNotContain("부록", text);
        // The cover names the authors once, with the publisher beside them but not inside their names.
        Assert.Contains("데이터분석팀 김가상 선임연구원", text);
        Assert.DoesNotContain("AI정책연구센터 데이터분석팀", text);
        Assert.Contains("문의: 데이터분석팀", text);
        Assert.Contains("이 브리프의 내용은 연구진의 견해이며", text);
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
        Assert.Contains("<표 1> 미·중 최고 모델 간 벤치마크별 성능 격차", text);
        Assert.Contains("<표 3> AI 인덱스 발표값과 Epoch AI 재집계 값(2024년)", text);
        Assert.Contains("10. 참고문헌", text);
        Assert.Contains("자료: Epoch AI(2025), Notable AI Models", text);
        // Figure 1 draws the published counts and credits the report; no table repeats them.
        Assert.Contains("[그림 1] 국가별 주목할 만한 AI 모델 수(2024년)", text);
        Assert.DoesNotContain("국가별 주목할 만한 AI 모델 수(2024년, Epoch AI 재집계)", text);
        Assert.True(briefs.Pdf(2025, "ai-index-brief").Length < 300_000, "the full brief must stay under 300 KB (fonts subset)");
    }

    [Fact]
    public void References_list_the_reports_korean_first_then_by_publisher_year_and_title()
    {
        var text = briefs.Text(2025, "ai-index-brief");
        var references = text[text.LastIndexOf("참고문헌", StringComparison.Ordinal)..];

        // The Korean analysis the AI Index brief is known for, cited from edition.toml, then the reports; data sets are
        // listed with their versions and licences in 「자료와 방법」 instead.
        string[] expected =
        [
            "소프트웨어정책연구소(2025), 『AI 인덱스 2025 주요내용 및 시사점』, 2025. 4. 16.,",
            "Stanford HAI(2024), 『AI Index Report 2024』, 2024. 4. 15.",
            "Stanford HAI(2025), 『AI Index Report 2025』, 2025. 4. 7.",
        ];
        var positions = expected.Select(e => references.IndexOf(e, StringComparison.Ordinal)).ToList();
        Assert.DoesNotContain(-1, positions);
        Assert.Equal(positions.Order(), positions);
        Assert.Contains("https://spri.kr/posts/view/2384", references.Replace(" ", ""));
        Assert.DoesNotContain("Notable AI Models", references);
        Assert.DoesNotContain("..", references);
    }

    [Fact]
    public void The_methodology_lists_sources_with_versions_and_licences_and_no_row_level_detail()
    {
        var methodology = briefs.Section(2025, "ai-index-brief", "9. 자료와 방법", "10. 참고문헌");

        Assert.Contains("Epoch AI, Notable AI Models 2025. 2. 24. CC BY 4.0", methodology);
        Assert.Contains("Stanford HAI, 『AI Index Report 2025』 2025. 4. 7. CC BY-ND 4.0", methodology);
        Assert.Contains("Epoch AI, Benchmarking Hub: MMLU – MIT", methodology);
        Assert.Contains("여러 나라 기관이 함께 개발한 모델은 참여국마다 1개씩", methodology);
        Assert.Contains("GPT-3.5 수준: MMLU 점수 64.8점 이상", methodology);
        // The row-level provenance lives in metrics.json: no file names, interval counts or formulas with "^" here.
        Assert.DoesNotContain(".csv", methodology);
        Assert.DoesNotContain("구간", methodology);
        Assert.DoesNotContain("^", methodology);
    }

    [Fact]
    public void Bookmarks_follow_the_numbered_sections_and_language_is_Korean()
    {
        using var doc = PdfDocument.Open(briefs.Pdf(2025, "ai-index-brief"));

        Assert.True(doc.TryGetBookmarks(out var bookmarks));
        Assert.Equal(
            ["1. 개요", "2. 주목할 만한 AI 모델", "3. AI 특허", "4. 모델 성능 격차", "5. 추론 비용", "6. 투자와 생태계", "7. 한국에의 시사점",
                "8. 발표값과 재집계 비교", "9. 자료와 방법", "10. 참고문헌"],
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
