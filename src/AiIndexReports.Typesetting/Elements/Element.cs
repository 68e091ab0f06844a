using SkiaSharp;

using AiIndexReports.Typesetting.Layout;

namespace AiIndexReports.Typesetting.Elements;

/// <summary>
/// A piece of the document. Layout follows QuestPDF's protocol: <see cref="Measure"/> says how much fits into the
/// available space without changing anything; <see cref="Draw"/> then draws exactly that much and remembers where
/// it stopped, so the element continues on the next page. <see cref="Reset"/> rewinds it for the next pass.
/// </summary>
public abstract class Element
{
    /// <summary>
    /// Where the element came from, for tools that map pages back to their source (e.g. "templates/brief/02-AI모델.md.sbn:7");
    /// set by whoever composes the document, carried by the frame blocks the element draws.
    /// </summary>
    public string? Source { get; init; }

    internal abstract SpacePlan Measure(LayoutContext context, SKSize available);

    /// <summary>Draws at the canvas origin what <see cref="Measure"/> promised for the same space, and advances.</summary>
    internal abstract void Draw(LayoutContext context, SKSize available);

    /// <summary>Rewinds state so that layout starts from the beginning (each pass and each repeated table header).</summary>
    internal virtual void Reset()
    {
        foreach (var child in Children) child.Reset();
    }

    internal virtual IEnumerable<Element> Children => [];

    /// <summary>True for headings and captions: they must not be the last thing on a page.</summary>
    internal virtual bool KeepsWithNext => false;

    /// <summary>
    /// How many lines of text the last <see cref="Measure"/> placed, for "a heading keeps at least two lines of what
    /// follows". Blocks that are not lines of text (tables, figures, boxes) count as plenty.
    /// </summary>
    internal virtual int MeasuredLines => int.MaxValue;

    /// <summary>
    /// The narrowest width the element can be set in without overflowing (its widest unbreakable piece) and the width
    /// it takes unbroken (every line as long as it wants); what auto-sized table columns are sized from.
    /// </summary>
    internal virtual (float Min, float Max) ContentWidths(LayoutContext context) => (0, 0);

    /// <summary>Names the element for error messages, e.g. "Image 400×900 pt".</summary>
    internal virtual string Describe(LayoutContext context, SKSize available) => GetType().Name;
}
