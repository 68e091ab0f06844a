using AiIndexReports.Typesetting.Fonts;
using BenchmarkDotNet.Attributes;
using SkiaSharp;

namespace AiIndexReports.Bench;

/// <summary>
/// Time and allocation of one per-document font subset (HarfBuzz hb_subset through P/Invoke), for a page of Korean
/// body text. Run: dotnet run -c Release --project bench/AiIndexReports.Bench -- --filter '*FontSubsetter*' --job short
/// </summary>
[MemoryDiagnoser]
public class FontSubsetterBenchmarks
{
    // One A4 page of a brief's body text.
    private const string PageOfKorean =
        "□ 스탠퍼드 대학교 인간중심 인공지능 연구소(HAI)는 2025년 4월 「AI 인덱스 2025」를 발간하여 연구개발, 기술 성능, " +
        "책임 있는 AI, 경제, 과학과 의료, 정책, 교육, 여론 등 여덟 개 분야의 최신 동향을 정량 지표로 제시함. " +
        "○ 미국은 2024년 주목할 만한 AI 모델 40개를 발표하여 중국(15개)과 유럽(3개)을 크게 앞섰으며, " +
        "한국은 2024년 주목할 만한 AI 모델 1개를 발표함. 다만 중국 모델과 미국 모델의 성능 격차는 주요 벤치마크에서 " +
        "한 자릿수 퍼센트포인트 수준으로 빠르게 줄어듦. - 추론 비용은 GPT-3.5 수준 모델 기준 2022년 11월 " +
        "백만 토큰당 20달러에서 2024년 10월 0.07달러로 약 280배 하락하였고, 하드웨어 비용은 연 30% 감소, " +
        "에너지 효율은 연 40% 향상됨. □ 기업의 AI 투자와 도입은 사상 최대를 기록함. 미국의 민간 AI 투자는 " +
        "1,091억 달러로 중국의 약 12배, 영국의 약 24배에 이르며, 생성형 AI 투자는 339억 달러로 전년 대비 18.7% 증가함. " +
        "조직의 AI 활용률은 2023년 55%에서 2024년 78%로 높아졌고, 다수의 연구가 생산성 향상과 숙련 격차 축소를 보고함. " +
        "○ 정책 측면에서 각국 정부는 규제와 투자를 함께 확대함. 2024년 미국 연방 기관이 도입한 AI 관련 규정은 59건으로 " +
        "전년의 두 배 이상이며, 75개국의 입법 과정에서 AI 언급은 21.3% 늘어남. 캐나다, 중국, 프랑스, 인도, " +
        "사우디아라비아 등은 대규모 국가 투자 계획을 발표함. ※ 시사점: 한국은 인재와 특허에서 강점을 보이나 " +
        "주목할 만한 모델과 민간 투자에서 격차가 커 컴퓨팅 자원, 데이터, 인재 정책을 연계한 전략이 필요함.";

    private byte[] _fontFile = [];
    private int[] _codePoints = [];
    private ushort[] _glyphIds = [];

    [Params("NanumGothic.ttf", "Pretendard-Regular.ttf")]
    public string Font { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        _fontFile = File.ReadAllBytes(Path.Combine(RepoRoot(), "templates", "fonts", Font));
        _codePoints = PageOfKorean.EnumerateRunes().Select(r => r.Value).Distinct().ToArray();
        using var typeface = SKTypeface.FromData(SKData.CreateCopy(_fontFile));
        using var font = new SKFont(typeface, 10);
        _glyphIds = font.GetGlyphs(PageOfKorean).Distinct().ToArray();
        Console.WriteLine($"// {Font}: {_fontFile.Length:N0} bytes → subset {FontSubsetter.Subset(_fontFile, _codePoints, _glyphIds).Length:N0} bytes " +
                          $"for {_codePoints.Length} distinct code points");
    }

    [Benchmark]
    public byte[] SubsetOnePageOfKorean() => FontSubsetter.Subset(_fontFile, _codePoints, _glyphIds);

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AiIndexReports.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException($"No AiIndexReports.sln above {AppContext.BaseDirectory}.");
    }
}
