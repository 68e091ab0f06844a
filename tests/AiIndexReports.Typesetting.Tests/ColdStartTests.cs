using AiIndexReports.Typesetting.Elements;
using AiIndexReports.Typesetting.Export;
using AiIndexReports.Typesetting.Fonts;
using SkiaSharp;
using UglyToad.PdfPig;

namespace AiIndexReports.Typesetting.Tests;

/// <summary>What a cold build no longer pays for: faces it never uses, and Skia's slowest PNG encoding.</summary>
public class ColdStartTests
{
    static FontFace Face(FontLibrary fonts, string family, SKFontStyleWeight weight) =>
        fonts.Find(family, weight) ?? throw new InvalidOperationException($"{family} {weight} missing");

    [Fact]
    public void A_fallback_face_the_text_never_needs_is_never_opened_nor_embedded()
    {
        using var fonts = TestFonts.Load();   // the theme's chain is Pretendard, then NanumGothic
        var result = new Typesetter(fonts).Typeset(new Document(TestFonts.Theme).Add(new Paragraph("한국은 2024년 주목할 만한 AI 모델 1개를 발표했다.")));

        Assert.True(Face(fonts, "Pretendard", SKFontStyleWeight.Normal).IsOpen);
        Assert.False(Face(fonts, "NanumGothic", SKFontStyleWeight.Normal).IsOpen);
        Assert.False(Face(fonts, "NanumGothic", SKFontStyleWeight.Bold).IsOpen);
        using var pdf = PdfDocument.Open(result.Pdf);
        Assert.All(pdf.GetPage(1).Letters, l => Assert.Contains("Pretendard", l.FontName ?? ""));
    }

    [Fact]
    public void A_character_only_the_fallback_has_opens_the_fallback()
    {
        using var fonts = TestFonts.Load();
        var nanumOnly = Enumerable.Range(0x3131, 0x318E - 0x3131).Concat(Enumerable.Range(0x2460, 0x20)).Concat(Enumerable.Range(0x4E00, 0x200))
            .First(c => !Face(fonts, "Pretendard", SKFontStyleWeight.Normal).HasGlyph(c) && Face(fonts, "NanumGothic", SKFontStyleWeight.Normal).HasGlyph(c));
        // (asking HasGlyph opened both faces of that library: the build below uses a fresh one)

        using var fresh = TestFonts.Load();
        var result = new Typesetter(fresh).Typeset(new Document(TestFonts.Theme).Add(new Paragraph($"기호 {char.ConvertFromUtf32(nanumOnly)} 포함")));

        Assert.True(Face(fresh, "NanumGothic", SKFontStyleWeight.Normal).IsOpen);
        using var pdf = PdfDocument.Open(result.Pdf);
        Assert.Contains(pdf.GetPage(1).Letters, l => l.FontName?.Contains("NanumGothic") == true);
    }

    [Fact]
    public void A_canvas_that_names_its_faces_does_not_open_the_others()
    {
        using var fonts = TestFonts.Load();
        var chart = new CanvasElement(40, (canvas, size, typefaces) =>
        {
            using var font = new SKFont(typefaces.GetTypeface("Pretendard", SKFontStyleWeight.SemiBold), 10);
            using var paint = new SKPaint { Color = SKColors.Black };
            canvas.DrawText("그림 12", 0, 20, SKTextAlign.Left, font, paint);
        })
        { Texts = ["그림 12"], Typefaces = [("Pretendard", SKFontStyleWeight.SemiBold)], Alt = "그림 12" };

        var result = new Typesetter(fonts).Typeset(new Document(TestFonts.Theme).Add(new Paragraph("본문 한 줄")).Add(chart));

        Assert.True(Face(fonts, "Pretendard", SKFontStyleWeight.SemiBold).IsOpen);
        Assert.False(Face(fonts, "Pretendard", SKFontStyleWeight.Bold).IsOpen);
        Assert.False(Face(fonts, "NanumGothic", SKFontStyleWeight.Normal).IsOpen);
        using var pdf = PdfDocument.Open(result.Pdf);
        Assert.Contains("그림12", pdf.GetPage(1).Text.Replace(" ", ""));   // drawn with the subset: its glyphs are there
    }

    [Fact]
    public void Png_encoding_keeps_every_pixel_and_is_the_same_bytes_each_time()
    {
        var info = new SKImageInfo(300, 120);
        using var surface = SKSurface.Create(info);
        surface.Canvas.Clear(SKColors.White);
        using (var paint = new SKPaint { Color = new SKColor(0xE4, 0x57, 0x2E), IsAntialias = true })
        {
            surface.Canvas.DrawCircle(60, 60, 45, paint);
            surface.Canvas.DrawRect(130, 20, 150, 70, paint);
        }
        using (var font = new SKFont(TestFonts.Library.GetTypeface("Pretendard", SKFontStyleWeight.Normal), 18))
        using (var ink = new SKPaint { Color = SKColors.Black, IsAntialias = true })
            surface.Canvas.DrawText("국가별 AI 모델 수", 20, 110, SKTextAlign.Left, font, ink);

        var png = PngEncoder.Encode(surface);
        using var image = surface.Snapshot();
        using var skiaDefault = image.Encode(SKEncodedImageFormat.Png, 100);

        Assert.Equal(png, PngEncoder.Encode(surface));
        Assert.NotEqual(skiaDefault.ToArray(), png);   // another encoding ...
        using var ours = SKBitmap.Decode(png);
        using var theirs = SKBitmap.Decode(skiaDefault.ToArray());
        Assert.Equal((300, 120), (ours.Width, ours.Height));
        Assert.Equal(theirs.Bytes, ours.Bytes);        // ... of the same pixels
        Assert.Contains(ours.Pixels, p => p == new SKColor(0xE4, 0x57, 0x2E));
    }
}
