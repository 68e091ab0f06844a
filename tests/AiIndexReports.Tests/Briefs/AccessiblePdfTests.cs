using System.Text.RegularExpressions;
using AiIndexReports.Briefs;
using AiIndexReports.Typesetting.Tests.PdfChecks;

namespace AiIndexReports.Tests.Briefs;

/// <summary>
/// Every brief of both editions as tagged PDF/UA-1 + PDF/A-2a: the structure checks over qpdf's view of the file,
/// qpdf --check, pdfcpu's strict validation, and pdf.js reading the structure tree as a screen reader does, compared
/// with the text the brief was typeset from.
/// </summary>
public class AccessiblePdfTests(BuiltBriefs briefs) : IClassFixture<BuiltBriefs>
{
    public static TheoryData<int, string> AllBriefs => new()
    {
        { 2025, "ai-index-brief" }, { 2025, "ai-index-summary" }, { 2024, "ai-index-brief" }, { 2024, "ai-index-summary" },
    };

    [PdfToolTheory("qpdf")]
    [MemberData(nameof(AllBriefs))]
    public void The_brief_passes_the_structure_checks(int edition, string id)
    {
        var report = TaggedPdfChecker.Check(briefs.Pdf(edition, id));

        Assert.True(report.Failures.Count == 0, report.ToString());
        var figures = briefs.Source(edition, id).Blocks.OfType<BriefFigure>().Count();
        Assert.Equal(figures, report.Count("Figure"));
        Assert.All(report.FigureAlts, alt => Assert.Matches(@"\d", alt)); // every figure's description names its numbers
        Assert.Equal(briefs.Source(edition, id).Blocks.OfType<BriefTable>().Count(), report.Count("Table"));
        Assert.True(report.Count("TH") >= 2 * report.Count("Table"));
    }

    [PdfToolTheory("qpdf")]
    [MemberData(nameof(AllBriefs))]
    public void Qpdf_finds_no_errors(int edition, string id)
    {
        var (exitCode, output) = PdfTools.QpdfCheck(briefs.Pdf(edition, id));
        Assert.True(exitCode == 0, output);
    }

    [PdfToolTheory("pdfcpu")]
    [MemberData(nameof(AllBriefs))]
    public void Pdfcpu_validates_the_brief_in_strict_mode(int edition, string id)
    {
        var (valid, output) = PdfTools.PdfcpuValidate(briefs.Pdf(edition, id));
        Assert.True(valid, output);
    }

    [PdfToolTheory("pdfjs")]
    [MemberData(nameof(AllBriefs))]
    public void Pdfjs_reads_the_source_text_in_order(int edition, string id)
    {
        var reading = PdfTools.PdfjsRead(briefs.Pdf(edition, id));
        var elements = reading.Elements();
        var source = briefs.Source(edition, id);

        Assert.Equal("ko-KR", reading.Language);
        // Headings: every numbered heading, as H1/H2, in order.
        Assert.Equal(source.Headings.Select(h => $"{h.Number} {Plain(h.Text)}"),
            elements.Where(e => e.Role is "H1" or "H2" && e.Text.Length > 0).Select(e => e.Text));
        // Body text and bullets in reading order (a paragraph split over two pages is read on across the break).
        // Compared without whitespace: a word broken inside at a line end (a long file name) reads with a line break.
        var read = NoSpace(string.Join(" ", elements.Where(e => e.Role is "P" or "LBody" or "H1" or "H2" or "Caption" or "TD" or "TH").Select(e => e.Text)));
        var at = 0; // end of the last text read in the flow
        var floatsAt = 0; // end of the last floating table read: floats keep their order among themselves
        foreach (var expected in Texts(source.Blocks))
        {
            // A table may float to the next page's top: it is read where it was set, never before the text above it.
            var from = expected.FloatCaption is null ? at : Math.Max(at, floatsAt);
            if (expected.FloatCaption is not null) from = Find(read, NoSpace(expected.FloatCaption), from);
            foreach (var text in expected.Texts.Select(NoSpace)) from = Find(read, text, from);
            if (expected.FloatCaption is null) at = from; else floatsAt = from;
        }
        // Lists, tables and figures are there, figures with their description.
        Assert.Equal(source.Blocks.OfType<BriefBullet>().Count() + source.Blocks.OfType<BriefSummary>().SelectMany(s => s.Blocks).OfType<BriefBullet>().Count(),
            elements.Count(e => e.Role == "Lbl" && e.Text.Length > 0));
        Assert.Equal(source.Blocks.OfType<BriefFigure>().Count(), elements.Count(e => e.Role == "Figure" && e.Alt is { Length: > 20 }));
    }

