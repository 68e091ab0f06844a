using SkiaSharp;

namespace AiIndexReports.Typesetting.Text;

/// <summary>
/// A run of text inside a paragraph. Unset properties come from the paragraph's style, so a bold span is just
/// <c>new TextSpan("강조") { Weight = SKFontStyleWeight.Bold }</c>.
/// </summary>
public sealed record TextSpan(string Text)
{
    /// <summary>Replaces the paragraph's text style for this span entirely.</summary>
    public TextStyle? Style { get; init; }
    public SKFontStyleWeight? Weight { get; init; }
    public SKColor? Color { get; init; }
    public float? Size { get; init; }
    public bool? Underline { get; init; }
    /// <summary>External link (a URL annotation over the span).</summary>
    public string? LinkUrl { get; init; }
    /// <summary>Internal link to a heading's anchor id (a link to a named destination).</summary>
    public string? LinkAnchor { get; init; }

    public static implicit operator TextSpan(string text) => new(text);

    internal TextStyle Resolve(TextStyle paragraphText)
    {
        var style = Style ?? paragraphText;
        if (Weight is null && Color is null && Size is null && Underline is null) return style;
        return style with
        {
            Weight = Weight ?? style.Weight,
            Color = Color ?? style.Color,
            Size = Size ?? style.Size,
            Underline = Underline ?? style.Underline,
        };
    }
}
