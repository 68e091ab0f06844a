using AiIndexReports.Typesetting.Elements;
using AiIndexReports.Typesetting.Export;
using AiIndexReports.Typesetting.Fonts;
using AiIndexReports.Typesetting.Frames;
using AiIndexReports.Typesetting.Layout;
using AiIndexReports.Typesetting.Pdf;
using SkiaSharp;

namespace AiIndexReports.Typesetting;

/// <summary>
/// Turns a <see cref="Document"/> into page frames and exports them. Layout runs once, or again while printed numbers
/// (table of contents pages, "{pages}") differ from what the previous run learned; the fonts are then subset to the
/// glyphs the frames use (glyph ids retained, so the frames draw unchanged with the subsets) and the PDF exporter
/// draws the frames — tagged PDF/UA-1 + PDF/A-2a unless the document asks for none. Same document in, same bytes out.
/// </summary>
public sealed class Typesetter(FontLibrary fonts)
{
    /// <summary>Safety net: a layout that keeps producing pages without finishing is a bug, not a document.</summary>
    const int MaxPages = 20_000;
    /// <summary>Layout runs at most this often: page numbers settle after two runs in practice.</summary>
    const int MaxLayoutRuns = 4;

    public FontLibrary Fonts { get; } = fonts;

    public TypesetResult Typeset(Document document)
    {
        var phases = new PhaseClock();
        var layout = Layout(document, phases);
        var subsets = new Dictionary<FontFace, SKTypeface>();
        try
        {
            var usage = GlyphUsageOf(document, layout.Pages);
            var faces = usage.Faces.ToList();
            CheckOutlines(usage, faces);
            var subsetFiles = new byte[faces.Count][];
            ParallelWork.For(faces.Count, i =>
            {
                var (codePoints, glyphs) = usage.Get(faces[i]);
                subsetFiles[i] = FontSubsetter.Subset(faces[i].FileData, codePoints, glyphs);
            });
            // Skia compresses every font program it embeds, on this core: it gets each subset without its outlines
            // (almost nothing to compress), and the finisher embeds the real subset, compressed meanwhile on another
            // core. The finisher finds a program by its PostScript name, so a name two faces share keeps Skia's way.
            var names = subsetFiles.Select(f => ToUnicodeCompletion.PostScriptName(f)).ToList();
            var programs = new Dictionary<string, FontProgram>(StringComparer.Ordinal);
            for (var i = 0; i < faces.Count; i++)
            {
                var measured = OutlineFreeFont.MeasuredCharacters.Select(c => faces[i].NominalGlyph(c)).OfType<ushort>();
                var program = names[i] is { } name && names.Count(n => n == name) == 1 && FontProgram.For(subsetFiles[i], measured) is { } made
                    ? programs[name] = made
                    : null;
                subsets[faces[i]] = SKTypeface.FromData(SKData.CreateCopy(program?.DrawnWith ?? subsetFiles[i]))
                    ?? throw new TypesettingException($"{faces[i].Source}: the subset font could not be read back");
            }
            phases.Lap("subset");
            var pdf = PdfExporter.Export(layout, document.Metadata, Fonts, subsets, usage, programs, phases);
            return new TypesetResult(this, layout, pdf, phases.Phases);
        }
        finally
        {
            foreach (var typeface in subsets.Values) typeface.Dispose();
        }
    }

    /// <summary>
    /// Every character the document draws in a face (its text and its canvases' declared texts) must come out as ink: a
    /// glyph without an outline for a visible character means the font file is damaged, and the text would be invisible.
    /// </summary>
    static void CheckOutlines(GlyphUsage usage, IEnumerable<FontFace> faces)
    {
        foreach (var face in faces)
        {
            var empty = usage.Get(face).CodePoints
                .Select(c => (CodePoint: c, Glyph: face.EmptyGlyphFor(c)))
                .Where(e => e.Glyph is not null)
                .ToList();
            if (empty.Count == 0) continue;
            var shown = string.Join(", ", empty.Take(5).Select(e => $"U+{e.CodePoint:X4} '{char.ConvertFromUtf32(e.CodePoint)}' (glyph {e.Glyph})"));
            throw new DamagedFontException(face.Source,
                $"{empty.Count} character(s) the document uses have glyphs without outlines in this font, so they would be invisible: {shown}"
                + (empty.Count > 5 ? ", …" : "") + "; its glyf or loca table is damaged: use an intact copy of the font");
        }
    }

