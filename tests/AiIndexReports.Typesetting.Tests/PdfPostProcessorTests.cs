using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using AiIndexReports.Typesetting.Fonts;
using AiIndexReports.Typesetting.Pdf;
using SkiaSharp;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Actions;
using UglyToad.PdfPig.Annotations;
using UglyToad.PdfPig.Outline;
using UglyToad.PdfPig.Tokens;
using static AiIndexReports.Typesetting.Tests.PdfCoreTestSupport;

namespace AiIndexReports.Typesetting.Tests;

public sealed class PdfPostProcessorTests
{
    private const string Sentence = "한국은 2024년 주목할 만한 AI 모델 1개를 발표";

    private static readonly PdfOutlineEntry[] Outline =
    [
        new("1. 개요", 0, 1),
        new("가. 배경", 0, 2),
        new("나. 韓·美 비교", 1, 2),
        new("2. 시사점", 2, 1),
    ];

    private static readonly PdfPostProcessOptions Options = new(Outline, "ko-KR", FixedUtc, "brief-2025");

    [Fact]
    public void Outline_has_the_Korean_titles_nested_by_level_on_their_pages()
    {
        using var document = PdfDocument.Open(PdfPostProcessor.Apply(SkiaInput(), Options));

        Assert.True(document.TryGetBookmarks(out var bookmarks));
        var roots = bookmarks.Roots.Cast<DocumentBookmarkNode>().ToList();
        Assert.Equal(["1. 개요", "2. 시사점"], roots.Select(r => r.Title));
        Assert.Equal([1, 3], roots.Select(r => r.PageNumber));
        var children = roots[0].Children.Cast<DocumentBookmarkNode>().ToList();
        Assert.Equal(["가. 배경", "나. 韓·美 비교"], children.Select(c => c.Title));
        Assert.Equal([1, 2], children.Select(c => c.PageNumber));
        Assert.Empty(roots[1].Children);
    }

    [Fact]
    public void Catalog_gets_the_language_and_opens_with_the_outline()
    {
        using var document = PdfDocument.Open(PdfPostProcessor.Apply(SkiaInput(), Options));

        var catalog = document.Structure.Catalog.CatalogDictionary;
        Assert.Equal("ko-KR", ((StringToken)catalog.Data["Lang"]).Data);
        Assert.Equal("UseOutlines", ((NameToken)catalog.Data["PageMode"]).Data);
    }

    [Fact]
    public void Without_an_outline_there_are_no_bookmarks_but_the_language_is_set()
    {
        using var document = PdfDocument.Open(PdfPostProcessor.Apply(SkiaInput(), Options with { Outline = [] }));

        var catalog = document.Structure.Catalog.CatalogDictionary;
        Assert.Equal("ko-KR", ((StringToken)catalog.Data["Lang"]).Data);
        Assert.False(catalog.ContainsKey(NameToken.Create("Outlines")));
        Assert.False(catalog.ContainsKey(NameToken.Create("PageMode")));
    }

    [Fact]
    public void Text_with_word_spaces_and_the_subset_font_survive()
    {
        using var document = PdfDocument.Open(PdfPostProcessor.Apply(SkiaInput(), Options));

        var page = document.GetPage(1);
        Assert.Equal(Sentence, page.Text);
        Assert.All(page.Letters, letter => Assert.Matches(new Regex("^[A-Z]{6}\\+NanumGothic$"), letter.FontName));
    }

    [Fact]
    public void Url_links_and_links_to_named_destinations_survive()
    {
        using var document = PdfDocument.Open(PdfPostProcessor.Apply(SkiaInput(), Options));

        var links = document.GetPage(1).GetAnnotations().Where(a => a.Type == AnnotationType.Link).ToList();
        Assert.Equal(2, links.Count);
        Assert.Equal("https://hai.stanford.edu/ai-index", Assert.IsType<UriAction>(links[0].Action).Uri);
        Assert.Equal(3, Assert.IsType<GoToAction>(links[1].Action).Destination.PageNumber); // /Dest /section-2 → page 3
        var destsReference = (IndirectReferenceToken)document.Structure.Catalog.CatalogDictionary.Data["Dests"];
        var dests = (DictionaryToken)document.Structure.TokenScanner.Get(destsReference.Data)!.Data;
        Assert.Equal(["section-2"], dests.Data.Keys);
    }

