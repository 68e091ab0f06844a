using AiIndexReports.Typesetting.Elements;
using SkiaSharp;

namespace AiIndexReports.Typesetting.Frames;

/// <summary>
/// What elements draw into during layout: records items at the current offset (elements translate as they nest) and
/// groups them into blocks by the innermost open tag — a structure node, or an artifact kind, which wins over every
/// node opened inside it (a paragraph in the running header is page furniture). One builder per layout pass.
/// </summary>
internal sealed class FrameBuilder
{
    readonly record struct Tag(StructNode? Node, ArtifactKind? Artifact, Element? Element);

    readonly Stack<SKPoint> _saved = new();
    readonly List<Tag> _tags = [];
    readonly List<PageFrame> _pages = [];
    List<FrameBlock> _blocks = [];
    List<LinkItem> _links = [];
    List<DestinationItem> _destinations = [];
    FrameBlock? _current;
    SKPoint _origin;
    int _pageIndex;
    SKSize _pageSize;

    public FrameBuilder(Element? document = null) => Root = new StructNode(StructRole.Document, null, document);

    /// <summary>The structure tree's root (Document).</summary>
    public StructNode Root { get; }
    public IReadOnlyList<PageFrame> Pages => _pages;

    public void BeginPage(int index, SKSize size)
    {
        _pageIndex = index;
        _pageSize = size;
        _blocks = [];
        _links = [];
        _destinations = [];
        _current = null;
        _origin = default;
        _saved.Clear();
        _tags.Clear();
    }

    public void EndPage() => _pages.Add(new PageFrame(_pageIndex, _pageSize, _blocks, _links, _destinations));

    public void Save() => _saved.Push(_origin);
    public void Restore() => _origin = _saved.Pop();
    public void Translate(float dx, float dy) => _origin = new SKPoint(_origin.X + dx, _origin.Y + dy);
    /// <summary>The current offset: where (0, 0) of the drawing element is on the page.</summary>
    public SKPoint Origin => _origin;

    /// <summary>True inside an artifact: nodes are not created there and content is page furniture.</summary>
    public bool InArtifact => _tags.Count > 0 && _tags[^1].Artifact is not null;

    /// <summary>The innermost open node, or the root.</summary>
    public StructNode CurrentNode
    {
        get
        {
            for (var i = _tags.Count - 1; i >= 0; i--)
                if (_tags[i].Node is { } node) return node;
            return Root;
        }
    }

    /// <summary>A new node under <paramref name="parent"/> (default: the innermost open node); null inside an artifact.</summary>
    public StructNode? NewNode(StructRole role, Element? element, StructNode? parent = null, string? alt = null, HeaderScope? scope = null,
        string? language = null, int rowSpan = 1, int colSpan = 1) =>
        InArtifact ? null : new StructNode(role, parent ?? CurrentNode, element)
        {
            Alt = alt, Scope = scope, Language = language, RowSpan = rowSpan, ColSpan = colSpan,
        };

    /// <summary>Opens <paramref name="node"/> (null keeps the current tag) until the matching <see cref="Pop"/>.</summary>
    public void Push(StructNode? node, Element? element = null)
    {
        if (node is null || InArtifact)
        {
            var top = _tags.Count > 0 ? _tags[^1] : new Tag(null, null, null);
            _tags.Add(top with { Element = element ?? top.Element });
        }
        else _tags.Add(new Tag(node, null, element));
    }

    public void PushArtifact(ArtifactKind kind, Element? element = null) =>
        _tags.Add(InArtifact ? _tags[^1] : new Tag(null, kind, element));

    public void Pop() => _tags.RemoveAt(_tags.Count - 1);

    void Add(FrameItem item)
    {
        var tag = _tags.Count > 0 ? _tags[^1] : new Tag(Root, null, null);
        var node = tag.Artifact is null ? tag.Node ?? Root : null;
        if (_current is null || _current.Node != node || _current.Artifact != tag.Artifact)
        {
            _current = new FrameBlock(node, tag.Artifact, tag.Element, _pageIndex);
            _blocks.Add(_current);
            node?.AddContent(_current);
        }
        _current.Add(item);
    }

    public void Glyphs(GlyphRunItem run) => Add(run);

    public void Line(float x0, float y0, float x1, float y1, float width, SKColor color) =>
        Add(new LineItem(new SKPoint(_origin.X + x0, _origin.Y + y0), new SKPoint(_origin.X + x1, _origin.Y + y1), width, color));

    public void Rect(SKRect rect, SKColor color)
    {
        rect.Offset(_origin);
        Add(new RectItem(rect, color));
    }

    public void Dots(IEnumerable<SKPoint> centers, float radius, SKColor color) =>
        Add(new DotsItem([.. centers.Select(c => new SKPoint(_origin.X + c.X, _origin.Y + c.Y))], radius, color));

    public void Image(SKImage image, SKRect rect)
    {
        rect.Offset(_origin);
        Add(new ImageItem(image, rect));
    }

    public void Canvas(SKRect rect, Action<SKCanvas, SKSize, ITypefaceSource> draw)
    {
        rect.Offset(_origin);
        Add(new CanvasItem(rect, draw));
    }

    /// <summary>A link over <paramref name="rect"/>; inside a tagged PDF it belongs to <paramref name="node"/> (a Link element).</summary>
    public void Link(SKRect rect, string? url, string? anchor, string text, StructNode? node)
    {
        rect.Offset(_origin);
        var link = new LinkItem(rect, url, anchor, text, InArtifact ? null : node, _pageIndex);
        _links.Add(link);
        link.Node?.AddContent(link);
    }

    public void Destination(string name, SKPoint point) =>
        _destinations.Add(new DestinationItem(name, new SKPoint(_origin.X + point.X, _origin.Y + point.Y)));
}
