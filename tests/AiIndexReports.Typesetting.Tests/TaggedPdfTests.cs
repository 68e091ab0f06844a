using System.Globalization;
using System.Text;
using AiIndexReports.Typesetting.Elements;
using AiIndexReports.Typesetting.Fonts;
using AiIndexReports.Typesetting.Frames;
using AiIndexReports.Typesetting.Pdf;
using AiIndexReports.Typesetting.Tests.PdfChecks;
using AiIndexReports.Typesetting.Text;
using SkiaSharp;
using UglyToad.PdfPig;

namespace AiIndexReports.Typesetting.Tests;

/// <summary>The sample brief as tagged PDF/UA-1 + PDF/A-2a: structure, marked content, metadata, and what checkers read.</summary>
public class TaggedPdfTests
{
    static readonly Lazy<TypesetResult> Sample = new(() => new Typesetter(TestFonts.Library).Typeset(SampleDocuments.Brief(TestFonts.Theme)));

    const string ChartAlt = "국가별 주목할 만한 AI 모델 수(2024년, 개): 미국 40개, 중국 15개, 프랑스 3개, 한국 1개, 캐나다 1개, 이스라엘 1개";

    [Fact]
    public void Frames_hold_the_structure_in_reading_order_with_page_furniture_as_artifacts()
    {
        var result = Sample.Value;
        var roles = new List<StructRole>();
        void Walk(StructNode node) { roles.Add(node.Role); foreach (var kid in node.Kids.OfType<StructNode>()) Walk(kid); }
        Walk(result.Structure);

        Assert.Equal(StructRole.Document, roles[0]);
        Assert.Equal([StructRole.H1, StructRole.H2, StructRole.H1, StructRole.H2, StructRole.H1, StructRole.H2],
            roles.Where(r => r is StructRole.H1 or StructRole.H2));
        // Three charts with their alt text, one table (its header read once), a table of contents of six entries.
        Assert.Equal(3, roles.Count(r => r == StructRole.Figure));
        Assert.Equal(1, roles.Count(r => r == StructRole.Table));
        Assert.Equal(4, roles.Count(r => r == StructRole.TH));
        Assert.Equal(6, roles.Count(r => r == StructRole.TOCI));
        // Bullets: three in the summary box (one nested), four per section; each an LI with Lbl and LBody.
        Assert.Equal(15, roles.Count(r => r == StructRole.LI));
        Assert.Equal(15, roles.Count(r => r == StructRole.Lbl));
        // Page 2 on: running header and page number are artifacts; the cover has neither.
        Assert.DoesNotContain(result.Pages[0].Blocks, b => b.Artifact is ArtifactKind.Header or ArtifactKind.Footer);
        Assert.All(result.Pages.Skip(1), page =>
        {
            Assert.Contains(page.Blocks, b => b.Artifact == ArtifactKind.Header);
            Assert.Contains(page.Blocks, b => b.Artifact == ArtifactKind.Footer);
        });
        // The long table continues on later pages: its header rows there are pagination artifacts.
        Assert.Contains(result.Pages.SelectMany(p => p.Blocks), b => b.Artifact == ArtifactKind.Pagination);
    }

