using System.Diagnostics;
using AiIndexReports.Typesetting.Elements;
using AiIndexReports.Typesetting.Text;
using UglyToad.PdfPig;

namespace AiIndexReports.Typesetting.Tests;

public class DocumentLayoutTests
{
    static TypesetResult Typeset(params Element[] content) =>
        new Typesetter(TestFonts.Library).Typeset(new Document(TestFonts.Theme).AddRange(content));

    [Fact]
    public void A_table_longer_than_a_page_repeats_its_header_on_every_page()
    {
        var result = Typeset(SampleDocuments.CountryTable(120));

        using var pdf = PdfDocument.Open(result.Pdf);
        Assert.InRange(pdf.NumberOfPages, 3, 5);
        foreach (var page in pdf.GetPages())
        {
            var words = page.GetWords().Select(w => w.Text).ToList();
            Assert.Equal(["국가", "모델", "수(개)", "투자(억", "달러)", "증가율(%)"], words.Take(6));
        }
        var allRows = pdf.GetPages().SelectMany(p => p.GetWords()).Count(w => w.Text == "미국" || w.Text == "중국");
        Assert.Equal(24, allRows); // every row once: no row lost or duplicated at page breaks
    }

    [Fact]
    public void A_heading_never_sits_alone_at_the_bottom_of_a_page()
    {
        // Push the heading down the page in small steps; wherever it lands, the next paragraph's first line is on its page.
        for (var filler = 560f; filler <= 740f; filler += 6f)
        {
            var heading = new Heading(2, "2.1 주요 동향");
            var result = Typeset(new Spacer(filler), heading, new Paragraph("첫줄단어 " + SampleDocuments.Sentences[0]));

            using var pdf = PdfDocument.Open(result.Pdf);
            var headingPage = result.Headings.Single().PageIndex;
            var words = pdf.GetPage(headingPage + 1).GetWords().Select(w => w.Text).ToList();
            Assert.Contains("첫줄단어", words);
        }
    }

    [Fact]
    public void A_three_hundred_page_document_paginates_to_the_end()
    {
        var content = Enumerable.Range(0, 3000).Select(i => (Element)(i % 50 == 0
            ? new Heading(1, $"{i / 50 + 1}. 장 제목") { AnchorId = $"ch-{i / 50 + 1}" }
            : SampleDocuments.BodyParagraph(i, 3))).Append(new Paragraph("문서의 마지막 문장."));
        var result = Typeset([.. content]);

        Assert.InRange(result.PageCount, 300, 420);
        using var pdf = PdfDocument.Open(result.Pdf);
        Assert.EndsWith("문서의 마지막 문장.", pdf.GetPage(pdf.NumberOfPages).Text);
        Assert.Equal(60, result.AnchorPages.Count);
        Assert.Equal(result.AnchorPages.Values.Order(), result.Headings.Select(h => h.PageIndex));
    }

    [Fact]
    public void Two_builds_of_the_same_document_are_byte_identical()
    {
        using var otherFonts = TestFonts.Load(); // a fresh library: no state carried over through caches
        var first = new Typesetter(TestFonts.Library).Typeset(SampleDocuments.Brief(TestFonts.Theme)).Pdf;
        var second = new Typesetter(otherFonts).Typeset(SampleDocuments.Brief(TestFonts.Theme)).Pdf;
        Assert.Equal(first, second);
    }

    [ToolFact("qpdf")]
    public void Qpdf_finds_the_pdf_valid()
    {
        var (exitCode, output) = PdfCoreTestSupport.RunTool("qpdf",
            new Typesetter(TestFonts.Library).Typeset(SampleDocuments.Brief(TestFonts.Theme)).Pdf, "--check");
        Assert.True(exitCode == 0, output);
        Assert.Contains("No syntax or stream encoding errors", output);
    }

