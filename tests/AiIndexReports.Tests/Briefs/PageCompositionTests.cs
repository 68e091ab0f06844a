using System.Text.RegularExpressions;
using AiIndexReports.Briefs;
using AiIndexReports.Config;
using AiIndexReports.Typesetting.Tests;
using AiIndexReports.Typesetting.Tests.PdfChecks;

namespace AiIndexReports.Tests.Briefs;

/// <summary>
/// Issue 13's page composition, measured on the built briefs as a reader's tools see them (pdftotext): no page but the
/// last more than 20 % empty at the bottom (the measure of /work/shared/tools/page_fill.py), every section heading
/// followed by at least two lines on its page, figures and tables in number order inside their sections, and a
/// compact table of contents on the cover of the full brief only.
/// </summary>
public class PageCompositionTests(BuiltBriefs briefs) : IClassFixture<BuiltBriefs>
{
    [ToolTheory("pdftotext")]
    [InlineData(2025, "ai-index-brief")]
    [InlineData(2025, "ai-index-summary")]
    [InlineData(2024, "ai-index-brief")]
    public void No_page_but_the_last_is_more_than_a_fifth_empty_at_the_bottom(int edition, string brief)
    {
        var pages = PageText.Read(briefs.Pdf(edition, brief));
        var empty = PageText.EmptyAtBottom(pages);

        Assert.True(pages.Count >= 2);
        var report = string.Join(" ", empty.Select((e, i) => $"p{i + 1}:{e:P0}"));
        Assert.All(empty.SkipLast(1), e => Assert.True(e <= 0.20, report));
    }

    [ToolTheory("pdftotext")]
    [InlineData(2025)]
    [InlineData(2024)]
    public void Every_section_heading_has_at_least_two_lines_under_it_on_its_page(int edition)
    {
        var pages = PageText.Read(briefs.Pdf(edition, "ai-index-brief"));
        var headings = briefs.Source(edition, "ai-index-brief").Headings.Select(h => $"{h.Number} {h.PlainText}").ToList();

        Assert.True(headings.Count >= 5);
        foreach (var heading in headings)
        {
            var (page, line) = Find(pages, heading);
            // Below the body: the bottom margin is 56 pt of 842 (theme.toml [page]); the page number sits in it, at about 804 pt.
            var footerBand = pages[page].Height * (1 - 0.066);
            var below = pages[page].Lines.Where(l => l.YMin > line.YMax && l.YMax < footerBand).ToList();
            var last = page == pages.Count - 1 && below.Count < 2; // the very end of the brief may close with a short section
            Assert.True(below.Count >= 2 || last, $"\"{heading}\" on page {page + 1} has {below.Count} line(s) under it");
        }
    }

    [ToolTheory("pdftotext")]
    [InlineData(2025)]
    [InlineData(2024)]
    public void Figures_and_tables_appear_in_number_order_inside_their_sections(int edition)
    {
        var pages = PageText.Read(briefs.Pdf(edition, "ai-index-brief"));
        var source = briefs.Source(edition, "ai-index-brief");

        // Where each section starts and each numbered figure or table sits, in reading position (page, then height).
        var sections = source.Headings.Where(h => h.Level == 1).Select(h => Position(pages, $"{h.Number} {h.PlainText}")).ToList();
        var section = 0;
        var floats = new List<(string Caption, int Section)>();
        foreach (var block in source.Blocks)
        {
            if (block is BriefHeading { Level: 1 }) section++;
            if (block is BriefFigure f) floats.Add(($"[그림 {f.Number}]", section));
            if (block is BriefTable t) floats.Add(($"<표 {t.Number}>", section));
        }
        Assert.True(floats.Count >= 4);
        foreach (var kind in new[] { "[그림", "<표" })
        {
            var positions = floats.Where(f => f.Caption.StartsWith(kind, StringComparison.Ordinal)).Select(f => Position(pages, f.Caption)).ToList();
            Assert.Equal(positions.Order(), positions);
        }
        foreach (var (caption, s) in floats)
        {
            var at = Position(pages, caption);
            Assert.True(at.CompareTo(sections[s - 1]) > 0, $"{caption} comes before its section's heading");
            if (s < sections.Count) Assert.True(at.CompareTo(sections[s]) < 0, $"{caption} floated past the heading of section {s + 1}");
        }
    }

