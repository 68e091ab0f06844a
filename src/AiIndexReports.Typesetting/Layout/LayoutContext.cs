using AiIndexReports.Typesetting.Elements;
using AiIndexReports.Typesetting.Fonts;
using AiIndexReports.Typesetting.Frames;

namespace AiIndexReports.Typesetting.Layout;

/// <summary>
/// Everything elements need during one layout pass: fonts, theme, the frame being filled, the page index, and what
/// the previous pass learned (page count, heading pages).
/// </summary>
internal sealed class LayoutContext
{
    readonly HashSet<int> _missingCodePoints = [];

    internal LayoutContext(Theme theme, FontLibrary fonts, FrameBuilder frame)
    {
        Theme = theme;
        Fonts = fonts;
        Frame = frame;
    }

    internal Theme Theme { get; }
    internal FontLibrary Fonts { get; }
    /// <summary>Where <see cref="Element.Draw"/> records the page: items, blocks, structure.</summary>
    internal FrameBuilder Frame { get; }
    internal int PageIndex { get; set; }
    /// <summary>Page count learned by the previous pass; 0 in the first pass.</summary>
    internal int PageCount { get; set; }
    /// <summary>Page count of the first pass (0 during it): what "show only in documents longer than N pages" decides on.</summary>
    internal int FirstRunPageCount { get; set; }
    /// <summary>Set when a page is empty and still nothing fits: soft rules (keep-with-next, orphans) give way.</summary>
    internal bool Relaxed { get; set; }
    /// <summary>True while measuring or drawing what comes first on a page: space before it is dropped.</summary>
    internal bool AtPageTop { get; set; }
    internal List<MissingGlyph> Missing { get; } = [];
    internal List<HeadingPlacement> Headings { get; } = [];
    internal Dictionary<string, int> AnchorPages { get; } = [];
    /// <summary>Page index of each heading drawn in this pass.</summary>
    internal Dictionary<Heading, int> HeadingPages { get; } = [];
    /// <summary>Heading pages from the previous pass (table of contents).</summary>
    internal IReadOnlyDictionary<Heading, int> KnownHeadingPages { get; set; } = new Dictionary<Heading, int>();
    /// <summary>Headings found in the document tree before layout: what the table of contents lists.</summary>
    internal IReadOnlyList<Heading> AllHeadings { get; set; } = [];
    /// <summary>True once an element printed a number that the previous pass did not know (TOC page, page count).</summary>
    internal bool UsedUnknownNumbers { get; set; }

    internal void ReportMissing(int codePoint, string text, string? source)
    {
        if (_missingCodePoints.Add(codePoint)) Missing.Add(new MissingGlyph(codePoint, text, source));
    }

    /// <summary>Reused by every line of the pass (buffers).</summary>
    internal Text.LineRenderer LineRenderer { get; } = new();
}
