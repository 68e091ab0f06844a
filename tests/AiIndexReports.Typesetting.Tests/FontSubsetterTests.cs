using System.Text.RegularExpressions;
using AiIndexReports.Typesetting.Fonts;
using SkiaSharp;
using UglyToad.PdfPig;
using static AiIndexReports.Typesetting.Tests.PdfCoreTestSupport;

namespace AiIndexReports.Typesetting.Tests;

public sealed class FontSubsetterTests
{
    private const string Sentence = "한국은 2024년 주목할 만한 AI 모델 1개를 발표";

    // About one A4 page of a brief's body text: ~1,300 characters, ~330 distinct syllables.
    internal const string PageOfKorean =
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
        "사우디아라비아 등은 대규모 국가 투자 계획을 발표함. - 책임 있는 AI 생태계는 고르지 않게 발전함. " +
        "AI 관련 사건 보고는 급증하였으나 표준화된 평가는 주요 모델 개발사 사이에서 여전히 드묾. " +
        "※ 시사점: 한국은 인재와 특허에서 강점을 보이나 주목할 만한 모델과 민간 투자에서 격차가 커 " +
        "컴퓨팅 자원, 데이터, 인재 정책을 연계한 전략이 필요함. 韓 美 中 日 英 비교 표는 부록 참조. " +
        "「인공지능 발전과 신뢰 기반 조성 등에 관한 기본법」의 시행(2026년 1월)을 앞두고 하위 법령 정비가 시급함.";

    [Fact]
    public void Korean_page_subset_of_NanumGothic_is_tens_of_kilobytes_and_keeps_glyph_ids()
    {
        var fontFile = FontBytes("NanumGothic.ttf");
        using var fullTypeface = SKTypeface.FromData(SKData.CreateCopy(fontFile));
        using var fullFont = new SKFont(fullTypeface, 10);
        var glyphIds = fullFont.GetGlyphs(PageOfKorean);

        var subset = FontSubsetter.Subset(fontFile, CodePoints(PageOfKorean), glyphIds);

        Assert.Equal(4_691_820, fontFile.Length);
        Assert.InRange(subset.Length, 20_000, 120_000);
        using var subsetTypeface = SKTypeface.FromData(SKData.CreateCopy(subset));
        Assert.Equal("NanumGothic", subsetTypeface.FamilyName);
        Assert.Equal(20_138, fullTypeface.GlyphCount);
        // Retained glyph ids: the subset keeps the full font's numbering up to the highest id the page uses (韓, 7,648).
        Assert.Equal(7_649, subsetTypeface.GlyphCount);
        using var subsetFont = new SKFont(subsetTypeface, 10);
        Assert.Equal(glyphIds, subsetFont.GetGlyphs(PageOfKorean));
    }

    [Fact]
    public void Pretendard_subset_keeps_its_glyph_ids_and_drops_what_the_text_does_not_use()
    {
        var fontFile = FontBytes("Pretendard-Regular.ttf");
        var text = PageOfKorean.Replace("韓 美 中 日 英 ", ""); // Pretendard has no Hanja
        using var fullTypeface = SKTypeface.FromData(SKData.CreateCopy(fontFile));
        using var fullFont = new SKFont(fullTypeface, 10);
        var glyphIds = fullFont.GetGlyphs(text);

        var subset = FontSubsetter.Subset(fontFile, CodePoints(text), glyphIds);

        Assert.InRange(subset.Length, 20_000, 160_000);
        using var subsetTypeface = SKTypeface.FromData(SKData.CreateCopy(subset));
        // Numbered up to the highest glyph id the text uses (no GSUB closure adds alternates beyond it).
        Assert.Equal(13_992, subsetTypeface.GlyphCount);
        Assert.Equal(13_991, glyphIds.Max());
        using var subsetFont = new SKFont(subsetTypeface, 10);
        Assert.Equal(glyphIds, subsetFont.GetGlyphs(text));
        Assert.False(subsetFont.ContainsGlyphs("쀍")); // a syllable the text does not use is gone
    }

    [Fact]
    public void A_font_face_disposed_twice_frees_its_native_memory_once_and_a_bad_file_leaks_nothing()
    {
        var face = new FontFace("Pretendard", SKFontStyleWeight.Normal, "Pretendard-Regular.ttf", FontBytes("Pretendard-Regular.ttf"));
        Assert.True(face.HasGlyph('가'));
        face.Dispose();
        face.Dispose();   // a double free would crash the test process here

        var bad = Assert.Throws<FontLoadException>(() => new FontFace("Bad", SKFontStyleWeight.Normal, "bad.ttf", [0, 1, 0, 0, 1, 2, 3]));
        Assert.Equal("bad.ttf", bad.Path);
    }