    /// <summary>Lays the document out into page frames, again while printed page numbers changed.</summary>
    internal LayoutResult Layout(Document document, PhaseClock? phases = null)
    {
        if (document.Metadata.CreatedUtc.Kind != DateTimeKind.Utc)
            throw new TypesettingException("DocumentMetadata.CreatedUtc must be a UTC date (DateTimeKind.Utc): other kinds make builds differ by time zone");
        CheckAnchors(document);
        var headings = AllElements(document).OfType<Heading>().ToList();
        LayoutResult? previous = null;
        var firstRunPages = 0;
        for (var run = 1; ; run++)
        {
            var context = new LayoutContext(document.Theme, Fonts, new FrameBuilder())
            {
                PageCount = previous?.PageCount ?? 0,
                FirstRunPageCount = firstRunPages,
                KnownHeadingPages = previous?.HeadingPages ?? new Dictionary<Heading, int>(),
                AllHeadings = headings,
            };
            var pageCount = RunPages(document, context);
            phases?.Lap(run == 1 ? "layout" : $"layout {run}");
            if (context.Missing.Count > 0) throw new MissingGlyphsException(context.Missing);
            var result = new LayoutResult(context.Frame.Pages, context.Frame.Root, context.AnchorPages, context.Headings, context.HeadingPages);
            // Settled when nothing printed a number the run did not know, or the numbers it printed (learned from the
            // previous run) are still true.
            var settled = previous is null
                ? !context.UsedUnknownNumbers
                : previous.PageCount == pageCount && SamePages(previous.HeadingPages, context.HeadingPages);
            if (settled || run == MaxLayoutRuns) return result;
            if (run == 1) firstRunPages = pageCount;
            previous = result;
        }
    }

    static bool SamePages(IReadOnlyDictionary<Heading, int> a, IReadOnlyDictionary<Heading, int> b) =>
        a.Count == b.Count && a.All(pair => b.TryGetValue(pair.Key, out var page) && page == pair.Value);

    /// <summary>
    /// The glyphs and characters each face draws in the frames, plus what drawing callbacks (charts) may draw: their
    /// declared strings and the ASCII range (tick labels) in every face they may ask for.
    /// </summary>
    GlyphUsage GlyphUsageOf(Document document, IReadOnlyList<PageFrame> pages)
    {
        var usage = new GlyphUsage();
        foreach (var page in pages)
            foreach (var block in page.Blocks)
                foreach (var item in block.Items)
                    if (item is GlyphRunItem run) usage.Add(run);
        var canvases = AllElements(document).OfType<CanvasElement>().ToList();
        var canvasText = string.Concat(canvases.SelectMany(c => c.Texts));
        if (canvasText.Length > 0)
        {
            const string ascii = " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~";
            // The faces a drawing may ask for: those the pages draw with anyway, and those the canvases name (every face
            // of the library when one names none). A face nobody uses is neither opened nor subset.
            var faces = usage.Faces.ToList();
            var named = canvases.Any(c => c.Typefaces is null)
                ? Fonts.Faces
                : canvases.SelectMany(c => c.Typefaces!).Select(t => Fonts.Find(t.Family, t.Weight)).OfType<FontFace>();
            foreach (var face in named)
                if (!faces.Contains(face)) faces.Add(face);
            foreach (var face in faces) usage.AddCodePoints(face, canvasText + ascii);
        }
        return usage;
    }

