using System.Globalization;
using AiIndexReports.Typesetting.Frames;
using AiIndexReports.Typesetting.Layout;
using AiIndexReports.Typesetting.Text;
using SkiaSharp;

namespace AiIndexReports.Typesetting.Elements;

/// <summary>
/// The document's headings (up to <see cref="TocStyle.MaxLevel"/>) with their page numbers, under an optional
/// <see cref="Title"/>, in one column or, compact, in <see cref="TocStyle.Columns"/> columns read top to bottom then left
/// to right. Entries of headings with an anchor id are clickable. Page numbers come from the layout pass; their slot has
/// a fixed width so that the table of contents takes the same space in both passes. With <see cref="MinPages"/> it
/// appears only in a document longer than that (counted without it). In a tagged PDF: TOC → TOCI → Link (title, page
/// number and the link annotation); the leader dots are artifacts.
/// </summary>
public sealed class TableOfContents : Element
{
    Element? _content;
    LayoutContext? _builtFor;
    StructNode? _node;

    public TocStyle? Style { get; init; }
    /// <summary>Drawn above the entries (e.g. "목차"), and left out with them.</summary>
    public Element? Title { get; init; }
    /// <summary>
    /// Shown only when the document, laid out without it, has more pages than this (0: always). The first layout run
    /// counts the pages without it; later runs keep that decision, so the table cannot appear and vanish in turn.
    /// </summary>
    public int MinPages { get; init; }

    internal override IEnumerable<Element> Children => Title is null ? [] : [Title];

    /// <summary>False while the document is too short for a table of contents (or not yet counted).</summary>
    bool Shown(LayoutContext context)
    {
        if (MinPages <= 0) return true;
        if (context.FirstRunPageCount == 0)
        {
            context.UsedUnknownNumbers = true; // the count comes from this run: lay out again
            return false;
        }
        return context.FirstRunPageCount > MinPages;
    }

    Element Content(LayoutContext context)
    {
        if (_content is not null && _builtFor == context) return _content;
        var style = Style ?? context.Theme.Toc;
        var entries = context.AllHeadings
            .Where(h => h.InTableOfContents && h.Level <= style.MaxLevel)
            .Select(h => (Element)new Entry(h, style))
            .ToList();
        Element body;
        var columns = Math.Clamp(style.Columns, 1, Math.Max(1, entries.Count));
        if (columns == 1) body = new Column(entries) { Spacing = 0 };
        else
        {
            // Column by column: the first ⌈n/columns⌉ entries on the left, and so on, so reading order is the headings' order.
            var perColumn = (entries.Count + columns - 1) / columns;
            var row = new Row { Spacing = style.ColumnSpacing };
            for (var c = 0; c < columns; c++)
                row.Relative(1, new Column(entries.Skip(c * perColumn).Take(perColumn)) { Spacing = 0 });
            body = new KeepTogether(row);
        }
        _content = Title is null ? body : new Column(Title, body) { Spacing = 0 };
        _builtFor = context;
        return _content;
    }

    internal override void Reset()
    {
        _node = null;
        _content?.Reset();
        Title?.Reset();
    }

    internal override SpacePlan Measure(LayoutContext context, SKSize available) =>
        Shown(context) ? Content(context).Measure(context, available) : SpacePlan.Empty;

    internal override void Draw(LayoutContext context, SKSize available)
    {
        if (!Shown(context)) return;
        _node ??= context.Frame.NewNode(StructRole.TOC, this);
        context.Frame.Push(_node, this);
        Content(context).Draw(context, available);
        context.Frame.Pop();
    }

    /// <summary>One line of the table of contents: title, leader dots, page number; a link to the heading.</summary>
    sealed class Entry(Heading heading, TocStyle style) : Element
    {
        readonly ParagraphStyle _style = style.Levels[Math.Clamp(heading.Level, 1, style.Levels.Count) - 1];
        Paragraph? _title;
        bool _drawn;

        Paragraph Title => _title ??= new Paragraph(heading.PlainText)
        {
            Untagged = true,
            Style = _style with { RightIndent = _style.RightIndent + style.PageNumberWidth, Align = TextAlign.Left, KeepWithNext = false, MinLinesAtBreak = 1 },
        };

        internal override void Reset()
        {
            _drawn = false;
            Title.Reset();
        }

        internal override SpacePlan Measure(LayoutContext context, SKSize available)
        {
            if (_drawn) return SpacePlan.Empty;
            var plan = Title.Measure(context, available);
            return plan.Kind == SpacePlanKind.PartialRender ? SpacePlan.Wrap : plan;
        }

        internal override void Draw(LayoutContext context, SKSize available)
        {
            var plan = Measure(context, available);
            if (!plan.Draws) return;
            var frame = context.Frame;
            var item = frame.NewNode(StructRole.TOCI, this);
            var link = heading.AnchorId is null ? null : frame.NewNode(StructRole.Link, this, item);
            frame.Push(item, this);
            frame.Push(link, this);
            Title.Draw(context, available);
            _drawn = true;

            var known = context.KnownHeadingPages.TryGetValue(heading, out var index);
            if (!known) context.UsedUnknownNumbers = true;
            var page = known ? index + 1 : 0;
            var number = new Paragraph(page.ToString(CultureInfo.InvariantCulture))
            {
                Untagged = true,
                Style = _style with { LeftIndent = 0, RightIndent = 0, FirstLineIndent = 0, SpaceBefore = 0, Align = TextAlign.Right, Text = _style.Text with { TabularDigits = true } },
            };
            var slot = new SKSize(style.PageNumberWidth, available.Height);
            var last = Title.LastDrawnLine ?? (0, 0, 0);
            if (style.Leader && Title.LastDrawnLine is { } end)
                DrawLeader(frame, end.EndX, end.Baseline, available.Width - style.PageNumberWidth - _style.RightIndent + style.PageNumberWidth * 0.3f);
            frame.Save();
            // The number shares the title's style, so aligning line tops aligns the baselines.
            frame.Translate(available.Width - style.PageNumberWidth - _style.RightIndent, last.Top);
            number.Measure(context, slot);
            number.Draw(context, slot);
            frame.Restore();

            if (heading.AnchorId is not null)
                frame.Link(new SKRect(_style.LeftIndent, 0, available.Width, plan.Height), null, heading.AnchorId,
                    $"{heading.PlainText} {page.ToString(CultureInfo.InvariantCulture)}", link);
            frame.Pop();
            frame.Pop();
        }

        /// <summary>Leader dots drawn as shapes, not text, so that text extraction reads "title page"; artifacts.</summary>
        void DrawLeader(FrameBuilder frame, float endX, float baseline, float right)
        {
            var size = _style.Text.Size;
            var step = size * 0.45f;
            // Dots sit on a grid so that the dots of all entries line up.
            var start = MathF.Ceiling((endX + size * 0.5f) / step) * step;
            var dots = new List<SKPoint>();
            for (var x = start; x <= right - size * 0.6f; x += step) dots.Add(new SKPoint(x, baseline - size * 0.08f));
            if (dots.Count == 0) return;
            frame.PushArtifact(ArtifactKind.Layout);
            frame.Dots(dots, size * 0.05f, new SKColor(0xA0, 0xA0, 0xA0));
            frame.Pop();
        }
    }
}