    [Fact]
    public void Subset_keeps_the_shaped_glyphs_advances_and_leaves_out_the_layout_tables()
    {
        // Text is shaped with the full font; the subset only draws the shaped glyph ids, so it needs their outlines and
        // advances (glyf, hmtx) but no GSUB/GPOS/GDEF, which PDF readers never use.
        const string text = "AI 인덱스 2025: Tokyo, WAVE 1.5%p 韓國";
        var fontFile = FontBytes("Pretendard-Regular.ttf");
        using var fullTypeface = SKTypeface.FromData(SKData.CreateCopy(fontFile));
        using var fullFont = new SKFont(fullTypeface, 10);
        using var fullShaper = new SkiaSharp.HarfBuzz.SKShaper(fullTypeface);
        var shaped = fullShaper.Shape(text, fullFont).Codepoints.Select(g => (ushort)g).ToArray();
        Assert.Contains(Tag("GPOS"), fullTypeface.GetTableTags());

        var subset = FontSubsetter.Subset(fontFile, CodePoints(text), shaped);

        using var subsetTypeface = SKTypeface.FromData(SKData.CreateCopy(subset));
        using var subsetFont = new SKFont(subsetTypeface, 10);
        Assert.Equal(fullFont.GetGlyphWidths(shaped), subsetFont.GetGlyphWidths(shaped));
        var tags = subsetTypeface.GetTableTags();
        Assert.DoesNotContain(Tag("GSUB"), tags);
        Assert.DoesNotContain(Tag("GPOS"), tags);
        Assert.DoesNotContain(Tag("GDEF"), tags);
        Assert.Contains(Tag("glyf"), tags);
        Assert.Contains(Tag("hmtx"), tags);
    }

    [Fact]
    public void The_outline_free_copy_keeps_glyph_ids_advances_and_cmap_and_only_the_outlines_asked_for()
    {
        var fontFile = FontBytes("Pretendard-Regular.ttf");
        const string text = "한국은 AI 모델 1개";
        using var fullTypeface = SKTypeface.FromData(SKData.CreateCopy(fontFile));
        using var fullFont = new SKFont(fullTypeface, 10) { Hinting = SKFontHinting.None, LinearMetrics = true };
        var glyphIds = fullFont.GetGlyphs(text);
        var subset = FontSubsetter.Subset(fontFile, CodePoints(text), glyphIds);
        var glyphI = fullFont.GetGlyphs("I")[0];

        var copy = OutlineFreeFont.Of(subset, [glyphI]);

        using var subsetTypeface = SKTypeface.FromData(SKData.CreateCopy(subset));
        using var copyTypeface = SKTypeface.FromData(SKData.CreateCopy(copy));
        Assert.NotNull(copyTypeface);
        Assert.Equal(subsetTypeface.GlyphCount, copyTypeface.GlyphCount);
        Assert.Equal(subsetTypeface.GetTableTags(), copyTypeface.GetTableTags());
        using var copyFont = new SKFont(copyTypeface, 10) { Hinting = SKFontHinting.None, LinearMetrics = true };
        Assert.Equal(glyphIds, copyFont.GetGlyphs(text));
        Assert.Equal(fullFont.GetGlyphWidths(glyphIds), copyFont.GetGlyphWidths(glyphIds));
        // Only the kept glyph draws: 한 is empty in the copy, I keeps its outline (Skia measures it for StemV).
        var han = glyphIds[0];
        Assert.True(fullFont.GetGlyphPath(han).Bounds.Width > 0);
        Assert.True(copyFont.GetGlyphPath(han).IsEmpty);
        Assert.Equal(fullFont.GetGlyphPath(glyphI).Bounds, copyFont.GetGlyphPath(glyphI).Bounds);
        var glyfOfI = copyTypeface.GetTableSize(Tag("glyf"));
        Assert.InRange(glyfOfI, 12, 200);
        Assert.Equal(0, SKTypeface.FromData(SKData.CreateCopy(OutlineFreeFont.Of(subset))).GetTableSize(Tag("glyf")));

        Assert.Throws<InvalidDataException>(() => OutlineFreeFont.Of("not a font at all"u8.ToArray()));
        Assert.Throws<InvalidDataException>(() => OutlineFreeFont.Of(subset[..40]));
    }

    private static uint Tag(string tag) => (uint)(tag[0] << 24 | tag[1] << 16 | tag[2] << 8 | tag[3]);

    [Fact]
    public void Pdf_drawn_with_subset_embeds_a_subset_TrueType_font_and_extracts_words_with_spaces()
    {
        var pdf = DrawWithSubset("NanumGothic.ttf", Sentence);

        Assert.InRange(pdf.Length, 1_000, 30_000);
        using var document = PdfDocument.Open(pdf);
        var page = document.GetPage(1);
        Assert.Equal(Sentence, page.Text);
        Assert.Equal(["한국은", "2024년", "주목할", "만한", "AI", "모델", "1개를", "발표"], page.GetWords().Select(w => w.Text));
        Assert.All(page.Letters, letter => Assert.Matches(new Regex("^[A-Z]{6}\\+NanumGothic$"), letter.FontName));
    }