    /// <summary>Anchor ids must be unique and every internal link must point at one: a broken link is an input error.</summary>
    static void CheckAnchors(Document document)
    {
        var elements = AllElements(document).ToList();
        var anchors = elements.OfType<Heading>().Where(h => h.AnchorId is not null).GroupBy(h => h.AnchorId!).ToList();
        var problems = anchors.Where(g => g.Count() > 1)
            .Select(g => $"anchor id '{g.Key}' is used by {g.Count()} headings: {string.Join(", ", g.Select(h => $"\"{h.PlainText}\""))}")
            .Concat(elements.OfType<Paragraph>().SelectMany(p => p.Spans.Select(s => (Paragraph: p, Span: s)))
                .Where(x => x.Span.LinkAnchor is not null && anchors.All(g => g.Key != x.Span.LinkAnchor))
                .Select(x => $"link \"{x.Span.Text}\" in \"{x.Paragraph.PlainText}\" points at anchor '{x.Span.LinkAnchor}', which no heading has"))
            .ToList();
        if (problems.Count > 0) throw new TypesettingException(string.Join(Environment.NewLine, problems));
    }

    static IEnumerable<Element> AllElements(Document document)
    {
        var stack = new Stack<Element>(document.Content.Reverse());
        while (stack.Count > 0)
        {
            var element = stack.Pop();
            yield return element;
            foreach (var child in element.Children.Reverse()) stack.Push(child);
        }
    }

    /// <summary>Lays out every page into the context's frame builder; returns the page count.</summary>
    static int RunPages(Document document, LayoutContext context)
    {
        var page = document.Page;
        var body = new Column(document.Content) { PlacesFloats = true };
        body.Reset();
        var margins = page.Margins;
        var area = new SKSize(page.Size.Width - margins.Horizontal, page.Size.Height - margins.Vertical);
        if (area.Width <= 0 || area.Height <= 0)
            throw new LayoutException($"page margins {margins} leave no room on a {page.Size.Width}×{page.Size.Height} pt page");
        var frame = context.Frame;
        var pageIndex = 0;
        var pagesWithoutProgress = 0;
        while (true)
        {
            context.PageIndex = pageIndex;
            context.Relaxed = false;
            context.AtPageTop = true;
            var plan = body.Measure(context, area);
            if (plan.Kind == SpacePlanKind.Empty && pageIndex > 0) break;
            if (plan.Kind == SpacePlanKind.Wrap)
            {
                context.Relaxed = true; // an empty page: keep rules give way before we call it impossible
                plan = body.Measure(context, area);
                if (plan.Kind == SpacePlanKind.Wrap)
                    throw new LayoutException($"{body.Describe(context, area)} does not fit even on an empty page " +
                        $"(body area {area.Width:0.#}×{area.Height:0.#} pt, page {pageIndex + 1})");
            }
            // Empty pages one after another (page breaks) are legal; a hundred of them means an element never advances.
            pagesWithoutProgress = plan.Kind == SpacePlanKind.PartialRender && plan.Height <= 0 ? pagesWithoutProgress + 1 : 0;
            if (pagesWithoutProgress > 100 || pageIndex >= MaxPages)
                throw new LayoutException($"{body.Describe(context, area)} makes no progress: layout stopped at page {pageIndex + 1}");

            frame.BeginPage(pageIndex, page.Size);
            if (page.Background is { } background)
            {
                frame.PushArtifact(ArtifactKind.Background);
                frame.Rect(new SKRect(0, 0, page.Size.Width, page.Size.Height), background);
                frame.Pop();
            }
            if (pageIndex > 0 || page.HeaderFooterOnFirstPage) DrawHeaderFooter(context, page, area);
            context.AtPageTop = true;
            frame.Save();
            frame.Translate(margins.Left, margins.Top);
            body.Draw(context, area);
            frame.Restore();
            frame.EndPage();
            pageIndex++;
            if (plan.Kind == SpacePlanKind.Empty) break; // an empty document still gets one page
        }
        return pageIndex;
    }

    static void DrawHeaderFooter(LayoutContext context, PageSetup page, SKSize area)
    {
        var frame = context.Frame;
        var left = page.Margins.Left;
        context.AtPageTop = false;
        if (page.Header is { } header)
        {
            header.Reset();
            var space = new SKSize(area.Width, Math.Max(0, page.Margins.Top - page.HeaderDistance));
            if (header.Measure(context, space).Draws)
            {
                frame.PushArtifact(ArtifactKind.Header, header);
                frame.Save();
                frame.Translate(left, page.HeaderDistance);
                header.Draw(context, space);
                frame.Restore();
                frame.Pop();
            }
        }
        if (page.Footer is { } footer)
        {
            footer.Reset();
            var space = new SKSize(area.Width, Math.Max(0, page.Margins.Bottom - page.FooterDistance));
            var plan = footer.Measure(context, space);
            if (plan.Draws)
            {
                footer.Reset();
                frame.PushArtifact(ArtifactKind.Footer, footer);
                frame.Save();
                frame.Translate(left, page.Size.Height - page.FooterDistance - plan.Height);
                footer.Draw(context, space);
                frame.Restore();
                frame.Pop();
            }
        }
    }
}

