using AiIndexReports.Typesetting.Elements;
using AiIndexReports.Typesetting.Frames;
using AiIndexReports.Typesetting.Tests.PdfChecks;
using SkiaSharp;

namespace AiIndexReports.Typesetting.Tests;

/// <summary>
/// Page composition: floats (a figure that does not fit moves to the next page's top while the text after it fills
/// this page, in order and within its section), headings kept with two lines, vertical justification of pages the flow
/// leaves early, and the table of contents shown only in long documents, in columns.
/// </summary>
public class PageCompositionTests
{
    // A4 with the default 62 pt margins: a body area 717.89 pt tall.
    const float BodyHeight = 841.89f - 124f;

    static TypesetResult Typeset(params Element[] content) =>
        new Typesetter(TestFonts.Library).Typeset(new Document(TestFonts.Theme) { Metadata = new DocumentMetadata { Title = "조판 시험" } }.AddRange(content));

    static CanvasElement Chart(string name, float height) => new(height, (_, _, _) => { }) { Name = name, Alt = name + " 그림" };

    static Figure Float(string caption, float height, bool floats = true) => new(caption, Chart(caption, height)) { Float = floats };

    /// <summary>Where a canvas was drawn: its page and top (page coordinates).</summary>
    static (int Page, float Top) Where(TypesetResult result, CanvasElement canvas)
    {
        foreach (var page in result.Pages)
            foreach (var block in page.Blocks)
                if (ReferenceEquals(block.Element, canvas))
                    return (page.Index, block.Items.OfType<CanvasItem>().Single().Rect.Top);
        throw new InvalidOperationException($"{canvas.Name} was not drawn");
    }

    /// <summary>Pages a paragraph's lines were drawn on, in order.</summary>
    static List<int> PagesOf(TypesetResult result, Paragraph paragraph) =>
        result.Pages.Where(p => p.Blocks.Any(b => ReferenceEquals(b.Element, paragraph) && b.Items.OfType<GlyphRunItem>().Any())).Select(p => p.Index).ToList();

    static float BottomOfText(PageFrame page) =>
        page.Blocks.Where(b => b.Artifact is null).SelectMany(b => b.Items).OfType<GlyphRunItem>().Max(r => r.Positions.Max(p => p.Y));

    [Fact]
    public void A_figure_that_does_not_fit_moves_to_the_next_pages_top_while_the_text_after_it_fills_this_page()
    {
        var before = SampleDocuments.BodyParagraph(0, 12);
        var figure = Float("[그림 1] 국가별 모델 수", 300);
        var after = new Paragraph("그림 뒤의 문단은 그림을 기다리지 않고 이 쪽의 남은 자리를 채운다.");
        var result = Typeset(new Spacer(360), before, figure, after);

        var chart = Where(result, (CanvasElement)figure.Body);
        Assert.Equal(1, chart.Page);
        Assert.InRange(chart.Top, 62f, 62f + 40f); // caption above it, at the top of the body area
        Assert.Equal([0], PagesOf(result, after));

        // In the structure tree the figure stays where the author put it: between the paragraph before and the one after.
        var order = result.Structure.Kids.OfType<StructNode>().Select(n => n.Element).ToList();
        Assert.True(order.IndexOf(before) < order.IndexOf(figure) && order.IndexOf(figure) < order.IndexOf(after),
            string.Join(", ", order.Select(e => e?.GetType().Name)));
    }

    [Fact]
    public void A_figure_that_fits_stays_where_it_stands()
    {
        var figure = Float("[그림 1] 작은 그림", 120);
        var after = new Paragraph("그림 뒤의 문단.");
        var result = Typeset(new Spacer(300), figure, after);

        Assert.Equal(0, Where(result, (CanvasElement)figure.Body).Page);
        Assert.True(Where(result, (CanvasElement)figure.Body).Top > 62f + 300f);
    }

