using AiIndexReports.Typesetting.Elements;
using AiIndexReports.Typesetting.Fonts;
using AiIndexReports.Typesetting.Layout;
using AiIndexReports.Typesetting.Pdf;
using SkiaSharp;

namespace AiIndexReports.Typesetting;

/// <summary>
/// Turns a <see cref="Document"/> into a PDF. Pass 1 lays out with the full fonts (page count, where each heading
/// lands, which glyphs are used); the used fonts are then subset; pass 2 draws with the subset fonts; finally the
/// outline (bookmarks) and /Lang are added. Same document in, same bytes out.
/// </summary>
public sealed class Typesetter(FontLibrary fonts)
{
    /// <summary>Safety net: a layout that keeps producing pages without finishing is a bug, not a document.</summary>
    const int MaxPages = 20_000;

    public FontLibrary Fonts { get; } = fonts;

    public TypesetResult Typeset(Document document)
    {
        var layout = Layout(document);

        var subsets = new Dictionary<FontFace, SKTypeface>();
        try
        {
            foreach (var face in layout.Usage.Faces)
            {
                var (codePoints, glyphs) = layout.Usage.Get(face);
                var subset = FontSubsetter.Subset(face.FileBytes, codePoints, glyphs);
                subsets[face] = SKTypeface.FromData(SKData.CreateCopy(subset))
                    ?? throw new TypesettingException($"{face.Source}: the subset font could not be read back");
            }
            var pdf = DrawPdf(document, layout, subsets);
            var outline = layout.Headings.Select(h => new PdfOutlineEntry(h.Title, h.PageIndex, h.Level)).ToList();
            // The file /ID derives from the content: same document, same id; different documents, different ids.
            var seed = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(pdf));
            pdf = PdfPostProcessor.Apply(pdf, new PdfPostProcessOptions(outline, document.Metadata.Language, document.Metadata.CreatedUtc, seed));
            return new TypesetResult(this, document, pdf, layout);
        }
        finally
        {
            foreach (var typeface in subsets.Values) typeface.Dispose();
        }
    }

    /// <summary>Pass 1: layout only.</summary>
    internal LayoutResult Layout(Document document)
    {
        if (document.Metadata.CreatedUtc.Kind != DateTimeKind.Utc)
            throw new TypesettingException("DocumentMetadata.CreatedUtc must be a UTC date (DateTimeKind.Utc): other kinds make builds differ by time zone");
        CheckAnchors(document);
        var usage = new GlyphUsage();
        var context = NewContext(document, [], usage);
        var pageCount = RunPages(document, context, _ => null, _ => { });
        if (context.Missing.Count > 0) throw new MissingGlyphsException(context.Missing);
        context.ReleaseDrawingResources();

        // Page numbers differ between the passes: keep every digit. Drawing callbacks (charts) draw text the layout
        // never saw: include their declared strings, and the ASCII range (tick labels), in every face they may ask for.
        foreach (var face in usage.Faces.ToList()) usage.AddCodePoints(face, "0123456789");
        var canvasText = string.Concat(AllElements(document).OfType<CanvasElement>().SelectMany(c => c.Texts));
        if (canvasText.Length > 0)
        {
            const string ascii = " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~";
            foreach (var face in Fonts.Faces) usage.AddCodePoints(face, canvasText + ascii);
        }

        return new LayoutResult(pageCount, context.AnchorPages, context.Headings, context.HeadingPages, usage);
    }

    byte[] DrawPdf(Document document, LayoutResult layout, Dictionary<FontFace, SKTypeface> subsets)
    {
        var meta = document.Metadata;
        var pdfMetadata = new SKDocumentPdfMetadata
        {
            Title = meta.Title, Author = meta.Author, Subject = meta.Subject, Keywords = meta.Keywords,
            Creator = meta.Creator, Producer = meta.Producer, Creation = meta.CreatedUtc, Modified = meta.CreatedUtc,
            RasterDpi = 300, EncodingQuality = 95, PdfA = false,
        };
        using var output = new MemoryStream();
        var context = NewContext(document, subsets, null, layout);
        using (var stream = new SKManagedWStream(output))
        using (var pdf = SKDocument.CreatePdf(stream, pdfMetadata))
        {
            var size = document.Page.Size;
            RunPages(document, context, _ => pdf.BeginPage(size.Width, size.Height), _ => pdf.EndPage());
            pdf.Close();
        }
        context.ReleaseDrawingResources();
        return output.ToArray();
    }

    /// <summary>Draws one page onto a raster image with the same drawing code as the PDF.</summary>
    internal byte[] RenderPng(Document document, LayoutResult layout, int pageIndex, float dpi)
    {
        if (pageIndex < 0 || pageIndex >= layout.PageCount)
            throw new ArgumentOutOfRangeException(nameof(pageIndex), $"page {pageIndex} does not exist (0..{layout.PageCount - 1})");
        return RenderPngs(document, layout, dpi, index => index == pageIndex)[0];
    }

    /// <summary>
    /// Draws the selected pages onto raster images in one layout run (previews of a whole brief cost one pass,
    /// not one pass per page). Returns the PNGs in page order.
    /// </summary>
    internal IReadOnlyList<byte[]> RenderPngs(Document document, LayoutResult layout, float dpi, Func<int, bool> wanted)
    {
        var scale = dpi / 72f;
        var size = document.Page.Size;
        var info = new SKImageInfo((int)Math.Ceiling(size.Width * scale), (int)Math.Ceiling(size.Height * scale));
        var pngs = new List<byte[]>();
        SKSurface? surface = null;
        var context = NewContext(document, [], null, layout);
        try
        {
            RunPages(document, context, index =>
            {
                if (!wanted(index)) return null;
                surface = SKSurface.Create(info);
                surface.Canvas.Clear(SKColors.White);
                surface.Canvas.Scale(scale);
                return surface.Canvas;
            }, _ =>
            {
                if (surface is null) return;
                using (var image = surface.Snapshot())
                using (var png = image.Encode(SKEncodedImageFormat.Png, 100))
                    pngs.Add(png.ToArray());
                surface.Dispose();
                surface = null;
            });
        }
        finally
        {
            surface?.Dispose();
            context.ReleaseDrawingResources();
        }
        return pngs;
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

    LayoutContext NewContext(Document document, Dictionary<FontFace, SKTypeface> drawingTypefaces, GlyphUsage? usage, LayoutResult? previous = null) =>
        new(document.Theme, Fonts, drawingTypefaces)
        {
            GlyphUsage = usage,
            PageCount = previous?.PageCount ?? 0,
            KnownHeadingPages = previous?.HeadingPages ?? new Dictionary<Heading, int>(),
            AllHeadings = AllElements(document).OfType<Heading>().ToList(),
        };

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

    /// <summary>Lays out (and, where <paramref name="beginPage"/> gives a canvas, draws) every page; returns the page count.</summary>
    static int RunPages(Document document, LayoutContext context, Func<int, SKCanvas?> beginPage, Action<int> endPage)
    {
        var page = document.Page;
        var body = new Column(document.Content);
        body.Reset();
        var margins = page.Margins;
        var area = new SKSize(page.Size.Width - margins.Horizontal, page.Size.Height - margins.Vertical);
        if (area.Width <= 0 || area.Height <= 0)
            throw new LayoutException($"page margins {margins} leave no room on a {page.Size.Width}×{page.Size.Height} pt page");
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

            var canvas = beginPage(pageIndex);
            context.Canvas = canvas;
            if (page.Background is { } background) canvas?.DrawColor(background);
            if (pageIndex > 0 || page.HeaderFooterOnFirstPage) DrawHeaderFooter(context, page, area);
            context.AtPageTop = true;
            canvas?.Save();
            canvas?.Translate(margins.Left, margins.Top);
            body.Draw(context, area);
            canvas?.Restore();
            context.Canvas = null;
            if (canvas is not null) endPage(pageIndex);
            pageIndex++;
            if (plan.Kind == SpacePlanKind.Empty) break; // an empty document still gets one page
        }
        return pageIndex;
    }

    static void DrawHeaderFooter(LayoutContext context, PageSetup page, SKSize area)
    {
        var canvas = context.Canvas;
        var left = page.Margins.Left;
        context.AtPageTop = false;
        if (page.Header is { } header)
        {
            header.Reset();
            var space = new SKSize(area.Width, Math.Max(0, page.Margins.Top - page.HeaderDistance));
            if (header.Measure(context, space).Draws)
            {
                canvas?.Save();
                canvas?.Translate(left, page.HeaderDistance);
                header.Draw(context, space);
                canvas?.Restore();
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
                canvas?.Save();
                canvas?.Translate(left, page.Size.Height - page.FooterDistance - plan.Height);
                footer.Draw(context, space);
                canvas?.Restore();
            }
        }
    }
}