    [Fact]
    public void Producer_and_creator_stay_as_Skia_wrote_them_and_dates_are_pinned()
    {
        var output = PdfPostProcessor.Apply(SkiaInput(producer: "Skia/PDF m119"), Options);

        using var document = PdfDocument.Open(output);
        var info = document.Information;
        Assert.Equal("Skia/PDF m119", info.Producer);
        Assert.Equal("AiIndexReports 브리프 생성기", info.Creator);
        Assert.Equal("AI 인덱스 2025 주요 내용과 한국에의 시사점", info.Title);
        Assert.Equal("D:20250416000000+00'00'", info.CreationDate);
        Assert.Equal("D:20250416000000+00'00'", info.ModifiedDate);
        Assert.DoesNotContain("PDFsharp", Encoding.Latin1.GetString(output).Replace("% Created with PDFsharp", ""));
    }

    [Fact]
    public void A_producer_Skia_did_not_write_is_not_invented()
    {
        using var document = PdfDocument.Open(PdfPostProcessor.Apply(SkiaInput(producer: null), Options));

        Assert.Null(document.Information.Producer);
        Assert.Equal("AiIndexReports 브리프 생성기", document.Information.Creator);
    }

    [Fact]
    public void Xmp_metadata_agrees_with_the_info_dictionary_and_escapes_markup()
    {
        // Many '&' make the escaped XMP longer than PDFsharp's unescaped packet: the second pass must make room.
        var title = "R&D 투자 " + string.Concat(Enumerable.Repeat("A&B ", 150));
        var output = PdfPostProcessor.Apply(SkiaInput(title: title), Options);

        using var document = PdfDocument.Open(output);
        Assert.True(document.TryGetXmpMetadata(out var xmp));
        var xml = XDocument.Parse(Encoding.UTF8.GetString(xmp.GetXmlBytes())); // PdfPig's GetXDocument reads Latin-1
        string Value(string ns, string name) => xml.Descendants(XName.Get(name, ns)).Single().Value;
        Assert.Equal(title, Value("http://purl.org/dc/elements/1.1/", "title"));
        Assert.Equal("ko-KR", Value("http://purl.org/dc/elements/1.1/", "language"));
        Assert.Equal("Skia/PDF m119", Value("http://ns.adobe.com/pdf/1.3/", "Producer"));
        Assert.Equal("AiIndexReports 브리프 생성기", Value("http://ns.adobe.com/xap/1.0/", "CreatorTool"));
        Assert.Equal("2025-04-16T00:00:00Z", Value("http://ns.adobe.com/xap/1.0/", "CreateDate"));
        Assert.Equal(title, document.Information.Title);
    }

    [Fact]
    public void Both_file_ids_are_the_SHA256_of_seed_and_input()
    {
        var input = SkiaInput();
        var output = PdfPostProcessor.Apply(input, Options);

        var expected = Convert.ToHexString(SHA256.HashData([.. "brief-2025"u8, .. input])[..16]);
        Assert.Contains($"/ID[<{expected}><{expected}>]", Encoding.Latin1.GetString(output));
        Assert.NotEqual(output, PdfPostProcessor.Apply(input, Options with { DocumentIdSeed = "brief-2024" }));
    }

    [Fact]
    public void Two_runs_give_identical_bytes()
    {
        var input = SkiaInput();

        Assert.Equal(PdfPostProcessor.Apply(input, Options), PdfPostProcessor.Apply(input, Options));
    }

    [Fact]
    public void Output_grows_only_by_the_outline_and_metadata()
    {
        var input = SkiaInput();

        var output = PdfPostProcessor.Apply(input, Options);

        Assert.InRange(output.Length - input.Length, 1_000, 4_000); // Skia's Flate streams are copied, not re-encoded
    }

    [ToolFact("qpdf")]
    public void Qpdf_finds_no_errors()
    {
        var (exitCode, output) = RunTool("qpdf", PdfPostProcessor.Apply(SkiaInput(), Options), "--check");

        Assert.True(exitCode == 0, output);
        Assert.Contains("No syntax or stream encoding errors found", output);
    }

    [ToolFact("pdffonts")]
    public void Pdffonts_still_reports_an_embedded_subset_TrueType_font()
    {
        var (exitCode, output) = RunTool("pdffonts", PdfPostProcessor.Apply(SkiaInput(), Options));

        Assert.Equal(0, exitCode);
        Assert.Matches(new Regex("(?m)^[A-Z]{6}\\+NanumGothic +CID TrueType +Identity-H +yes yes yes "), output);
    }