    [PdfToolFact("qpdf")]
    public void Figures_of_the_2025_brief_describe_the_numbers_they_draw()
    {
        var alts = TaggedPdfChecker.Check(briefs.Pdf(2025, "ai-index-brief")).FigureAlts;

        Assert.Equal(8, alts.Count);
        // The published counts the text states (the recount is a table of its own).
        Assert.StartsWith("국가별 주목할 만한 AI 모델 수(2024년): 미국 40개, 중국 15개, 프랑스 3개", alts[0]);
        Assert.EndsWith("한국 1개", alts[0]);
        Assert.Contains("한국: 2014년 0개, 2015년 0개, 2016년 1개", alts[1]);
        Assert.StartsWith("국가별 AI 등록 특허 점유율(2023년): 중국 69.7%, 미국 14.2%", alts[2]);
        Assert.StartsWith("인구 10만 명당 AI 등록 특허 수(2023년): 한국 17.3건, 룩셈부르크 15.3건", alts[3]);
        // The brackets as drawn: the gap between the plotted scores.
        Assert.Contains("2023년 말 10.1%p. 2024년 말 0.9%p", alts[4]);
        Assert.Contains("2022년 11월 20달러/100만 토큰(GPT-3.5)", alts[5]);
        Assert.Contains("2024년 10월 0.07달러/100만 토큰(Gemini 1.5 Flash 8B)", alts[5]);
        // Grouped by benchmark family, whole multiples as the bars print them.
        Assert.Contains("지식·언어 이해(MMLU): GPT-4 Turbo 수준(87점 이상) 36배", alts[6]);
        Assert.Contains("GPT-3.5 수준(64.8점 이상) 16배(90% 신뢰구간 8~31배)", alts[6]);
        Assert.StartsWith("국가별 민간 AI 투자 규모(2024년): 미국 1,091억 달러, 중국 93억 달러", alts[7]);
    }

    [Fact]
    public void The_full_2025_brief_stays_under_300_KB()
    {
        Assert.InRange(briefs.Pdf(2025, "ai-index-brief").Length, 100 * 1024, 300 * 1024);
    }

    private static string NoSpace(string text) => Regex.Replace(text, @"\s+", "");

    private static string Plain(IEnumerable<Inline> inlines) => PdfjsReading.Fold(string.Concat(inlines.Select(i => i.Text)));

    private static int Find(string read, string text, int at)
    {
        var found = read.IndexOf(text, at, StringComparison.Ordinal);
        Assert.True(found >= 0, $"pdf.js does not read \"{text}\" after position {at}:\n{read[Math.Max(0, at - 80)..Math.Min(read.Length, at + 200)]}");
        return found + text.Length;
    }

    /// <summary>Texts read in this order; a floating table's cells after its caption, anywhere after the text before it.</summary>
    private sealed record Expected(IReadOnlyList<string> Texts, string? FloatCaption = null);

    /// <summary>The texts of headings, paragraphs, bullets and table cells of the source, in order.</summary>
    private static IEnumerable<Expected> Texts(IReadOnlyList<BriefBlock> blocks)
    {
        for (var i = 0; i < blocks.Count; i++)
        {
            switch (blocks[i])
            {
                case BriefHeading h: yield return new([$"{h.Number} {Plain(h.Text)}"]); break;
                case BriefParagraph p: yield return new([Plain(p.Text)]); break;
                case BriefBullet b: yield return new([Plain(b.Text)]); break;
                case BriefTable t:
                    var texts = t.Header.Concat(t.Rows.SelectMany(r => r)).Select(Plain).Where(c => c.Length > 0).ToList();
                    // Its "주:" and "자료:" lines go with it.
                    while (i + 1 < blocks.Count && blocks[i + 1] is BriefParagraph { Kind: ParagraphKind.Remark or ParagraphKind.Source } remark)
                    {
                        texts.Add(Plain(remark.Text));
                        i++;
                    }
                    yield return new(texts, t.InPlace ? null : t.Caption);
                    break;
                case BriefSummary s:
                    foreach (var text in Texts(s.Blocks)) yield return text;
                    break;
            }
        }
    }
}
