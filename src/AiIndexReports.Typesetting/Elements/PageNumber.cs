using AiIndexReports.Typesetting.Layout;
using AiIndexReports.Typesetting.Text;
using SkiaSharp;

namespace AiIndexReports.Typesetting.Elements;

/// <summary>
/// Page number text for headers and footers: <c>{page}</c> is the page number, <c>{pages}</c> the page count,
/// so "- {page} -" or "{page} / {pages}". Styled by <see cref="Theme.PageFooter"/> unless given a style.
/// </summary>
public sealed class PageNumber(string format = "- {page} -") : Element
{
    public string Format { get; } = format;
    public ParagraphStyle? Style { get; init; }
    public TextAlign? Align { get; init; }

    Paragraph Current(LayoutContext context)
    {
        // The page count is unknown in the first pass; "{pages}" then shows the page number's width in digits.
        var pages = context.PageCount > 0 ? context.PageCount : context.PageIndex + 1;
        if (context.PageCount == 0 && Format.Contains("{pages}", StringComparison.Ordinal)) context.UsedUnknownNumbers = true;
        var text = Format.Replace("{page}", (context.PageIndex + 1).ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Replace("{pages}", pages.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return new Paragraph(text) { Style = Style ?? context.Theme.PageFooter, Align = Align };
    }

    internal override SpacePlan Measure(LayoutContext context, SKSize available) => Current(context).Measure(context, available);
    internal override void Draw(LayoutContext context, SKSize available) => Current(context).Draw(context, available);
}
