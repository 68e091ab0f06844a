using AiIndexReports.Typesetting.Layout;
using SkiaSharp;

namespace AiIndexReports.Typesetting.Elements;

/// <summary>How a <see cref="Width"/> is measured.</summary>
public enum WidthKind
{
    /// <summary>Points.</summary>
    Fixed,
    /// <summary>A share of what the other widths leave.</summary>
    Relative,
    /// <summary>A percentage of the whole width.</summary>
    Percent,
    /// <summary>Sized to the content (table columns; elsewhere a relative share of 1).</summary>
    Auto,
}

/// <summary>A width: fixed in points, a percentage of the whole, a relative share of what the others leave, or sized to its content.</summary>
public readonly record struct Width(float Value, WidthKind Kind)
{
    public static Width Fixed(float points) => new(points, WidthKind.Fixed);
    public static Width Relative(float share = 1) => new(share, WidthKind.Relative);
    public static Width Percent(float percent) => new(percent, WidthKind.Percent);
    /// <summary>A table column as wide as its content asks, like a browser's automatic table layout.</summary>
    public static Width Auto => new(1, WidthKind.Auto);

    public bool IsRelative => Kind is WidthKind.Relative or WidthKind.Auto;

    /// <summary>Points of a fixed or percentage width within <paramref name="total"/>; 0 for the others.</summary>
    internal float Points(float total) => Kind switch
    {
        WidthKind.Fixed => Value,
        WidthKind.Percent => total * Value / 100f,
        _ => 0,
    };

    internal static float[] Resolve(IReadOnlyList<Width> widths, float total, float spacing)
    {
        var free = total - spacing * Math.Max(0, widths.Count - 1) - widths.Where(w => !w.IsRelative).Sum(w => w.Points(total));
        var shares = widths.Where(w => w.IsRelative).Sum(w => w.Value);
        return widths.Select(w => w.IsRelative ? (shares > 0 ? Math.Max(0, free) * w.Value / shares : 0) : w.Points(total)).ToArray();
    }
}

/// <summary>Children side by side (e.g. a header with the title left and the publisher right).</summary>
public sealed class Row : Element
{
    readonly List<(Width Width, Element Element)> _items = [];

    public float Spacing { get; init; }

    public Row Fixed(float points, Element element) => Add(Width.Fixed(points), element);
    public Row Relative(float share, Element element) => Add(Width.Relative(share), element);

    public Row Add(Width width, Element element)
    {
        _items.Add((width, element));
        return this;
    }

    internal override IEnumerable<Element> Children => _items.Select(i => i.Element);

    float[] Widths(SKSize available) => Width.Resolve(_items.Select(i => i.Width).ToList(), available.Width, Spacing);

    internal override SpacePlan Measure(LayoutContext context, SKSize available)
    {
        var widths = Widths(available);
        float height = 0;
        bool anyDraws = false, partial = false;
        for (var i = 0; i < _items.Count; i++)
        {
            var plan = _items[i].Element.Measure(context, new SKSize(widths[i], available.Height));
            if (plan.Kind == SpacePlanKind.Wrap) return SpacePlan.Wrap;
            if (!plan.Draws) continue;
            anyDraws = true;
            partial |= plan.Kind == SpacePlanKind.PartialRender;
            height = Math.Max(height, plan.Height);
        }
        if (!anyDraws) return SpacePlan.Empty;
        return partial ? SpacePlan.Partial(available.Width, height) : SpacePlan.Full(available.Width, height);
    }

    internal override void Draw(LayoutContext context, SKSize available)
    {
        var widths = Widths(available);
        float x = 0;
        for (var i = 0; i < _items.Count; i++)
        {
            context.Frame.Save();
            context.Frame.Translate(x, 0);
            _items[i].Element.Draw(context, new SKSize(widths[i], available.Height));
            context.Frame.Restore();
            x += widths[i] + Spacing;
        }
    }
}