    [ToolFact("pdftotext")]
    public void The_full_brief_has_a_compact_two_column_contents_on_its_cover_and_the_summary_none()
    {
        var pages = PageText.Read(briefs.Pdf(2025, "ai-index-brief"));
        var cover = pages[0];
        var title = cover.Lines.Single(l => l.Text == "목차");
        var sections = briefs.Source(2025, "ai-index-brief").Headings.Where(h => h.Level == 1).ToList();
        // Entries under the title, before "1. 개요" opens the body on the same page; two columns side by side.
        var body = cover.Lines.Where(l => l.Text == $"{sections[0].Number} {sections[0].PlainText}").Max(l => l.YMin);
        var entries = cover.Words.Where(w => w.YMin > title.YMax && w.YMax < body && Regex.IsMatch(w.Text, @"^\d+\.$")).ToList();
        Assert.Equal(sections.Count, entries.Count);
        Assert.Equal(2, entries.Select(w => Math.Round(w.XMin)).Distinct().Count());
        Assert.True(body - title.YMin < 0.2 * cover.Height, $"the contents take {body - title.YMin:0} pt of the cover");

        Assert.DoesNotContain("목차", briefs.Text(2025, "ai-index-summary"));
    }

    [Fact]
    public void A_brief_no_longer_than_the_themes_minimum_has_no_contents()
    {
        var theme = BriefTheme.Load(TestRepo.Root);
        var composer = new BriefTypesetter(theme with { Contents = theme.Contents with { MinPages = 40 } }, briefs.Fonts);
        var brief = BriefManifest.Load(TestRepo.Root).Briefs.Single(b => b.Id == "ai-index-brief");
        var result = composer.Typeset(brief, 2025, briefs.Source(2025, "ai-index-brief"), briefs.Figures(2025),
            new DateTime(2025, 4, 16, 0, 0, 0, DateTimeKind.Utc));

        var report = TaggedPdfChecker.Check(result.Pdf);
        Assert.Equal(0, report.Count("TOC"));
        Assert.Equal(0, report.Count("TOCI"));
    }

    [Fact]
    public void The_layout_dump_shows_floating_figures_and_tables_with_content_sized_columns_and_the_contents_rule()
    {
        var theme = BriefTheme.Load(TestRepo.Root);
        var brief = BriefManifest.Load(TestRepo.Root).Briefs.Single(b => b.Id == "ai-index-brief");
        var source = briefs.Source(2025, "ai-index-brief");
        var dump = Typesetting.LayoutDump.Of(new BriefTypesetter(theme, briefs.Fonts).Compose(brief, 2025, source, briefs.Figures(2025),
            new DateTime(2025, 4, 16, 0, 0, 0, DateTimeKind.Utc))).Split('\n');

        Assert.Contains("contents when-over=8-pages columns=2 levels=1", dump.Select(l => l.Trim()));
        var figures = dump.Where(l => l.StartsWith("figure \"[그림", StringComparison.Ordinal)).ToList();
        Assert.Equal(source.Blocks.OfType<BriefFigure>().Count(), figures.Count);
        Assert.All(figures, l => Assert.Contains("\" float", l));
        // Table 1 (the ranking): ten rows at most, so kept whole and floating; its four columns sized by content.
        var ranking = Array.FindIndex(dump, l => l.StartsWith("figure \"<표 1>", StringComparison.Ordinal));
        Assert.Contains(" float", dump[ranking]);
        Assert.StartsWith("  table columns=auto,auto,auto,auto header=1 rows=", dump.Skip(ranking).First(l => l.TrimStart().StartsWith("table ", StringComparison.Ordinal)));
    }

    /// <summary>
    /// The line that starts with <paramref name="text"/>: a caption's first appearance, a heading's last (the contents
    /// on the cover list the headings before the body sets them).
    /// </summary>
    static (int Page, PageText.Line Line) Find(IReadOnlyList<PageText.Page> pages, string text)
    {
        var found = pages.SelectMany(page => page.Lines.Where(l => l.Text.StartsWith(text, StringComparison.Ordinal)).Select(l => (Page: page.Number - 1, Line: l))).ToList();
        if (found.Count == 0) throw new Xunit.Sdk.XunitException($"\"{text}\" is not in the PDF");
        return Regex.IsMatch(text, @"^\d+\.") ? found[^1] : found[0];
    }

    static (int Page, double Y) Position(IReadOnlyList<PageText.Page> pages, string text)
    {
        var (page, line) = Find(pages, text);
        return (page, line.YMin);
    }
}
