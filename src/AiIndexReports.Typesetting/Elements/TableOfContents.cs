using System.Globalization;
using AiIndexReports.Typesetting.Layout;
using AiIndexReports.Typesetting.Text;
using SkiaSharp;

namespace AiIndexReports.Typesetting.Elements;

/// <summary>
/// The document's headings (up to <see cref="TocStyle.MaxLevel"/>) with their page numbers. Entries of headings with
/// an anchor id are clickable. Page numbers come from the layout pass; their slot has a fixed width so that the
/// table of contents takes the same space in both passes.
/// </summary>
public sealed class TableOfContents : Element
{
    Column? _entries;
    LayoutContext? _builtFor;

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

    internal override void Reset() => _entries?.Reset();

    internal override SpacePlan Measure(LayoutContext context, SKSize available) => Entries(context).Measure(context, available);
    internal override void Draw(LayoutContext context, SKSize available) => Entries(context).Draw(context, available);

    /// <summary>One line of the table of contents: title, leader dots, page number; a link to the heading.</summary>
    sealed class Entry(Heading heading, TocStyle style) : Element
    {
        readonly ParagraphStyle _style = style.Levels[Math.Clamp(heading.Level, 1, style.Levels.Count) - 1];
        Paragraph? _title;
        bool _drawn;

        Paragraph Title => _title ??= new Paragraph(heading.PlainText)
        {
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
            Title.Draw(context, available);
            _drawn = true;

            var page = context.KnownHeadingPages.TryGetValue(heading, out var index) ? index + 1 : 0;
            var number = new Paragraph(page.ToString(CultureInfo.InvariantCulture))
            {
                Style = _style with { LeftIndent = 0, RightIndent = 0, FirstLineIndent = 0, SpaceBefore = 0, Align = TextAlign.Right, Text = _style.Text with { TabularDigits = true } },
            };
            var slot = new SKSize(style.PageNumberWidth, available.Height);
            var canvas = context.Canvas;
            var last = Title.LastDrawnLine ?? (0, 0, 0);
            canvas?.Save();
            // The number shares the title's style, so aligning line tops aligns the baselines.
            canvas?.Translate(available.Width - style.PageNumberWidth - _style.RightIndent, last.Top);
            number.Measure(context, slot);
            number.Draw(context, slot);
            canvas?.Restore();

            if (canvas is not null && style.Leader && Title.LastDrawnLine is { } end)
                DrawLeader(canvas, end.EndX, end.Baseline, available.Width - style.PageNumberWidth - _style.RightIndent + style.PageNumberWidth * 0.3f);
            if (canvas is not null && heading.AnchorId is not null)
                canvas.DrawLinkDestinationAnnotation(new SKRect(_style.LeftIndent, 0, available.Width, plan.Height), heading.AnchorId)?.Dispose();
        }

        /// <summary>Leader dots drawn as shapes, not text, so that text extraction reads "title page".</summary>
        void DrawLeader(SKCanvas canvas, float endX, float baseline, float right)
        {
            var size = _style.Text.Size;
            var step = size * 0.45f;
            // Dots sit on a grid so that the dots of all entries line up.
            var start = MathF.Ceiling((endX + size * 0.5f) / step) * step;
            using var paint = new SKPaint { Color = new SKColor(0xA0, 0xA0, 0xA0), IsAntialias = true, Style = SKPaintStyle.Fill };
            for (var x = start; x <= right - size * 0.6f; x += step)
                canvas.DrawCircle(x, baseline - size * 0.08f, size * 0.05f, paint);
        }
    }
}
