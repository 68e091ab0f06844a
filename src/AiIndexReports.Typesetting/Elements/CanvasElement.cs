using AiIndexReports.Typesetting.Frames;
using AiIndexReports.Typesetting.Layout;
using SkiaSharp;

namespace AiIndexReports.Typesetting.Elements;

/// <summary>
/// A drawing callback of fixed height (charts). Width is the available width unless <see cref="Width"/> is set.
/// The callback gets the canvas with the origin at the element's top-left, the size, and the document's typefaces;
/// it is called by the exporters (PDF, PNG), never during layout, once per exporter — the PDF exporter calls it on
/// another thread while it draws earlier pages, so the callback must be thread-safe (not share mutable state with other
/// callbacks or with the caller). Declare every string it draws in <see cref="Texts"/> so that the subset fonts contain
/// those glyphs.
/// </summary>
public sealed class CanvasElement(float height, Action<SKCanvas, SKSize, ITypefaceSource> draw) : Element
{
    public float Height { get; } = height;
    public float? Width { get; init; }
    public IEnumerable<string> Texts { get; init; } = [];
    /// <summary>
    /// The faces (family, weight) the drawing asks its typeface source for: their subsets get <see cref="Texts"/>.
    /// Null: any face of the library (each one is then subset, loaded or not).
    /// </summary>
    public IReadOnlyList<(string Family, SKFontStyleWeight Weight)>? Typefaces { get; init; }
    /// <summary>Names the element in layout errors (e.g. "그림 3").</summary>
    public string? Name { get; init; }
    /// <summary>
    /// What the drawing shows, in words (for a chart: its data): a tagged PDF reads this instead of the drawing
    /// (a Figure with /Alt). Without it the drawing is decoration (an artifact).
    /// </summary>
    public string? Alt { get; init; }

    /// <summary>
    /// The drawing may be set as short as this (a chart redraws at any height) when that keeps a figure on its page
    /// (<see cref="Figure"/> decides); null: always <see cref="Height"/>.
    /// </summary>
    public float? MinHeight { get; init; }

    bool _drawn;
    float? _fitted;

    /// <summary>The height it is set in now: <see cref="Height"/>, or less where a figure shrank it to fit.</summary>
    internal float CurrentHeight => _fitted ?? Height;

    /// <summary>Sets the drawing <paramref name="height"/> tall (null: its own height), within <see cref="MinHeight"/>.</summary>
    internal void FitTo(float? height) => _fitted = height is { } h ? Math.Clamp(h, MinHeight ?? Height, Height) : null;

    internal override void Reset()
    {
        _drawn = false;
        _fitted = null;
    }

    /// <summary>A drawing of a given width asks for it; otherwise it takes any width it is given.</summary>
    internal override (float Min, float Max) ContentWidths(LayoutContext context) => Width is { } w ? (w, w) : (0, 0);

    SKSize SizeIn(SKSize available) => new(Math.Min(Width ?? available.Width, available.Width), CurrentHeight);

    internal override SpacePlan Measure(LayoutContext context, SKSize available)
    {
        if (_drawn) return SpacePlan.Empty;
        if (CurrentHeight > available.Height + 0.01f) return SpacePlan.Wrap;
        var size = SizeIn(available);
        return SpacePlan.Full(size.Width, size.Height);
    }

    internal override void Draw(LayoutContext context, SKSize available)
    {
        if (_drawn) return;
        _drawn = true;
        var size = SizeIn(available);
        var frame = context.Frame;
        if (string.IsNullOrWhiteSpace(Alt)) frame.PushArtifact(ArtifactKind.Layout, this);
        else frame.Push(frame.NewNode(StructRole.Figure, this, alt: Alt), this);
        frame.Canvas(new SKRect(0, 0, size.Width, size.Height), draw);
        frame.Pop();
    }

    internal override string Describe(LayoutContext context, SKSize available) =>
        $"Canvas{(Name is null ? "" : $" '{Name}'")} {SizeIn(available).Width:0.#}×{CurrentHeight:0.#} pt";
}
