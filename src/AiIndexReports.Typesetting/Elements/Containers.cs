using AiIndexReports.Typesetting.Frames;
using AiIndexReports.Typesetting.Layout;
using SkiaSharp;

namespace AiIndexReports.Typesetting.Elements;

/// <summary>Empty space around a child.</summary>
public sealed class Padding(Spacing padding, Element child) : Element
{
    public Spacing Value { get; } = padding;
    public Element Child { get; } = child;

    internal override IEnumerable<Element> Children => [Child];

    internal override SpacePlan Measure(LayoutContext context, SKSize available) => Inset.Measure(context, Child, Value, available);

    internal override (float Min, float Max) ContentWidths(LayoutContext context) => Inset.ContentWidths(context, Child, Value);

    internal override void Draw(LayoutContext context, SKSize available) => Inset.Draw(context, Child, Value, available);

    internal override string Describe(LayoutContext context, SKSize available) => Child.Describe(context, Inset.Inner(Value, available));
}

/// <summary>A child with background, border and padding (the 요약 box, callouts); styled by <see cref="Theme.Box"/> by default.</summary>
public sealed class Box(Element child) : Element
{
    public Element Child { get; } = child;
    public BoxStyle? Style { get; init; }

    internal override IEnumerable<Element> Children => [Child];

    static Spacing Insets(BoxStyle style)
    {
        var b = style.BorderWidth;
        var s = style.BorderSides;
        var p = style.Padding;
        return new Spacing(p.Top + (s.HasFlag(BorderSides.Top) ? b : 0), p.Right + (s.HasFlag(BorderSides.Right) ? b : 0),
            p.Bottom + (s.HasFlag(BorderSides.Bottom) ? b : 0), p.Left + (s.HasFlag(BorderSides.Left) ? b : 0));
    }

    internal override SpacePlan Measure(LayoutContext context, SKSize available) =>
        Inset.Measure(context, Child, Insets(Style ?? context.Theme.Box), available);

    internal override (float Min, float Max) ContentWidths(LayoutContext context) => Inset.ContentWidths(context, Child, Insets(Style ?? context.Theme.Box));

    internal override void Draw(LayoutContext context, SKSize available)
    {
        var style = Style ?? context.Theme.Box;
        var plan = Measure(context, available);
        if (plan.Draws)
        {
            var frame = context.Frame;
            var rect = new SKRect(0, 0, available.Width, plan.Height);
            if (style.Background is { } background)
            {
                frame.PushArtifact(ArtifactKind.Background, this);
                frame.Rect(rect, background);
                frame.Pop();
            }
            if (style.BorderWidth > 0 && style.BorderSides != BorderSides.None)
            {
                frame.PushArtifact(ArtifactKind.Layout, this);
                var (w, c) = (style.BorderWidth, style.BorderColor);
                var h = w / 2;
                if (style.BorderSides.HasFlag(BorderSides.Top)) frame.Line(0, h, rect.Right, h, w, c);
                if (style.BorderSides.HasFlag(BorderSides.Bottom)) frame.Line(0, rect.Bottom - h, rect.Right, rect.Bottom - h, w, c);
                if (style.BorderSides.HasFlag(BorderSides.Left)) frame.Line(h, 0, h, rect.Bottom, w, c);
                if (style.BorderSides.HasFlag(BorderSides.Right)) frame.Line(rect.Right - h, 0, rect.Right - h, rect.Bottom, w, c);
                frame.Pop();
            }
        }
        Inset.Draw(context, Child, Insets(style), available);
    }

    internal override string Describe(LayoutContext context, SKSize available) => "Box containing " + Child.Describe(context, available);
}

/// <summary>Shared arithmetic of elements that place one child inside insets.</summary>
internal static class Inset
{
    public static (float Min, float Max) ContentWidths(LayoutContext context, Element child, Spacing insets)
    {
        var (min, max) = child.ContentWidths(context);
        return (min + insets.Horizontal, max + insets.Horizontal);
    }

    public static SKSize Inner(Spacing insets, SKSize available) =>
        new(Math.Max(0, available.Width - insets.Horizontal), available.Height - insets.Vertical);

    public static SpacePlan Measure(LayoutContext context, Element child, Spacing insets, SKSize available)
    {
        var inner = Inner(insets, available);
        if (inner.Height < 0) return SpacePlan.Wrap;
        var plan = child.Measure(context, inner);
        return plan.Draws ? plan with { Width = plan.Width + insets.Horizontal, Height = plan.Height + insets.Vertical } : plan;
    }

    public static void Draw(LayoutContext context, Element child, Spacing insets, SKSize available)
    {
        var frame = context.Frame;
        frame.Save();
        frame.Translate(insets.Left, insets.Top);
        child.Draw(context, Inner(insets, available));
        frame.Restore();
    }
}

/// <summary>Never split the child across pages (unless it is taller than a whole page).</summary>
public sealed class KeepTogether(Element child) : Element
{
    public Element Child { get; } = child;

    internal override IEnumerable<Element> Children => [Child];
    internal override bool KeepsWithNext => Child.KeepsWithNext;

    internal override SpacePlan Measure(LayoutContext context, SKSize available)
    {
        var plan = Child.Measure(context, available);
        return plan.Kind == SpacePlanKind.PartialRender && !context.Relaxed ? SpacePlan.Wrap : plan;
    }

    internal override (float Min, float Max) ContentWidths(LayoutContext context) => Child.ContentWidths(context);

    internal override void Draw(LayoutContext context, SKSize available) => Child.Draw(context, available);
    internal override string Describe(LayoutContext context, SKSize available) => Child.Describe(context, available);
}

/// <summary>The child may not end a page: it moves to the next page together with the element after it.</summary>
public sealed class KeepWithNext(Element child) : Element
{
    public Element Child { get; } = child;

    internal override IEnumerable<Element> Children => [Child];
    internal override bool KeepsWithNext => true;
    internal override (float Min, float Max) ContentWidths(LayoutContext context) => Child.ContentWidths(context);
    internal override SpacePlan Measure(LayoutContext context, SKSize available) => Child.Measure(context, available);
    internal override void Draw(LayoutContext context, SKSize available) => Child.Draw(context, available);
    internal override string Describe(LayoutContext context, SKSize available) => Child.Describe(context, available);
}

/// <summary>Ends the page; what follows starts on the next one.</summary>
public sealed class PageBreak : Element
{
    bool _done;

    internal override void Reset() => _done = false;
    internal override SpacePlan Measure(LayoutContext context, SKSize available) => _done ? SpacePlan.Empty : SpacePlan.Partial(0, 0);
    internal override void Draw(LayoutContext context, SKSize available) => _done = true;
}

/// <summary>Vertical space; at a page's bottom it shrinks to what is left instead of pushing content over.</summary>
public sealed class Spacer(float height) : Element
{
    public float Height { get; } = height;

    internal override SpacePlan Measure(LayoutContext context, SKSize available) =>
        SpacePlan.Full(available.Width, Math.Clamp(Height, 0, Math.Max(0, available.Height)));

    internal override void Draw(LayoutContext context, SKSize available) { }
}