/// <summary>A heading as it lands in the document: for the outline, the table of contents and anchors.</summary>
public sealed record HeadingPlacement(string Title, int Level, string? AnchorId, int PageIndex);

/// <summary>What pass 1 learned.</summary>
internal sealed record LayoutResult(int PageCount, IReadOnlyDictionary<string, int> AnchorPages, IReadOnlyList<HeadingPlacement> Headings,
    IReadOnlyDictionary<Heading, int> HeadingPages, GlyphUsage Usage);

/// <summary>The typeset PDF, with what a caller needs to know about it, and PNG previews of its pages.</summary>
public sealed class TypesetResult
{
    readonly Typesetter _typesetter;
    readonly Document _document;
    readonly LayoutResult _layout;

    internal TypesetResult(Typesetter typesetter, Document document, byte[] pdf, LayoutResult layout)
    {
        _typesetter = typesetter;
        _document = document;
        _layout = layout;
        Pdf = pdf;
    }

    public byte[] Pdf { get; }
    public int PageCount => _layout.PageCount;
    /// <summary>Anchor id → 0-based page index where the heading with that anchor starts.</summary>
    public IReadOnlyDictionary<string, int> AnchorPages => _layout.AnchorPages;
    /// <summary>Headings in document order with their 0-based page index (the PDF outline).</summary>
    public IReadOnlyList<HeadingPlacement> Headings => _layout.Headings;

    /// <summary>PNG image of one page (0-based) at <paramref name="dpi"/> dots per inch.</summary>
    public byte[] RenderPng(int pageIndex, float dpi = 96) => _typesetter.RenderPng(_document, _layout, pageIndex, dpi);

    /// <summary>PNG images of every page, in order, from a single layout run.</summary>
    public IReadOnlyList<byte[]> RenderAllPng(float dpi = 96) => _typesetter.RenderPngs(_document, _layout, dpi, _ => true);
}