    [ToolFact("pdffonts")]
    public void Pdffonts_reports_the_subset_as_embedded_subset_TrueType()
    {
        var pdf = DrawWithSubset("Pretendard-Bold.ttf", Sentence);

        var (exitCode, output) = RunTool("pdffonts", pdf);

        Assert.Equal(0, exitCode);
        var fontLine = output.Split('\n').Single(line => line.Contains("Pretendard"));
        Assert.Matches(new Regex("^[A-Z]{6}\\+Pretendard-Bold +CID TrueType +Identity-H +yes yes yes "), fontLine);
    }

    [Fact]
    public void Space_is_kept_even_when_not_requested_and_control_characters_do_not_share_its_glyph()
    {
        var fontFile = FontBytes("NanumGothic.ttf");
        using var fullTypeface = SKTypeface.FromData(SKData.CreateCopy(fontFile));
        Assert.Equal(fullTypeface.GetGlyph(' '), fullTypeface.GetGlyph('\t')); // NanumGothic maps U+0000–U+0020 to one glyph

        // The space glyph is requested by id and tab by code point: both would bring U+0000–U+001F back into the cmap.
        var subset = FontSubsetter.Subset(fontFile, [0x09, '가'], [fullTypeface.GetGlyph(' ')]);

        using var subsetTypeface = SKTypeface.FromData(SKData.CreateCopy(subset));
        Assert.Equal(fullTypeface.GetGlyph(' '), subsetTypeface.GetGlyph(' '));
        Assert.Equal(0, subsetTypeface.GetGlyph('\t'));
        Assert.Equal(0, subsetTypeface.GetGlyph('\0'));
        Assert.Equal(fullTypeface.GetGlyph('가'), subsetTypeface.GetGlyph('가'));
    }

    [Fact]
    public void Subsetting_is_deterministic_and_safe_in_parallel()
    {
        var fontFile = FontBytes("NanumGothic.ttf");
        var codePoints = CodePoints(PageOfKorean);

        var subsets = Enumerable.Range(0, 8).AsParallel().WithDegreeOfParallelism(4)
            .Select(_ => FontSubsetter.Subset(fontFile, codePoints, []))
            .ToList();

        Assert.All(subsets, subset => Assert.Equal(subsets[0], subset));
    }

    [Fact]
    public void A_file_that_is_not_a_font_is_rejected_with_what_it_starts_with()
    {
        var notAFont = "%PDF-1.7\n%âãÏÓ\n"u8.ToArray();

        var error = Assert.Throws<FontSubsetException>(() => FontSubsetter.Subset(notAFont, [0x20], []));

        Assert.Equal("Not a font file: it starts with bytes 25504446 (\"%PDF\"), expected a TrueType signature 00010000 or 'true'.", error.Message);
    }

    [Fact]
    public void A_truncated_font_file_names_the_table_that_runs_past_the_end()
    {
        var truncated = FontBytes("NanumGothic.ttf")[..100_000];

        var error = Assert.Throws<FontSubsetException>(() => FontSubsetter.Subset(truncated, [0x20], []));

        Assert.StartsWith("Truncated font file: table '", error.Message);
        Assert.EndsWith("the file has 100000 bytes.", error.Message);
    }

    [Fact]
    public void A_glyph_id_outside_the_font_is_reported_with_the_font_glyph_count()
    {
        var error = Assert.Throws<FontSubsetException>(() => FontSubsetter.Subset(FontBytes("NanumGothic.ttf"), [0x20], [60_000]));

        Assert.Equal("Glyph id 60000 is outside the font, which has 20138 glyphs (ids 0–20137): was it shaped with another font?", error.Message);
    }

    [Fact]
    public void A_code_point_that_is_not_a_Unicode_scalar_value_is_rejected()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => FontSubsetter.Subset(FontBytes("NanumGothic.ttf"), [0xD800], []));

        Assert.StartsWith("U+D800 is not a Unicode scalar value.", error.Message);
    }

    private static byte[] DrawWithSubset(string fontFileName, string text)
    {
        var fontFile = FontBytes(fontFileName);
        using var fullTypeface = SKTypeface.FromData(SKData.CreateCopy(fontFile));
        using var fullFont = new SKFont(fullTypeface, 12);
        var subset = FontSubsetter.Subset(fontFile, CodePoints(text), fullFont.GetGlyphs(text));
        using var typeface = SKTypeface.FromData(SKData.CreateCopy(subset));
        using var font = new SKFont(typeface, 12);
        using var paint = new SKPaint { Color = SKColors.Black, IsAntialias = true };
        return CreatePdf(canvas => canvas.DrawText(text, 72, 100, font, paint));
    }
}