    [Fact]
    public void Waiting_floats_keep_their_order_even_when_a_later_one_would_fit()
    {
        var first = Float("[그림 1] 큰 그림", 400);
        var second = Float("[그림 2] 작은 그림", 60); // fits where it stands, but may not pass figure 1
        var text = new Paragraph("두 그림 사이의 문단.");
        var result = Typeset(new Spacer(450), first, text, second, new Paragraph("마지막 문단."));

        var one = Where(result, (CanvasElement)first.Body);
        var two = Where(result, (CanvasElement)second.Body);
        Assert.Equal((1, 1), (one.Page, two.Page));
        Assert.True(one.Top < two.Top);
        Assert.Equal([0], PagesOf(result, text));
    }

    [Fact]
    public void A_float_never_passes_the_next_level_one_heading()
    {
        var figure = Float("[그림 1] 절 끝의 그림", 400);
        var sameSection = new Paragraph("같은 절의 문단은 그림보다 먼저 이 쪽에 놓인다.");
        var next = new Heading(1, "2. 다음 절");
        var result = Typeset(new Spacer(450), figure, sameSection, next, new Paragraph("다음 절의 본문."));

        Assert.Equal([0], PagesOf(result, sameSection));
        var chart = Where(result, (CanvasElement)figure.Body);
        Assert.Equal(1, chart.Page);
        Assert.Equal(1, result.Headings.Single().PageIndex);
        // The heading comes after the figure on that page.
        var headingTop = result.Pages[1].Blocks.First(b => ReferenceEquals(b.Element, next)).Items.OfType<GlyphRunItem>().First().Positions[0].Y;
        Assert.True(headingTop > chart.Top);
    }

    [Fact]
    public void A_float_closing_its_section_is_drawn_shorter_to_stay_rather_than_leave_the_page_empty()
    {
        CanvasElement Flexible() => new(300, (_, _, _) => { }) { Name = "그림", Alt = "그림", MinHeight = 210 };
        Element[] Section(CanvasElement chart, Element after) =>
            [new Spacer(400), new Paragraph("절의 마지막 문단."), new Figure("[그림 1] 절을 닫는 그림", chart) { Float = true }, after];

        // About 290 pt are left under the paragraph: the 300 pt chart with its caption does not fit, 250 pt would.
        var closing = Flexible();
        var closed = Typeset(Section(closing, new Heading(1, "2. 다음 절")));
        var (page, _) = Where(closed, closing);
        var drawn = closed.Pages[page].Blocks.Single(b => ReferenceEquals(b.Element, closing)).Items.OfType<CanvasItem>().Single().Rect;
        Assert.Equal(0, page);
        Assert.InRange(drawn.Height, 210f, 299f);
        Assert.True(drawn.Bottom <= 841.89f - 62f + 0.01f);

        // Followed by text of its own section, it floats at its full height instead (the text fills the page).
        var floating = Flexible();
        var floated = Typeset(Section(floating, SampleDocuments.BodyParagraph(2, 3)));
        Assert.Equal(1, Where(floated, floating).Page);
        Assert.Equal(300f, floated.Pages[1].Blocks.Single(b => ReferenceEquals(b.Element, floating)).Items.OfType<CanvasItem>().Single().Rect.Height, 0.01f);

        // Never below its minimum: one that would need more than that moves to the next page whole.
        var rigid = new CanvasElement(300, (_, _, _) => { }) { Name = "그림", Alt = "그림", MinHeight = 280 };
        Assert.Equal(1, Where(Typeset(Section(rigid, new Heading(1, "2. 다음 절"))), rigid).Page);
    }

    [Fact]
    public void A_figure_marked_not_to_float_keeps_the_text_after_it_behind_it()
    {
        var figure = Float("[그림 1] 제자리 그림", 400, floats: false);
        var after = new Paragraph("그림 뒤의 문단.");
        var result = Typeset(new Spacer(450), figure, after);

        Assert.Equal(1, Where(result, (CanvasElement)figure.Body).Page);
        Assert.Equal([1], PagesOf(result, after));
    }

