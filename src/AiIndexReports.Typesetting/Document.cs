using AiIndexReports.Typesetting.Elements;
using AiIndexReports.Typesetting.Layout;
using AiIndexReports.Typesetting.Pdf;
using SkiaSharp;

namespace AiIndexReports.Typesetting;

/// <summary>Standard page sizes in points.</summary>
public static class PageSizes
{
    public static readonly SKSize A4 = new(595.28f, 841.89f);
}

/// <summary>Page geometry and the running header and footer.</summary>
public sealed record PageSetup
{
    public SKSize Size { get; init; } = PageSizes.A4;
    /// <summary>Distance from the page edges to the body text.</summary>
    public Spacing Margins { get; init; } = new(62f, 62f, 62f, 62f);
    /// <summary>Drawn in the top margin of every page (width of the body, top at <see cref="HeaderDistance"/>).</summary>
    public Element? Header { get; init; }
    /// <summary>Drawn in the bottom margin (bottom at <see cref="FooterDistance"/> from the page edge); e.g. <see cref="Elements.PageNumber"/>.</summary>
    public Element? Footer { get; init; }
    public float HeaderDistance { get; init; } = 30f;
    public float FooterDistance { get; init; } = 30f;
    /// <summary>Fills the whole page before anything else is drawn; null leaves it white (transparent).</summary>
    public SKColor? Background { get; init; }
    /// <summary>False for a cover page without header and footer.</summary>
    public bool HeaderFooterOnFirstPage { get; init; } = true;
}

/// <summary>PDF document information. Dates must be UTC: the same input then gives the same bytes.</summary>
public sealed record DocumentMetadata
{
    public string? Title { get; init; }
    public string? Author { get; init; }
    public string? Subject { get; init; }
    public string? Keywords { get; init; }
    public string Creator { get; init; } = "AiIndexReports";
    public string Producer { get; init; } = "AiIndexReports.Typesetting (SkiaSharp PDF)";
    /// <summary>Creation and modification date (UTC); pinned so that builds are reproducible.</summary>
    public DateTime CreatedUtc { get; init; } = new(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    /// <summary>Catalog /Lang of the PDF.</summary>
    public string Language { get; init; } = "ko-KR";
    /// <summary>Tagged PDF/UA-1 + PDF/A-2a by default; <see cref="PdfStandard.None"/> for a plain PDF.</summary>
    public PdfStandard Standard { get; init; } = PdfStandard.Ua1A2a;
}

/// <summary>What to typeset: blocks in reading order, the theme that styles them, page setup and metadata.</summary>
public sealed class Document(Theme theme)
{
    readonly List<Element> _content = [];

    public Theme Theme { get; } = theme;
    public PageSetup Page { get; init; } = new();
    public DocumentMetadata Metadata { get; init; } = new();
    public IReadOnlyList<Element> Content => _content;

    public Document Add(Element element)
    {
        _content.Add(element);
        return this;
    }

    public Document AddRange(IEnumerable<Element> elements)
    {
        _content.AddRange(elements);
        return this;
    }
}
