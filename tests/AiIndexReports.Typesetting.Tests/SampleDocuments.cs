using AiIndexReports.Typesetting.Elements;
using AiIndexReports.Typesetting.Text;
using SkiaSharp;

namespace AiIndexReports.Typesetting.Tests;

/// <summary>Documents shaped like a Korean policy brief, for read-back tests, visual checks and benchmarks.</summary>
public static class SampleDocuments
{
    public static readonly string[] Sentences =
    [
        "2024년 전 세계 AI 민간 투자는 약 1,091억 달러로 전년 대비 44.5% 증가하였으며, 생성형 AI 분야 투자가 그 증가를 이끌었다.",
        "미국은 주목할 만한 AI 모델 40개를 발표하여 중국(15개)과 유럽(3개)을 크게 앞섰으나, 성능 격차는 빠르게 줄어들고 있다.",
        "추론 비용은 GPT-3.5 수준 모델 기준으로 2022년 11월부터 2024년 10월까지 280배 이상 하락하였다.",
        "한국은 인구 10만 명당 AI 특허 수에서 세계 1위를 기록하였으나, 민간 투자 규모(13억 달러)는 미국의 1% 수준에 머물렀다.",
        "AI 관련 사건·사고 보고 건수는 233건으로 사상 최고를 기록하여, 책임 있는 AI에 대한 평가 체계 마련이 시급하다.",
        "산업계가 주목할 만한 모델의 약 90%를 개발하는 반면, 학계는 여전히 피인용 상위 연구에서 선도적 위치를 유지하고 있다.",
        "학습에 쓰인 연산량은 약 5개월마다 두 배로 늘었고, 데이터셋 규모는 8개월, 전력 사용량은 매년 두 배씩 증가하였다.",
        "정부는 AI 반도체·데이터센터 등 인프라 투자와 함께 인재 양성, 규제 샌드박스 확대를 병행할 필요가 있음.",
    ];

    public static Paragraph BodyParagraph(int seed, int sentences = 4) =>
        new(string.Join(" ", Enumerable.Range(0, sentences).Select(i => Sentences[(seed + i * 3) % Sentences.Length])));

    public static CanvasElement BarChart(string title, float height = 200)
    {
        string[] labels = ["미국", "중국", "프랑스", "한국", "캐나다", "이스라엘"];
        int[] values = [40, 15, 3, 1, 1, 1];
        return new CanvasElement(height, (canvas, size, fonts) =>
        {
            using var font = new SKFont(fonts.GetTypeface("Pretendard", SKFontStyleWeight.Normal), 8);
            using var bar = new SKPaint { Color = new SKColor(0x1F, 0x3A, 0x68), IsAntialias = true };
            using var ink = new SKPaint { Color = SKColors.Black, IsAntialias = true };
            using var axis = new SKPaint { Color = SKColors.Gray, StrokeWidth = 0.5f };
            float left = 40, bottom = size.Height - 20, top = 20;
            canvas.DrawText(title, size.Width / 2, 12, SKTextAlign.Center, font, ink);
            canvas.DrawLine(left, bottom, size.Width - 10, bottom, axis);
            var slot = (size.Width - left - 10) / labels.Length;
            for (var i = 0; i < labels.Length; i++)
            {
                var h = (bottom - top - 10) * values[i] / 40f;
                var x = left + i * slot + slot * 0.25f;
                canvas.DrawRect(x, bottom - h, slot * 0.5f, h, bar);
                canvas.DrawText(values[i].ToString(), x + slot * 0.25f, bottom - h - 3, SKTextAlign.Center, font, ink);
                canvas.DrawText(labels[i], x + slot * 0.25f, bottom + 11, SKTextAlign.Center, font, ink);
            }
        })
        {
            Texts = [title, .. labels, .. values.Select(v => v.ToString())], Name = title,
            Alt = $"{title}: {string.Join(", ", labels.Zip(values, (l, v) => $"{l} {v}개"))}",
        };
    }

    public static Table CountryTable(int rows)
    {
        var table = new Table(Width.Relative(2), Width.Relative(1), Width.Relative(1), Width.Relative(1)) { Name = "국가별 지표" };
        table.Header("국가", "모델 수(개)", "투자(억 달러)", "증가율(%)");
        string[] countries = ["미국", "중국", "영국", "프랑스", "한국", "캐나다", "이스라엘", "독일", "일본", "인도"];
        for (var i = 0; i < rows; i++)
            table.Row(countries[i % countries.Length] + (i >= countries.Length ? $" {i / countries.Length + 1}" : ""),
                new TableCell((40 - i % 37).ToString(), TextAlign.Right),
                new TableCell((1091.3 / (i + 1)).ToString("#,##0.0"), TextAlign.Right),
                new TableCell((29.6 - i * 0.7).ToString("0.0"), TextAlign.Right));
        return table;
    }