/// <summary>One phase of typesetting, between two <see cref="System.Diagnostics.Stopwatch"/> timestamps, and the bytes
/// its thread allocated.</summary>
public sealed record TypesetPhase(string Name, long StartTimestamp, long EndTimestamp, long AllocatedBytes)
{
    public TimeSpan Time => System.Diagnostics.Stopwatch.GetElapsedTime(StartTimestamp, EndTimestamp);
}

/// <summary>Records consecutive phases: each <see cref="Lap"/> ends one and starts the next.</summary>
internal sealed class PhaseClock
{
    long _start = System.Diagnostics.Stopwatch.GetTimestamp();
    long _allocated = GC.GetAllocatedBytesForCurrentThread();
    readonly List<TypesetPhase> _phases = [];

    public IReadOnlyList<TypesetPhase> Phases => _phases;

    public void Lap(string name)
    {
        var (now, allocated) = (System.Diagnostics.Stopwatch.GetTimestamp(), GC.GetAllocatedBytesForCurrentThread());
        _phases.Add(new TypesetPhase(name, _start, now, allocated - _allocated));
        (_start, _allocated) = (now, allocated);
    }
}

/// <summary>A heading as it lands in the document: for the outline, the table of contents and anchors.</summary>
public sealed record HeadingPlacement(string Title, int Level, string? AnchorId, int PageIndex);

/// <summary>What layout produced: the page frames, the structure tree, and where the headings landed.</summary>
internal sealed record LayoutResult(IReadOnlyList<PageFrame> Pages, StructNode Structure, IReadOnlyDictionary<string, int> AnchorPages,
    IReadOnlyList<HeadingPlacement> Headings, IReadOnlyDictionary<Heading, int> HeadingPages)
{
    public int PageCount => Pages.Count;
}

/// <summary>The typeset PDF, the page frames it was drawn from, and PNG previews drawn from the same frames.</summary>
public sealed class TypesetResult
{
    readonly Typesetter _typesetter;
    readonly LayoutResult _layout;

    internal TypesetResult(Typesetter typesetter, LayoutResult layout, byte[] pdf, IReadOnlyList<TypesetPhase> phases)
    {
        _typesetter = typesetter;
        _layout = layout;
        Pdf = pdf;
        Phases = phases;
    }

    public byte[] Pdf { get; }
    /// <summary>Where typesetting spent its time: each layout run, font subsetting, drawing the PDF, finishing it.</summary>
    public IReadOnlyList<TypesetPhase> Phases { get; }
    public int PageCount => _layout.PageCount;
    /// <summary>The laid-out pages: what every exporter draws.</summary>
    public IReadOnlyList<PageFrame> Pages => _layout.Pages;
    /// <summary>The logical structure (Document root) in reading order.</summary>
    public StructNode Structure => _layout.Structure;
    /// <summary>Anchor id → 0-based page index where the heading with that anchor starts.</summary>
    public IReadOnlyDictionary<string, int> AnchorPages => _layout.AnchorPages;
    /// <summary>Headings in document order with their 0-based page index (the PDF outline).</summary>
    public IReadOnlyList<HeadingPlacement> Headings => _layout.Headings;

    /// <summary>PNG image of one page (0-based) at <paramref name="dpi"/> dots per inch.</summary>
    public byte[] RenderPng(int pageIndex, float dpi = 96)
    {
        if (pageIndex < 0 || pageIndex >= PageCount)
            throw new ArgumentOutOfRangeException(nameof(pageIndex), $"page {pageIndex} does not exist (0..{PageCount - 1})");
        return PngExporter.Render(_layout.Pages[pageIndex], _typesetter.Fonts, dpi);
    }

    /// <summary>PNG images of every page, in order; drawn from the frames, without laying out again, pages on every core.</summary>
    /// <param name="reuse">images kept from the last rendering of this document (a live preview): pages whose pixels did not
    /// change are not encoded again</param>
    public IReadOnlyList<byte[]> RenderAllPng(float dpi = 96, PngReuse? reuse = null)
    {
        reuse?.Begin();
        var pages = new byte[_layout.Pages.Count][];
        ParallelWork.For(pages.Length, i => pages[i] = PngExporter.Render(_layout.Pages[i], _typesetter.Fonts, dpi, reuse));
        return pages;
    }
}