    [Fact]
    public void An_outline_entry_past_the_last_page_is_rejected_with_its_title()
    {
        var options = Options with { Outline = [new("3. 결론", 7, 1)] };

        var error = Assert.Throws<ArgumentException>(() => PdfPostProcessor.Apply(SkiaInput(), options));

        Assert.StartsWith("Outline entry \"3. 결론\" points at page index 7, but the PDF has 3 page(s) (indexes 0–2).", error.Message);
    }

    [Fact]
    public void A_local_creation_time_is_rejected()
    {
        var options = Options with { CreationUtc = new DateTime(2025, 4, 16, 9, 0, 0, DateTimeKind.Local) };

        var error = Assert.Throws<ArgumentException>(() => PdfPostProcessor.Apply(SkiaInput(), options));

        Assert.StartsWith("CreationUtc must be DateTimeKind.Utc (it is written as the PDF's creation and modification date), got Local 2025-04-16 09:00:00.", error.Message);
    }

    [Fact]
    public void Bytes_that_are_not_a_PDF_are_rejected_naming_what_they_start_with()
    {
        var error = Assert.Throws<InvalidDataException>(() => PdfPostProcessor.Apply("PK\u0003\u0004 not a pdf"u8.ToArray(), Options));

        Assert.StartsWith("Not a PDF that PDFsharp can open (14 bytes starting with \"PK.. not\"): ", error.Message);
    }

    /// <summary>Three A4 pages drawn by Skia with a subset NanumGothic: a sentence, a URL link, a link to a named destination.</summary>
    internal static byte[] SkiaInput(string? producer = "Skia/PDF m119", string title = "AI 인덱스 2025 주요 내용과 한국에의 시사점")
    {
        var fontFile = FontBytes("NanumGothic.ttf");
        using var fullTypeface = SKTypeface.FromData(SKData.CreateCopy(fontFile));
        using var fullFont = new SKFont(fullTypeface, 12);
        var subset = FontSubsetter.Subset(fontFile, CodePoints(Sentence), fullFont.GetGlyphs(Sentence));
        using var typeface = SKTypeface.FromData(SKData.CreateCopy(subset));
        using var font = new SKFont(typeface, 12);
        using var paint = new SKPaint { Color = SKColors.Black };

        using var stream = new MemoryStream();
        var metadata = new SKDocumentPdfMetadata
        {
            Title = title, Creator = "AiIndexReports 브리프 생성기", Producer = producer, Creation = FixedUtc, Modified = FixedUtc,
        };
        using (var document = SKDocument.CreatePdf(stream, metadata))
        {
            var canvas = document.BeginPage(595, 842);
            canvas.DrawText(Sentence, 72, 100, font, paint);
            canvas.DrawUrlAnnotation(new SKRect(72, 200, 300, 220), "https://hai.stanford.edu/ai-index");
            canvas.DrawLinkDestinationAnnotation(new SKRect(72, 300, 300, 320), "section-2");
            document.EndPage();
            document.BeginPage(595, 842).DrawText(Sentence, 72, 100, font, paint);
            document.EndPage();
            document.BeginPage(595, 842).DrawNamedDestinationAnnotation(new SKPoint(72, 80), "section-2");
            document.EndPage();
            document.Close();
        }
        return stream.ToArray();
    }
}

/// <summary>Switches the process time zone, so it runs alone: no other test may observe the switch.</summary>
[CollectionDefinition(nameof(TimeZoneSwitching), DisableParallelization = true)]
public sealed class TimeZoneSwitching;

[Collection(nameof(TimeZoneSwitching))]
public sealed class PdfPostProcessorTimeZoneTests
{
    [Fact]
    public void Output_is_byte_identical_in_Seoul_and_in_UTC()
    {
        var input = PdfPostProcessorTests.SkiaInput();
        var options = new PdfPostProcessOptions([new("1. 개요", 0, 1)], "ko-KR", FixedUtc, "seed");

        var inUtc = InTimeZone("UTC", () => PdfPostProcessor.Apply(input, options));
        var inSeoul = InTimeZone("Asia/Seoul", () =>
        {
            Assert.Equal(TimeSpan.FromHours(9), TimeZoneInfo.Local.BaseUtcOffset); // the switch took effect
            return PdfPostProcessor.Apply(input, options);
        });

        Assert.Equal(inUtc, inSeoul);
        Assert.Contains("/CreationDate(D:20250416000000+00'00')", Encoding.Latin1.GetString(inSeoul));
    }

    private static T InTimeZone<T>(string zone, Func<T> action)
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