    /// <summary>A brief-like document: cover, TOC, summary box, sections with bullets, a chart and a long table.</summary>
    public static Document Brief(Theme theme, int sections = 3, int tableRows = 60)
    {
        var header = new Box(new Row()
            .Relative(1, new Paragraph("AI 인덱스 2025 주요 내용과 한국에의 시사점") { Style = theme.PageHeader })
            .Relative(1, new Paragraph("소프트웨어정책연구소") { Style = theme.PageHeader, Align = TextAlign.Right }))
        {
            Style = new BoxStyle { BorderSides = BorderSides.Bottom, BorderWidth = 0.5f, BorderColor = SKColors.Gray, Padding = new Spacing(0, 0, 3, 0) },
        };
        var document = new Document(theme)
        {
            Page = new PageSetup { Header = header, Footer = new PageNumber("- {page} -"), HeaderFooterOnFirstPage = false },
            Metadata = new DocumentMetadata
            {
                Title = "AI 인덱스 2025 주요 내용과 한국에의 시사점", Author = "소프트웨어정책연구소", Subject = "AI Index 2025",
                Keywords = "AI, 인공지능, 정책", CreatedUtc = new DateTime(2025, 4, 16, 0, 0, 0, DateTimeKind.Utc),
            },
        };
        var titleStyle = theme.Heading(1) with { Text = theme.Heading(1).Text with { Size = 26 }, RuleBelow = 0, Align = TextAlign.Center };
        document.Add(new Spacer(180))
            .Add(new Paragraph("이슈리포트 2025-03") { Style = theme.Body with { Align = TextAlign.Center } })
            .Add(new Paragraph("AI 인덱스 2025 주요 내용과 한국에의 시사점") { Style = titleStyle })
            .Add(new Paragraph("2025. 4. 16.") { Style = theme.Body with { Align = TextAlign.Center } })
            .Add(new Spacer(30))
            .Add(new Box(new Column(
                new Paragraph("요 약") { Style = theme.Heading(2) with { Align = TextAlign.Center } },
                new BulletItem(1, "전 세계 AI 민간 투자는 ", new TextSpan("1,091억 달러") { Weight = SKFontStyleWeight.Bold }, "로 전년 대비 44.5% 증가"),
                new BulletItem(1, "미국 40개, 중국 15개 등 주목할 만한 AI 모델 발표 — 韓AI 시사점 도출"),
                new BulletItem(2, "추론 비용은 2년 만에 280배 이상 하락하여 AI 활용의 문턱이 낮아짐"))))
            .Add(new PageBreak())
            .Add(new Paragraph("목 차") { Style = theme.Heading(1) with { RuleBelow = 0 } })
            .Add(new TableOfContents())
            .Add(new PageBreak());
        for (var s = 1; s <= sections; s++)
        {
            document.Add(new Heading(1, $"{s}. {(s == 1 ? "개요" : s == sections ? "시사점" : "주요 동향")}") { AnchorId = $"sec-{s}" });
            document.Add(BodyParagraph(s, 5));
            document.Add(new Heading(2, $"{s}.1 투자와 모델") { AnchorId = $"sec-{s}-1" });
            document.Add(new BulletItem(1, Sentences[s % Sentences.Length]));
            document.Add(new BulletItem(2, Sentences[(s + 1) % Sentences.Length]));
            document.Add(new BulletItem(3, Sentences[(s + 2) % Sentences.Length]));
            document.Add(new BulletItem(4, "자료: Stanford HAI(2025), AI Index Report 2025"));
            document.Add(new Figure($"[그림 {s}] 국가별 주목할 만한 AI 모델 수(2024년)", BarChart("국가별 주목할 만한 AI 모델 수(2024년, 개)"))
            {
                Notes = ["자료: Stanford HAI(2025), AI Index Report 2025; Epoch AI"],
            });
            document.Add(BodyParagraph(s + 2, 6));
            document.Add(new Paragraph("자세한 내용은 ", new TextSpan("AI Index 웹사이트") { LinkUrl = "https://hai.stanford.edu/ai-index", Underline = true, Color = new SKColor(0x1F, 0x3A, 0x68) },
                "와 ", new TextSpan("1장") { LinkAnchor = "sec-1", Underline = true }, "을 참고."));
            if (s == 2)
                document.Add(new Figure($"<표 {s}> 국가별 AI 지표", CountryTable(tableRows)) { Unit = "(단위: 개, 억 달러, %)", Notes = ["주: 시험용 수치"], KeepTogether = false });
        }
        return document;
    }
}
