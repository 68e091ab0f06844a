using AiIndexReports.Typesetting.Elements;
using System.Text.RegularExpressions;
using AiIndexReports.Typesetting.Text;
using SkiaSharp;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Annotations;

namespace AiIndexReports.Typesetting.Tests;

public class PdfReadBackTests
{
    static TypesetResult Typeset(params Element[] content)
    {
        var document = new Document(TestFonts.Theme) { Metadata = new DocumentMetadata { Title = "시험 문서" } };
        document.AddRange(content);
        return new Typesetter(TestFonts.Library).Typeset(document);
    }

    [Fact]
    public void Korean_paragraph_comes_back_with_its_word_spaces()
    {
        var result = Typeset(new Paragraph("인공지능 모델의 학습 비용은 2024년에 약 1,091억 달러로 전년 대비 29.6% 증가하였다."));

        using var pdf = PdfDocument.Open(result.Pdf);
        Assert.Equal(1, pdf.NumberOfPages);
        var words = pdf.GetPage(1).GetWords().Select(w => w.Text).ToArray();
        Assert.Equal(["인공지능", "모델의", "학습", "비용은", "2024년에", "약", "1,091억", "달러로", "전년", "대비", "29.6%", "증가하였다."], words);
    }

    [Fact]
    public void Contextual_and_tabular_glyphs_extract_as_their_characters()
    {
        var table = new Table(Width.Relative(1), Width.Relative(1)).Header("모델", "값").Row("GPT-3.5", new TableCell("1,091.3", TextAlign.Right));
        var result = Typeset(new Paragraph("<표 2> 자료: GPT-4o 기준"), table);

        using var pdf = PdfDocument.Open(result.Pdf);
        var words = pdf.GetPage(1).GetWords().Select(w => w.Text).ToArray();
        Assert.Equal(["<표", "2>", "자료:", "GPT-4o", "기준", "모델", "값", "GPT-3.5", "1,091.3"], words);
    }

    [Fact]
    public void Justified_multi_line_paragraph_keeps_every_word_space()
    {
        var text = string.Join(" ", SampleDocuments.Sentences);
        var result = Typeset(new Paragraph(text));

        using var pdf = PdfDocument.Open(result.Pdf);
        var words = pdf.GetPage(1).GetWords().Select(w => w.Text).ToArray();
        Assert.Equal(text.Split(' '), words);
    }

    // A narrow column where justification spaces syllables out to their ceiling (0.08 em): the words must still
    // come back whole, since pdftotext starts a new word at a gap of 0.1 em.
    const string SpacedOut = "초거대인공지능 2030년반도체센터 인프라투자확대방안 마련 필요성 제기";

    static byte[] SpacedOutPdf() => Typeset(new Row().Fixed(200, new Paragraph(SpacedOut))).Pdf;

    [Fact]
    public void Space_between_syllables_at_its_ceiling_keeps_words_whole_for_PdfPig()
    {
        using var pdf = PdfDocument.Open(SpacedOutPdf());
        var words = pdf.GetPage(1).GetWords().ToList();
        Assert.Equal(SpacedOut.Split(' '), words.Select(w => w.Text));
        var gaps = words.SelectMany(w => w.Letters.Zip(w.Letters.Skip(1), (a, b) => (Pair: a.Value + b.Value, Gap: b.StartBaseLine.X - a.EndBaseLine.X))).ToList();
        Assert.InRange(gaps.Max(g => g.Gap), 0.075 * 10.5, 0.081 * 10.5);
        Assert.InRange(gaps.Single(g => g.Pair == "0년").Gap, 0.075 * 10.5, 0.081 * 10.5);
    }

    [ToolFact("pdftotext")]
    public void Space_between_syllables_at_its_ceiling_keeps_words_whole_for_pdftotext()
    {
        var pdf = SpacedOutPdf();
        foreach (var mode in new[] { "-raw", "-layout" })
            Assert.Equal(SpacedOut.Split(' '), PdfCoreTestSupport.PdfToText(pdf, mode).Split((char[])[' ', '\n', '\f'], StringSplitOptions.RemoveEmptyEntries));
        var boxed = Regex.Matches(PdfCoreTestSupport.PdfToText(pdf, "-bbox"), "<word [^>]*>(.*?)</word>").Select(m => m.Groups[1].Value);
        Assert.Equal(SpacedOut.Split(' '), boxed);
    }

    [Fact]
    public void Hanja_falls_back_to_nanum_gothic_within_a_word()
    {
        var result = Typeset(new Paragraph("韓AI 시사점"));

        using var pdf = PdfDocument.Open(result.Pdf);
        var letters = pdf.GetPage(1).Letters;
        Assert.Equal("韓AI 시사점", pdf.GetPage(1).Text);
        Assert.EndsWith("+NanumGothic", letters.Single(l => l.Value == "韓").FontName);
        Assert.EndsWith("+Pretendard-Regular", letters.Single(l => l.Value == "A").FontName);
    }