    [Fact]
    public void A_heading_is_followed_by_at_least_two_lines_on_its_page()
    {
        // A heading, a one-line item and a long paragraph, pushed down the page in small steps: wherever the heading
        // lands, at least two lines of text follow it on its page (or it moves to the next page with them).
        for (var filler = 520f; filler <= 700f; filler += 4f)
        {
            var heading = new Heading(1, "5. 추론 비용");
            var item = new BulletItem(1, "GPT-3.5 수준 모델의 비용은 크게 낮아짐");
            var paragraph = SampleDocuments.BodyParagraph(1, 6);
            var result = Typeset(new Spacer(filler), heading, item, paragraph);

            var page = result.Headings.Single().PageIndex;
            var linesAfter = result.Pages[page].Blocks
                .Where(b => ReferenceEquals(b.Element, item) || ReferenceEquals(b.Element, paragraph))
                .SelectMany(b => b.Items.OfType<GlyphRunItem>())
                .Select(r => r.Positions[0].Y).Distinct().Count();
            Assert.True(linesAfter >= 2, $"filler {filler}: {linesAfter} line(s) under the heading on page {page + 1}");
        }
    }

    [Fact]
    public void A_page_left_early_grows_its_gaps_up_to_their_limits_and_the_last_page_keeps_a_ragged_bottom()
    {
        Element[] Content() =>
        [
            new Spacer(100), new BulletItem(1, SampleDocuments.Sentences[0]), Float("[그림 1] 작은 그림", 100),
            new BulletItem(1, SampleDocuments.Sentences[1]), new BulletItem(1, SampleDocuments.Sentences[2]),
            new BulletItem(1, SampleDocuments.Sentences[3]),
            Float("[그림 2] 다음 쪽으로 가는 그림", 420), new Heading(1, "2. 다음 절"), new Paragraph("마지막 문단."),
        ];
        TypesetResult With(PageFillStyle fill) =>
            new Typesetter(TestFonts.Library).Typeset(new Document(TestFonts.Theme with { PageFill = fill }).AddRange(Content()));
        var spread = With(new PageFillStyle { AroundFigures = 18, BeforeHeadings = 12, BetweenBlocks = 3 });
        var ragged = With(new PageFillStyle { AroundFigures = 0, BeforeHeadings = 0, BetweenBlocks = 0 });

        // Page 1 ends early (figure 2 waits for page 2, and the section ends there); far more room is left than the
        // gaps may take, so each takes its whole limit: spacer–item 3, item–figure 18, figure–item 18, item–item 3 + 3.
        Assert.Equal(2, spread.PageCount);
        Assert.True(BottomOfText(ragged.Pages[0]) < 62f + BodyHeight - 100f);
        Assert.Equal(45f, BottomOfText(spread.Pages[0]) - BottomOfText(ragged.Pages[0]), 0.05f);
        // The last page keeps its ragged bottom.
        Assert.Equal(BottomOfText(ragged.Pages[1]), BottomOfText(spread.Pages[1]), 0.01f);
    }

    [PdfToolFact("qpdf")]
    public void A_float_is_tagged_where_it_stood_and_the_file_passes_the_structure_checks()
    {
        var result = Typeset(new Spacer(450), new Paragraph("그림 앞 문단."), Float("[그림 1] 뜨는 그림", 400),
            new Paragraph("그림 뒤 문단."));
        var report = TaggedPdfChecker.Check(result.Pdf);

        Assert.True(report.Failures.Count == 0, report.ToString());
        Assert.Equal(["Document", "P", "Div", "Caption", "Figure", "P"], report.ReadingOrder);
    }

    static Document LongDocument(int sections, TableOfContents toc)
    {
        var document = new Document(TestFonts.Theme).Add(toc);
        for (var s = 1; s <= sections; s++)
            document.Add(new Heading(1, $"{s}. 절 제목 {s}") { AnchorId = $"sec-{s}" }).Add(SampleDocuments.BodyParagraph(s, 14));
        return document;
    }

    [Fact]
    public void The_table_of_contents_appears_only_in_a_document_longer_than_its_minimum()
    {
        var shortDoc = new Typesetter(TestFonts.Library).Typeset(LongDocument(2, new TableOfContents { MinPages = 3 }));
        var longDoc = new Typesetter(TestFonts.Library).Typeset(LongDocument(9, new TableOfContents { MinPages = 3 }));

        static int Entries(TypesetResult r)
        {
            var count = 0;
            void Walk(StructNode n) { if (n.Role == StructRole.TOCI) count++; foreach (var k in n.Kids.OfType<StructNode>()) Walk(k); }
            Walk(r.Structure);
            return count;
        }
        Assert.InRange(shortDoc.PageCount, 1, 3);
        Assert.Equal(0, Entries(shortDoc));
        Assert.True(longDoc.PageCount > 3);
        Assert.Equal(9, Entries(longDoc));
    }

