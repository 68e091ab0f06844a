using AiIndexReports.Typesetting.Frames;
using AiIndexReports.Typesetting.Layout;
using AiIndexReports.Typesetting.Text;
using SkiaSharp;

namespace AiIndexReports.Typesetting.Elements;

/// <summary>
/// A figure or table with its caption above ("[그림 1] …", "&lt;표 1&gt; …"), an optional unit line right-aligned
/// ("(단위: 건, %)"), and notes and source lines below ("주: …", "자료: …"). The caption never ends a page;
/// with <see cref="KeepTogether"/> (default) the whole figure moves to the next page rather than split. In a tagged
/// PDF it is a Div holding the Caption, the unit line, the body (a Figure with /Alt, or a Table) and the notes.
/// </summary>
public sealed class Figure(string caption, Element body) : Element
{
    Element? _content;
    Theme? _builtFor;
    StructNode? _node;

    public string Caption { get; } = caption;
    public Element Body { get; } = body;
    /// <summary>A right-aligned line between caption and body, e.g. "(단위: 건, %)".</summary>
    public string? Unit { get; init; }
    /// <summary>Lines under the body: notes ("주: …") then the source ("자료: …").</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
    /// <summary>False for long tables, which may continue on the next page (their header repeats).</summary>
    public bool KeepTogether { get; init; } = true;
    /// <summary>
    /// In the page flow, a figure kept together that does not fit where it stands moves to the top of the next page
    /// while the text after it fills this page (see <see cref="Column"/>); false keeps it in place (it then moves to
    /// the next page with everything after it).
    /// </summary>
    public bool Float { get; init; }

    /// <summary>True when the figure may float: <see cref="Float"/> and kept together.</summary>
    internal bool Floats => Float && KeepTogether;

    internal override IEnumerable<Element> Children => [Body];

    Element Content(LayoutContext context)
    {
        if (_content is not null && ReferenceEquals(_builtFor, context.Theme)) return _content;
        var theme = context.Theme;
        var column = new Column { Spacing = 2 };
        column.Add(new Paragraph(Caption) { Style = theme.Caption, Role = StructRole.Caption, Source = Source });
        if (Unit is not null)
            column.Add(new Paragraph(Unit) { Style = theme.SourceNote with { Align = TextAlign.Right, SpaceAfter = 0, KeepWithNext = true }, Source = Source });
        column.Add(Body);
        foreach (var note in Notes)
            column.Add(new Paragraph(note) { Style = theme.SourceNote with { SpaceAfter = 0 }, Source = Source });
        column.Add(new Spacer(theme.SourceNote.SpaceAfter));
        _content = KeepTogether ? new KeepTogether(column) : column;
        _builtFor = theme;
        return _content;
    }

    internal override void Reset()
    {
        _node = null;
        _content?.Reset();
        Body.Reset();
    }

    internal override SpacePlan Measure(LayoutContext context, SKSize available) => Content(context).Measure(context, available);

    /// <summary>
    /// Shortens a drawing body (a <see cref="CanvasElement"/> with a <see cref="CanvasElement.MinHeight"/>) so that the
    /// whole figure fits <paramref name="available"/>; false (and its own height again) when even its minimum does not.
    /// The page flow asks this of a float that closes its section, where waiting for the next page would leave the
    /// rest of this one empty.
    /// </summary>
    internal bool ShrinkToFit(LayoutContext context, SKSize available)
    {
        if (Body is not CanvasElement { MinHeight: { } min } canvas || !KeepTogether) return false;
        canvas.FitTo(null);
        var natural = Content(context).Measure(context, new SKSize(available.Width, float.MaxValue / 4));
        if (!natural.Draws) return false;
        var target = canvas.Height - (natural.Height - available.Height) - 0.5f;
        if (target < min) return false;
        canvas.FitTo(target);
        if (Content(context).Measure(context, available).Kind == SpacePlanKind.FullRender) return true;
        canvas.FitTo(null);
        return false;
    }

    /// <summary>Sets a shortened drawing body back to its own height.</summary>
    internal void Unshrink()
    {
        if (Body is CanvasElement canvas) canvas.FitTo(null);
    }

    /// <summary>Creates the figure's structure node at the current place in the reading order (a float drawn later).</summary>
    internal void ReserveNode(FrameBuilder frame) => _node ??= frame.NewNode(StructRole.Div, this);

    internal override void Draw(LayoutContext context, SKSize available)
    {
        var frame = context.Frame;
        ReserveNode(frame);
        frame.Push(_node, this);
        Content(context).Draw(context, available);
        frame.Pop();
    }
    internal override string Describe(LayoutContext context, SKSize available) => $"Figure \"{Caption}\": {Body.Describe(context, available)}";
}