    [Fact]
    public void Fonts_are_embedded_as_subsets()
    {
        var result = Typeset(new Paragraph("글꼴 부분 집합 ", new TextSpan("굵게") { Weight = SKFontStyleWeight.Bold }));

        using var pdf = PdfDocument.Open(result.Pdf);
        var fontNames = pdf.GetPage(1).Letters.Select(l => l.FontName).Distinct().Order().ToArray();
        Assert.Equal(2, fontNames.Length);
        Assert.All(fontNames, name => Assert.Matches(new Regex("^[A-Z]{6}\\+Pretendard-(Regular|Bold)$"), name));
        // Whole Pretendard faces are 2.6 MB each; subsets of a dozen glyphs are a few kilobytes.
        Assert.InRange(result.Pdf.Length, 1_000, 60_000);
    }

    [Fact]
    public void Url_and_internal_links_become_link_annotations()
    {
        var result = Typeset(
            new Heading(1, "1. 개요") { AnchorId = "sec-1" },
            new Paragraph("출처는 ", new TextSpan("AI Index") { LinkUrl = "https://hai.stanford.edu/ai-index" }, ", 본문은 ", new TextSpan("1장") { LinkAnchor = "sec-1" }, " 참고."));

        using var pdf = PdfDocument.Open(result.Pdf);
        var links = pdf.GetPage(1).GetAnnotations().Where(a => a.Type == AnnotationType.Link).ToList();
        Assert.Equal(2, links.Count);
        Assert.Equal("https://hai.stanford.edu/ai-index", Assert.Single(pdf.GetPage(1).GetHyperlinks()).Uri);
        Assert.Contains(links, l => l.AnnotationDictionary.ContainsKey(UglyToad.PdfPig.Tokens.NameToken.Dest));
    }

    [Fact]
    public void Outline_matches_the_headings_and_language_is_korean()
    {
        var result = Typeset(
            new Heading(1, "1. 개요"), new Paragraph("본문"), new PageBreak(),
            new Heading(2, "1.1 세부"), new Heading(1, "2. 시사점") { InOutline = true }, new Paragraph("끝"));

        using var pdf = PdfDocument.Open(result.Pdf);
        Assert.True(pdf.TryGetBookmarks(out var bookmarks));
        var roots = bookmarks.Roots;
        Assert.Equal(["1. 개요", "2. 시사점"], roots.Select(b => b.Title));
        Assert.Equal(["1.1 세부"], roots[0].Children.Select(b => b.Title));
        Assert.Equal("ko-KR", ((UglyToad.PdfPig.Tokens.StringToken)pdf.Structure.Catalog.CatalogDictionary.Data["Lang"]).Data);
    }

    [Fact]
    public void Table_digits_are_tabular_so_numbers_line_up()
    {
        var table = new Table(Width.Relative(1), Width.Relative(1))
            .Row("가", new TableCell("1,111.1", TextAlign.Right))
            .Row("나", new TableCell("8,888.8", TextAlign.Right));
        var result = Typeset(table, new Paragraph("1,111.1") { Align = TextAlign.Right }, new Paragraph("8,888.8") { Align = TextAlign.Right });

        using var pdf = PdfDocument.Open(result.Pdf);
        var numbers = pdf.GetPage(1).GetWords().Where(w => w.Text.Contains(',')).ToList();
        Assert.Equal(["1,111.1", "8,888.8", "1,111.1", "8,888.8"], numbers.Select(w => w.Text));
        // In the table (tnum) each digit sits in the same column; in body text (proportional) '1' is narrower than '8'.
        var tableOnes = numbers[0].Letters.Select(l => l.Location.X).ToList();
        var tableEights = numbers[1].Letters.Select(l => l.Location.X).ToList();
        Assert.All(tableOnes.Zip(tableEights), p => Assert.InRange(p.First - p.Second, -1.5, 1.5));
        Assert.True(numbers[2].Letters[0].Location.X - numbers[3].Letters[0].Location.X > 3, "body digits stay proportional");
    }

    [Fact]
    public void Png_images_are_embedded()
    {
        using var bitmap = new SKBitmap(40, 20);
        bitmap.Erase(SKColors.SteelBlue);
        using var image = SKImage.FromBitmap(bitmap);
        var png = image.Encode(SKEncodedImageFormat.Png, 100).ToArray();

        var result = Typeset(new Paragraph("그림"), new Image(png) { Width = 200 });

        using var pdf = PdfDocument.Open(result.Pdf);
        var embedded = Assert.Single(pdf.GetPage(1).GetImages());
        Assert.Equal(40, embedded.WidthInSamples);
        Assert.Equal(200, embedded.BoundingBox.Width, 1);
        Assert.Equal(100, embedded.BoundingBox.Height, 1);
    }

    [Fact]
    public void Fonts_load_from_streams_too()
    {
        using var stream = File.OpenRead(Path.Combine(TestFonts.FontDirectory, "Pretendard-Regular.ttf"));
        using var fonts = new Fonts.FontLibrary().Add("Body", SKFontStyleWeight.Normal, stream, "Pretendard-Regular.ttf (stream)");
        var document = new Document(Theme.Create("Body")).Add(new Paragraph("스트림 글꼴"));

        using var pdf = PdfDocument.Open(new Typesetter(fonts).Typeset(document).Pdf);
        Assert.Equal("스트림 글꼴", pdf.GetPage(1).Text);
    }
}