    [Fact]
    public void An_image_taller_than_the_page_is_a_layout_error_naming_it_and_its_size()
    {
        var png = SkiaSharp.SKImage.Create(new SkiaSharp.SKImageInfo(100, 400)).Encode(SkiaSharp.SKEncodedImageFormat.Png, 100).ToArray();
        var image = new Image(png, "big-chart.png") { Width = 300 };

        var error = Assert.Throws<LayoutException>(() => Typeset(new Paragraph("앞 문단"), image));
        Assert.Contains("Image 'big-chart.png' 300×1200 pt", error.Message);
        Assert.Contains("does not fit even on an empty page", error.Message);
    }

    [Fact]
    public void A_character_no_font_has_is_reported_with_code_point_and_text()
    {
        var error = Assert.Throws<MissingGlyphsException>(() => Typeset(new Paragraph("지원 기호 ⛄ 포함"), new Paragraph("괜찮음")));
        var missing = Assert.Single(error.Missing);
        Assert.Equal(0x26C4, missing.CodePoint);
        Assert.Equal("지원 기호 ⛄ 포함", missing.Text);
        Assert.Contains("U+26C4", error.Message);
    }

    [Fact]
    public void A_missing_font_file_is_an_error_naming_the_path()
    {
        var error = Assert.Throws<FontLoadException>(() => new Fonts.FontLibrary().Add("X", SkiaSharp.SKFontStyleWeight.Normal, "/no/such/dir/Missing.ttf"));
        Assert.Equal("/no/such/dir/Missing.ttf: cannot load font: file not found", error.Message);
    }

    [Fact]
    public void A_file_that_is_not_a_font_is_an_error_naming_the_path()
    {
        var path = Path.Combine(TestFonts.FontDirectory, "README.md");
        var error = Assert.Throws<FontLoadException>(() => new Fonts.FontLibrary().Add("X", SkiaSharp.SKFontStyleWeight.Normal, path));
        Assert.Equal($"{path}: cannot load font: not a TrueType font file", error.Message);
    }

    [Fact]
    public void Canvas_callback_is_called_once_per_drawn_page_and_never_in_the_layout_pass()
    {
        var calls = 0;
        var canvas = new CanvasElement(100, (_, size, fonts) =>
        {
            calls++;
            Assert.Equal(100, size.Height);
            Assert.NotNull(fonts.GetTypeface("Pretendard", SkiaSharp.SKFontStyleWeight.Normal));
        }) { Texts = ["미국"] };
        var result = Typeset(new Paragraph("그림 앞"), canvas);
        Assert.Equal(1, calls);
        result.RenderPng(0, 30);
        Assert.Equal(2, calls);
    }

    [Fact]
    public void A_paragraph_does_not_leave_a_single_line_at_the_bottom_of_a_page()
    {
        // Body area 717.9 pt − 670 pt spacer − 23.3 pt for "위 문단" and spacing leaves 24.6 pt: room for one
        // body line (17.3 pt) but not two, so the paragraph moves to the next page as a whole.
        var paragraph = new Paragraph("첫줄단어 " + string.Join(" ", SampleDocuments.Sentences));
        var result = Typeset(new Spacer(670), new Paragraph("위 문단"), paragraph);

        using var pdf = PdfDocument.Open(result.Pdf);
        Assert.Equal(2, pdf.NumberOfPages);
        Assert.DoesNotContain("첫줄단어", pdf.GetPage(1).GetWords().Select(w => w.Text));
        Assert.Contains("첫줄단어", pdf.GetPage(2).GetWords().Select(w => w.Text));
    }

    [Fact]
    public void A_figure_that_does_not_fit_moves_whole_to_the_next_page()
    {
        var figure = new Figure("[그림 1] 국가별 모델 수", SampleDocuments.BarChart("차트", 200)) { Notes = ["자료: 시험"] };
        var result = Typeset(new Spacer(560), new Paragraph("앞 문단"), figure);

        using var pdf = PdfDocument.Open(result.Pdf);
        Assert.Equal(2, pdf.NumberOfPages);
        Assert.Equal(["앞", "문단"], pdf.GetPage(1).GetWords().Select(w => w.Text));
        var second = pdf.GetPage(2).GetWords().Select(w => w.Text).ToList();
        Assert.Equal(["[그림", "1]", "국가별", "모델", "수", "차트"], second.Take(6));
        Assert.Equal(["자료:", "시험"], second.TakeLast(2));
    }