    [Fact]
    public void A_compact_table_of_contents_sets_its_entries_in_columns_read_top_to_bottom()
    {
        var theme = TestFonts.Theme with { Toc = TestFonts.Theme.Toc with { Columns = 2 } };
        var document = new Document(theme).Add(new TableOfContents());
        for (var s = 1; s <= 9; s++)
            document.Add(new Heading(1, $"{s}. 절 {s}") { AnchorId = $"sec-{s}" }).Add(SampleDocuments.BodyParagraph(s, 2));
        var result = new Typesetter(TestFonts.Library).Typeset(document);

        // Entries 1–5 on the left, 6–9 on the right, each column top to bottom; in the structure, in heading order.
        var entries = new List<(string Title, float X, float Y)>();
        void Walk(StructNode n)
        {
            if (n.Role == StructRole.TOCI)
            {
                var run = Blocks(n).SelectMany(b => b.Items.OfType<GlyphRunItem>()).First();
                entries.Add((run.Text, run.Positions[0].X, run.Positions[0].Y));
            }
            foreach (var k in n.Kids.OfType<StructNode>()) Walk(k);
        }
        static IEnumerable<FrameBlock> Blocks(StructNode n) => n.Kids.OfType<FrameBlock>().Concat(n.Kids.OfType<StructNode>().SelectMany(Blocks));
        Walk(result.Structure);

        Assert.Equal(Enumerable.Range(1, 9).Select(i => $"{i}."), entries.Select(e => e.Title.Split(' ')[0]));
        var left = entries.Take(5).ToList();
        var right = entries.Skip(5).ToList();
        Assert.All(left, e => Assert.Equal(left[0].X, e.X, 0.01f));
        Assert.All(right, e => Assert.True(e.X > left[0].X + 150));
        Assert.Equal(left[0].Y, right[0].Y, 0.01f);
        Assert.Equal(left.Select(e => e.Y).Order(), left.Select(e => e.Y));
    }

    [Fact]
    public void Leader_dots_are_round_points_in_the_pdf_not_curves()
    {
        var result = new Typesetter(TestFonts.Library).Typeset(LongDocument(9, new TableOfContents { MinPages = 3 }));

        // One item per leader: the theme's level-1 entries are 11.5 pt, dots 0.45 em apart (5.175 pt), 0.05 em in radius.
        var leaders = result.Pages[0].Blocks.SelectMany(b => b.Items).OfType<DotsItem>().ToList();
        Assert.Equal(9, leaders.Count);
        Assert.All(leaders, leader =>
        {
            Assert.Equal(0.575f, leader.Radius, 0.001f);
            Assert.True(leader.Centers.Count > 10, $"{leader.Centers.Count} dots");
            Assert.All(leader.Centers.Zip(leader.Centers.Skip(1)), pair =>
            {
                Assert.Equal(5.175f, pair.Second.X - pair.First.X, 0.01f);
                Assert.Equal(pair.First.Y, pair.Second.Y);
            });
        });

        // In the PDF each dot is a one-point subpath, closed and stroked with round caps ("x y m h S"): a filled circle
        // in every conforming reader (ISO 32000-1, 8.5.3.2), where four Bézier curves each used to be.
        using var pdf = UglyToad.PdfPig.PdfDocument.Open(result.Pdf);
        var operators = pdf.GetPage(1).Operations.Select(o => o.Operator).ToList();
        Assert.DoesNotContain("c", operators);
        var points = Enumerable.Range(0, operators.Count - 2).Count(i => operators[i] == "m" && operators[i + 1] == "h" && operators[i + 2] == "S");
        Assert.Equal(leaders.Sum(l => l.Centers.Count), points);
    }
}