    [PdfToolFact("qpdf")]
    public void The_pdf_passes_the_structure_checks()
    {
        var report = TaggedPdfChecker.Check(Sample.Value.Pdf);

        Assert.True(report.Failures.Count == 0, report.ToString());
        Assert.Equal(Sample.Value.PageCount, report.Pages);
        Assert.Equal([ChartAlt, ChartAlt, ChartAlt], report.FigureAlts);
        Assert.Equal(4, report.Count("TH"));
        Assert.Equal(6, report.Count("TOCI"));
        Assert.Equal(3, report.Count("H1"));
        Assert.Equal(3, report.Count("H2")); // the summary box title and "목 차" are paragraphs styled as headings
        Assert.True(report.Artifacts >= 2 * (report.Pages - 1), $"{report.Artifacts} artifacts on {report.Pages} pages");
        Assert.Contains("<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">AI 인덱스 2025 주요 내용과 한국에의 시사점</rdf:li>", report.Xmp);
    }

    [PdfToolFact("qpdf")]
    public void Two_faces_from_one_font_file_embed_outlines_too()
    {
        // The finisher puts each real subset in place of the outline-free copy Skia drew with, found by PostScript name;
        // two faces with the same name (one file for two weights) are drawn and embedded by Skia as they are.
        var regular = Path.Combine(TestFonts.FontDirectory, "Pretendard-Regular.ttf");
        using var fonts = new FontLibrary()
            .Add("Pretendard", SKFontStyleWeight.Normal, regular)
            .Add("Pretendard", SKFontStyleWeight.Bold, regular, sourceName: "bold.ttf")
            .Add("Pretendard", SKFontStyleWeight.SemiBold, Path.Combine(TestFonts.FontDirectory, "Pretendard-SemiBold.ttf"))
            .Add("NanumGothic", SKFontStyleWeight.Normal, Path.Combine(TestFonts.FontDirectory, "NanumGothic.ttf"));
        var document = new Document(TestFonts.Theme)
            {
                Metadata = new DocumentMetadata { Title = "한 파일 두 굵기", CreatedUtc = new DateTime(2025, 4, 16, 0, 0, 0, DateTimeKind.Utc) },
            }
            .Add(new Heading(1, new TextSpan("굵은 제목")))
            .Add(new Paragraph(new TextSpan("보통 글자와 "), new TextSpan("굵은 글자") { Weight = SKFontStyleWeight.Bold }, new TextSpan("가 함께 있음")));

        var pdf = new Typesetter(fonts).Typeset(document).Pdf;

        var report = TaggedPdfChecker.Check(pdf);
        Assert.True(report.Failures.Count == 0, report.ToString());
        using var read = PdfDocument.Open(pdf);
        Assert.Contains("보통 글자와 굵은 글자가 함께 있음", string.Concat(read.GetPage(1).Letters.Select(l => l.Value)));
    }

    [PdfToolFact("qpdf")]
    public void Qpdf_finds_no_errors()
    {
        var (exitCode, output) = PdfTools.QpdfCheck(Sample.Value.Pdf);
        Assert.True(exitCode == 0, output);
        Assert.Contains("No syntax or stream encoding errors found", output);
    }

    [PdfToolFact("pdfcpu")]
    public void Pdfcpu_validates_the_file_in_strict_mode()
    {
        var (valid, output) = PdfTools.PdfcpuValidate(Sample.Value.Pdf);
        Assert.True(valid, output);
    }

    [PdfToolFact("pdfjs")]
    public void Pdfjs_reads_headings_lists_tables_and_figures_in_order()
    {
        var reading = PdfTools.PdfjsRead(Sample.Value.Pdf);
        var elements = reading.Elements();

        Assert.Equal("ko-KR", reading.Language);
        Assert.Equal("AI 인덱스 2025 주요 내용과 한국에의 시사점", reading.Title);
        // Page 3 (the first section): heading, paragraph, heading, a list of four nested items, then the figure.
        var section = elements.SkipWhile(e => e.Text != "1. 개요").ToList();
        Assert.Equal(("H1", "1. 개요"), (section[0].Role, section[0].Text));
        Assert.Equal(("H2", "1.1 투자와 모델"), (section[2].Role, section[2].Text));
        Assert.Equal("L", section[3].Role);
        Assert.Equal(["□", "○", "-", "※"], section.Where(e => e.Role == "Lbl").Take(4).Select(e => e.Text));
        var figure = section.First(e => e.Role == "Figure");
        Assert.Equal(ChartAlt, figure.Alt);
        Assert.Equal("[그림 1] 국가별 주목할 만한 AI 모델 수(2024년)", section.First(e => e.Role == "Caption").Text);
        // The table: its header cells (read once: pdf.js lists the header on later pages too, without its text), then the first row.
        var table = elements.SkipWhile(e => e.Role != "Table").ToList();
        Assert.Equal(["국가", "모델 수(개)", "투자(억 달러)", "증가율(%)"], table.Where(e => e.Role == "TH" && e.Text.Length > 0).Select(e => e.Text));
        Assert.Equal(["미국", "40", "1,091.3", "29.6"], table.Where(e => e.Role == "TD").Take(4).Select(e => e.Text));
        // The words of a body paragraph come back as written, line ends included.
        var paragraph = PdfjsReading.Fold(SampleDocuments.BodyParagraph(1, 5).PlainText);
        Assert.Contains(elements, e => e.Role == "P" && e.Text == paragraph);
        // Table of contents entries are links.
        Assert.Equal("1. 개요 3", elements.First(e => e.Role == "TOCI").Text);
        Assert.Equal("Link", elements.SkipWhile(e => e.Role != "TOCI").Skip(1).First().Role);
    }

    [Fact]
    public void A_line_that_breaks_at_a_space_keeps_the_space_for_readers()
    {
        var text = string.Join(" ", SampleDocuments.Sentences);
        var result = new Typesetter(TestFonts.Library).Typeset(new Document(TestFonts.Theme).Add(new Paragraph(text)));

        using var pdf = PdfDocument.Open(result.Pdf);
        var letters = pdf.GetPage(1).Letters;
        var lines = letters.GroupBy(l => Math.Round(l.StartBaseLine.Y)).OrderByDescending(g => g.Key).ToList();
        Assert.True(lines.Count >= 5);
        // Every line but the last ends with the space it broke at, so "로 전년" never reads "로전년".
        Assert.All(lines.SkipLast(1), line => Assert.Equal(" ", line.OrderBy(l => l.StartBaseLine.X).Last().Value));
        Assert.NotEqual(" ", lines[^1].OrderBy(l => l.StartBaseLine.X).Last().Value);
    }

    [PdfToolFact("qpdf")]
    public void A_plain_pdf_has_no_structure_and_claims_no_standard()
    {
        var document = SampleDocuments.Brief(TestFonts.Theme, sections: 1, tableRows: 3);
        var plain = new Document(TestFonts.Theme) { Page = document.Page, Metadata = document.Metadata with { Standard = PdfStandard.None } }
            .AddRange(document.Content);
        var report = TaggedPdfChecker.Check(new Typesetter(TestFonts.Library).Typeset(plain).Pdf);

        Assert.Contains("no /StructTreeRoot (untagged)", report.Failures);
        Assert.Contains("no /OutputIntents (PDF/A)", report.Failures);
        Assert.Contains("XMP has no pdfuaid:part 1", report.Failures);
        Assert.Contains("XMP has no pdfaid:part 2", report.Failures);
        Assert.Contains(report.Failures, f => f.StartsWith("page 1: ") && f.EndsWith("painting operator(s) outside marked content (neither tagged nor artifact)"));
        Assert.Equal(PdfStandard.None, PdfStandards.Parse("none"));
        Assert.Equal(PdfStandard.Ua1A2a, PdfStandards.Parse("ua1+a2a"));
        Assert.Null(PdfStandards.Parse("pdf/x"));
    }

    [Fact]
    public void Same_document_gives_the_same_bytes_in_any_culture_and_in_parallel()
    {
        var first = Sample.Value.Pdf;
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("th-TH");
            var inThai = new Typesetter(TestFonts.Library).Typeset(SampleDocuments.Brief(TestFonts.Theme)).Pdf;
            Assert.Equal(first, inThai);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
        var parallel = Enumerable.Range(0, 4).AsParallel()
            .Select(_ => new Typesetter(TestFonts.Library).Typeset(SampleDocuments.Brief(TestFonts.Theme)).Pdf).ToList();
        Assert.All(parallel, pdf => Assert.Equal(first, pdf));
    }

    [Fact]
    public void Every_frame_block_names_the_element_that_drew_it()
    {
        var paragraph = new Paragraph("출처가 있는 문단") { Source = "templates/brief/01-개요.md.sbn:3" };
        var result = new Typesetter(TestFonts.Library).Typeset(new Document(TestFonts.Theme).Add(paragraph));

        var block = Assert.Single(result.Pages[0].Blocks);
        Assert.Same(paragraph, block.Element);
        Assert.Equal("templates/brief/01-개요.md.sbn:3", block.Element!.Source);
        Assert.Equal(StructRole.P, block.Node!.Role);
        Assert.Equal("출처가 있는 문단", string.Concat(block.Items.OfType<GlyphRunItem>().Select(r => r.Text)));
    }
}

/// <summary>Switches the process time zone, so it runs alone: no other test may observe the switch.</summary>
[CollectionDefinition(nameof(TimeZoneSwitching), DisableParallelization = true)]
public sealed class TimeZoneSwitching;

[Collection(nameof(TimeZoneSwitching))]
public sealed class TaggedPdfTimeZoneTests
{
    [Fact]
    public void Output_is_byte_identical_in_Seoul_and_in_UTC()
    {
        var inUtc = InTimeZone("UTC", () => new Typesetter(TestFonts.Library).Typeset(SampleDocuments.Brief(TestFonts.Theme, sections: 1, tableRows: 3)).Pdf);
        var inSeoul = InTimeZone("Asia/Seoul", () =>
        {
            Assert.Equal(TimeSpan.FromHours(9), TimeZoneInfo.Local.BaseUtcOffset); // the switch took effect
            return new Typesetter(TestFonts.Library).Typeset(SampleDocuments.Brief(TestFonts.Theme, sections: 1, tableRows: 3)).Pdf;
        });
        Assert.Equal(inUtc, inSeoul);
        using var pdf = PdfDocument.Open(inSeoul);
        Assert.Equal("D:20250416000000+00'00'", pdf.Information.CreationDate);
    }

    static T InTimeZone<T>(string zone, Func<T> action)
    {
        var previous = Environment.GetEnvironmentVariable("TZ");
        try
        {
            Environment.SetEnvironmentVariable("TZ", zone);
            TimeZoneInfo.ClearCachedData();
            return action();
        }
        finally
        {
            Environment.SetEnvironmentVariable("TZ", previous);
            TimeZoneInfo.ClearCachedData();
        }
    }
}
