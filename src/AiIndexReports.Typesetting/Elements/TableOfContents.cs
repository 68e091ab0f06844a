using System.Globalization;
using AiIndexReports.Typesetting.Frames;
using AiIndexReports.Typesetting.Layout;
using AiIndexReports.Typesetting.Text;
using SkiaSharp;

namespace AiIndexReports.Typesetting.Elements;

/// <summary>
/// The document's headings (up to <see cref="TocStyle.MaxLevel"/>) with their page numbers. Entries of headings with
/// an anchor id are clickable. Page numbers come from the layout pass; their slot has a fixed width so that the
/// table of contents takes the same space in both passes. In a tagged PDF: TOC → TOCI → Link (title, page number and
/// the link annotation); the leader dots are artifacts.
/// </summary>
public sealed class TableOfContents : Element
{
    Column? _entries;
    LayoutContext? _builtFor;
    StructNode? _node;

    public TocStyle? Style { get; init; }

    Column Entries(LayoutContext context)
    {
        if (_entries is not null && _builtFor == context) return _entries;
        var style = Style ?? context.Theme.Toc;
        var entries = context.AllHeadings
            .Where(h => h.InTableOfContents && h.Level <= style.MaxLevel)
            .Select(h => (Element)new Entry(h, style));
        _entries = new Column(entries) { Spacing = 0 };
        _builtFor = context;
        return _entries;
    }

    internal override void Reset()
    {
        _node = null;
        _entries?.Reset();
    }

    internal override SpacePlan Measure(LayoutContext context, SKSize available) => Entries(context).Measure(context, available);

    internal override void Draw(LayoutContext context, SKSize available)
    {
        _node ??= context.Frame.NewNode(StructRole.TOC, this);
        context.Frame.Push(_node, this);
        Entries(context).Draw(context, available);
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
            frame.PushArtifact(ArtifactKind.Layout);
            for (var x = start; x <= right - size * 0.6f; x += step)
                frame.Circle(x, baseline - size * 0.08f, size * 0.05f, new SKColor(0xA0, 0xA0, 0xA0));
            frame.Pop();
        }
    }
}
