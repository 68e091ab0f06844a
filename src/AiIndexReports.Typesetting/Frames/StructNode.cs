using AiIndexReports.Typesetting.Elements;

namespace AiIndexReports.Typesetting.Frames;

/// <summary>Standard structure types of tagged PDF (ISO 32000-1, 14.8.4) that the engine produces.</summary>
public enum StructRole
{
    Document, Div, P, H1, H2, H3, H4, H5, H6, L, LI, Lbl, LBody, Table, THead, TBody, TFoot, TR, TH, TD, Caption, Figure,
    TOC, TOCI, Link, Note, Span,
}

/// <summary>Why content is not part of the text: page furniture a screen reader skips (ISO 32000-1, 14.8.2.2).</summary>
public enum ArtifactKind
{
    /// <summary>Running header (page furniture).</summary>
    Header,
    /// <summary>Running footer and page numbers.</summary>
    Footer,
    /// <summary>Rules, borders, leader dots: drawn for the eye only.</summary>
    Layout,
    /// <summary>Fills behind content (page colour, box and cell shading).</summary>
    Background,
    /// <summary>Content repeated by pagination (a table's header rows on its later pages).</summary>
    Pagination,
}

/// <summary>Table header scope (the /Scope attribute of a TH).</summary>
public enum HeaderScope { Column, Row, Both }

/// <summary>
/// A node of the logical structure (the tagged PDF's structure tree): its role, its attributes, and its kids in
/// reading order — child nodes and the page blocks that hold its content. Nodes are created while the document is
/// laid out, in reading order; a paragraph split over two pages is one node with a block on each page.
/// </summary>
public sealed class StructNode
{
    readonly List<object> _kids = [];

    internal StructNode(StructRole role, StructNode? parent, Element? element)
    {
        Role = role;
        Parent = parent;
        Element = element;
        parent?._kids.Add(this);
    }

    public StructRole Role { get; }
    public StructNode? Parent { get; }
    /// <summary>The element that produced the node (its <see cref="Element.Source"/> says where it came from).</summary>
    public Element? Element { get; }
    /// <summary>Alternate description (figures); read instead of the content.</summary>
    public string? Alt { get; init; }
    /// <summary>Natural language where it differs from the document's (e.g. "en").</summary>
    public string? Language { get; init; }
    public HeaderScope? Scope { get; init; }
    /// <summary>Rows a table cell spans (TH/TD /RowSpan), when more than one.</summary>
    public int RowSpan { get; init; } = 1;
    /// <summary>Columns a table cell spans (TH/TD /ColSpan), when more than one.</summary>
    public int ColSpan { get; init; } = 1;
    /// <summary>Replacement text for the content (e.g. the words of a link annotation).</summary>
    public string? ActualText { get; set; }
    /// <summary>Child <see cref="StructNode"/>s and <see cref="FrameBlock"/>s and <see cref="LinkItem"/>s in reading order.</summary>
    public IReadOnlyList<object> Kids => _kids;

    internal void AddContent(object block) => _kids.Add(block);

    /// <summary>True when the node or a descendant has content on a page (empty nodes are left out of the PDF).</summary>
    public bool HasContent => _kids.Any(k => k is not StructNode node || node.HasContent);

    public override string ToString() => Role + (Alt is null ? "" : $" Alt=\"{Alt}\"");

    /// <summary>Heading role for a level (1 → H1 … 6 → H6).</summary>
    public static StructRole HeadingRole(int level) => StructRole.H1 + (Math.Clamp(level, 1, 6) - 1);
}