    [Fact]
    public void Table_of_contents_shows_the_page_of_each_heading()
    {
        var result = new Typesetter(TestFonts.Library).Typeset(SampleDocuments.Brief(TestFonts.Theme));

        using var pdf = PdfDocument.Open(result.Pdf);
        var toc = pdf.GetPage(2).GetWords().Select(w => w.Text).SkipWhile(w => w != "차").Skip(1).TakeWhile(w => w != "-").ToList();
        Assert.Equal(["1.", "개요", "3", "1.1", "투자와", "모델", "3", "2.", "주요", "동향", "4", "2.1", "투자와", "모델", "4", "3.", "시사점", "6", "3.1", "투자와", "모델", "6"], toc);
        Assert.Equal([2, 2, 3, 3, 5, 5], result.Headings.Select(h => h.PageIndex));
        Assert.Equal(6, pdf.GetPage(2).GetAnnotations().Count(a => a.Type == UglyToad.PdfPig.Annotations.AnnotationType.Link));
    }

    [Fact]
    public void Pages_render_to_png_at_the_requested_resolution()
    {
        var result = Typeset(new Paragraph("미리보기"));
        using var bitmap = SkiaSharp.SKBitmap.Decode(result.RenderPng(0, 144));
        Assert.Equal(1191, bitmap.Width);  // 595.28 pt × 2
        Assert.Equal(1684, bitmap.Height); // 841.89 pt × 2
        Assert.Throws<ArgumentOutOfRangeException>(() => result.RenderPng(1, 72));
    }

    [Fact]
    public void All_pages_render_in_one_pass_and_match_single_page_renders()
    {
        var calls = 0;
        var canvas = new CanvasElement(100, (_, _, _) => calls++) { Texts = ["미국"] };
        var result = Typeset(new Paragraph("첫 쪽"), new PageBreak(), new Paragraph("둘째 쪽"), canvas);
        calls = 0;

        var pages = result.RenderAllPng(36);

        Assert.Equal(2, pages.Count);
        Assert.Equal(1, calls); // the canvas on page 2 is drawn once, not once per rendered page
        Assert.Equal(result.RenderPng(0, 36), pages[0]);
        Assert.Equal(result.RenderPng(1, 36), pages[1]);
    }

    [Fact]
    public void Links_to_missing_anchors_and_duplicate_anchors_are_errors()
    {
        var error = Assert.Throws<TypesettingException>(() => Typeset(
            new Heading(1, "1. 개요") { AnchorId = "sec-1" },
            new Heading(1, "2. 현황") { AnchorId = "sec-1" },
            new Paragraph("자세한 내용은 ", new TextSpan("3장") { LinkAnchor = "sec-3" }, " 참고")));
        Assert.Equal(
            "anchor id 'sec-1' is used by 2 headings: \"1. 개요\", \"2. 현황\"" + Environment.NewLine +
            "link \"3장\" in \"자세한 내용은 3장 참고\" points at anchor 'sec-3', which no heading has",
            error.Message);
    }

    [Fact]
    public void Space_before_a_heading_is_dropped_at_the_top_of_a_page()
    {
        var noSpace = TestFonts.Theme.Heading(1) with { SpaceBefore = 0 };
        var result = Typeset(new Paragraph("기준선") { Style = noSpace }, new PageBreak(), new Heading(1, "제목줄"), new Paragraph("본문"), new Heading(1, "중간제목"));

        using var pdf = PdfDocument.Open(result.Pdf);
        double Baseline(int page, string word) => pdf.GetPage(page).GetWords().Single(w => w.Text == word).Letters[0].StartBaseLine.Y;
        Assert.Equal(Baseline(1, "기준선"), Baseline(2, "제목줄"), 0.01);
        // Mid-page the heading keeps its 16 pt space before: the gap above it is larger than a plain paragraph break.
        Assert.True(Baseline(2, "본문") - Baseline(2, "중간제목") > 16 + 17.3, "space before a mid-page heading");
    }
}
