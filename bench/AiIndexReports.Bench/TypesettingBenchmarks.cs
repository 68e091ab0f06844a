using AiIndexReports.Typesetting;
using AiIndexReports.Typesetting.Elements;
using AiIndexReports.Typesetting.Fonts;
using BenchmarkDotNet.Attributes;
using SkiaSharp;

namespace AiIndexReports.Bench;

/// <summary>
/// Layout engine throughput on text-heavy A4 pages of justified Korean paragraphs (the whole pipeline: layout pass,
/// font subsetting, drawing pass, outline post-processing), and the allocation of a 300-page document.
/// Run: dotnet run -c Release --project bench/AiIndexReports.Bench -- --filter '*TypesettingBenchmarks*' --job short
/// Pages per second = 1 / (reported time per operation): each operation is one page (OperationsPerInvoke).
/// </summary>
[MemoryDiagnoser]
public class TypesettingBenchmarks
{
    const int ParagraphsPerPage = 8; // ≈ 85% of an A4 page at 10.5 pt, 165% line height; a page break follows
    const int ThroughputPages = 40;

    static readonly string[] Sentences =
    [
        "2024년 전 세계 AI 민간 투자는 약 1,091억 달러로 전년 대비 44.5% 증가하였으며, 생성형 AI 분야 투자가 그 증가를 이끌었다.",
        "미국은 주목할 만한 AI 모델 40개를 발표하여 중국(15개)과 유럽(3개)을 크게 앞섰으나, 성능 격차는 빠르게 줄어들고 있다.",
        "추론 비용은 GPT-3.5 수준 모델 기준으로 2022년 11월부터 2024년 10월까지 280배 이상 하락하였다.",
        "한국은 인구 10만 명당 AI 특허 수에서 세계 1위를 기록하였으나, 민간 투자 규모(13억 달러)는 미국의 1% 수준에 머물렀다.",
        "AI 관련 사건·사고 보고 건수는 233건으로 사상 최고를 기록하여, 책임 있는 AI에 대한 평가 체계 마련이 시급하다.",
        "산업계가 주목할 만한 모델의 약 90%를 개발하는 반면, 학계는 여전히 피인용 상위 연구에서 선도적 위치를 유지하고 있다.",
        "학습에 쓰인 연산량은 약 5개월마다 두 배로 늘었고, 데이터셋 규모는 8개월, 전력 사용량은 매년 두 배씩 증가하였다.",
    ];

    FontLibrary _fonts = null!;
    Theme _theme = null!;
    Theme _firstFitTheme = null!;

    [GlobalSetup]
    public void Setup()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "AiIndexReports.sln"))) dir = dir.Parent;
        var fonts = Path.Combine(dir?.FullName ?? throw new InvalidOperationException("repository root not found"), "templates", "fonts");
        _fonts = new FontLibrary()
            .Add("Pretendard", SKFontStyleWeight.Normal, Path.Combine(fonts, "Pretendard-Regular.ttf"))
            .Add("Pretendard", SKFontStyleWeight.SemiBold, Path.Combine(fonts, "Pretendard-SemiBold.ttf"))
            .Add("Pretendard", SKFontStyleWeight.Bold, Path.Combine(fonts, "Pretendard-Bold.ttf"))
            .Add("NanumGothic", SKFontStyleWeight.Normal, Path.Combine(fonts, "NanumGothic.ttf"))
            .Add("NanumGothic", SKFontStyleWeight.Bold, Path.Combine(fonts, "NanumGothicBold.ttf"));
        _theme = Theme.Create("Pretendard", "NanumGothic");
        _firstFitTheme = _theme with { Body = _theme.Body with { Justification = _theme.Body.Justification with { TotalFit = false } } };
        // Warm the shaped-word cache as a long-running build has it, and check that one page of content is one page.
        var pages = Typeset(ThroughputPages).PageCount;
        if (pages != ThroughputPages) throw new InvalidOperationException($"{ThroughputPages} pages of content gave {pages} pages");
    }

    [GlobalCleanup]
    public void Cleanup() => _fonts.Dispose();

    /// <summary>A document of justified Korean body text: per page a heading, eight paragraphs and a page break.</summary>
    Document BuildDocument(int pages, Theme? theme = null)
    {
        var document = new Document(theme ?? _theme) { Page = new PageSetup { Footer = new PageNumber("- {page} -") } };
        for (var p = 0; p < pages; p++)
        {
            document.Add(new Heading(2, $"{p + 1}. 주요 동향") { AnchorId = $"s{p}" });
            for (var i = 0; i < ParagraphsPerPage; i++)
                document.Add(new Paragraph(string.Join(" ", Enumerable.Range(0, 3).Select(k => Sentences[(p * 7 + i * 3 + k) % Sentences.Length]))));
            document.Add(new PageBreak());
        }
        return document;
    }

    TypesetResult Typeset(int pages) => new Typesetter(_fonts).Typeset(BuildDocument(pages));

    [Benchmark(OperationsPerInvoke = ThroughputPages, Description = "justified Korean A4 page (full pipeline)")]
    public int JustifiedKoreanPage() => Typeset(ThroughputPages).PageCount;

    /// <summary>The same pages broken line by line (first fit), to see what total-fit breaking costs in the same run.</summary>
    [Benchmark(OperationsPerInvoke = ThroughputPages, Description = "same page, lines broken first-fit")]
    public int JustifiedKoreanPageFirstFit() => new Typesetter(_fonts).Typeset(BuildDocument(ThroughputPages, _firstFitTheme)).PageCount;

    [Benchmark(Description = "300-page document")]
    public int ThreeHundredPages() => Typeset(300).PageCount;
}
