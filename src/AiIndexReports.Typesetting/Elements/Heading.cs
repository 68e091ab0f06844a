using AiIndexReports.Typesetting.Frames;
using AiIndexReports.Typesetting.Layout;
using AiIndexReports.Typesetting.Text;

namespace AiIndexReports.Typesetting.Elements;

/// <summary>
/// A section heading (level 1–4, styled by <see cref="Theme.Heading"/>): never the last thing on a page, listed
/// in the outline and the table of contents, and a link target when it has an <see cref="AnchorId"/>.
/// </summary>
public sealed class Heading(int level, params IEnumerable<TextSpan> spans) : Paragraph(spans)
{
    public int Level { get; } = level;
    /// <summary>Named destination for links and the table of contents (e.g. "sec-2").</summary>
    public string? AnchorId { get; init; }
    public bool InOutline { get; init; } = true;
    public bool InTableOfContents { get; init; } = true;

    private protected override ParagraphStyle DefaultStyle(Theme theme) => theme.Heading(Level);
    private protected override StructRole DefaultRole => StructNode.HeadingRole(Level);

    private protected override void OnStartDrawn(LayoutContext context)
    {
        context.HeadingPages[this] = context.PageIndex;
        if (AnchorId is not null)
        {
            context.AnchorPages[AnchorId] = context.PageIndex;
            context.Frame.Destination(AnchorId, new SkiaSharp.SKPoint(0, 0));
        }
        if (InOutline) context.Headings.Add(new HeadingPlacement(PlainText, Level, AnchorId, context.PageIndex));
    }
}

/// <summary>A bullet item at level 1–4 (□, ○, -, ※ by default); wrapped lines hang under the text, not the marker.</summary>
public sealed class BulletItem(int level, params IEnumerable<TextSpan> spans) : Paragraph(spans)
{
    public int Level { get; } = level;

    private protected override ParagraphStyle DefaultStyle(Theme theme) => theme.Bullet(Level).Paragraph;
    private protected override string? DefaultMarker(Theme theme) => theme.Bullet(Level).Marker;
    private protected override TextStyle? MarkerStyle(Theme theme) => theme.Bullet(Level).MarkerText;

    StructNode? _item, _label, _body;

    /// <summary>The list (L) this item belongs to, set by the column that groups consecutive items; else its own list.</summary>
    internal StructNode? List { get; set; }

    internal override void Reset()
    {
        base.Reset();
        _item = _label = _body = List = null;
    }

    // LI holds Lbl (the marker) then LBody (the text); a nested list follows inside the LI.
    private protected override void BeginContent(FrameBuilder frame)
    {
        if (_item is null && !Untagged && !frame.InArtifact)
        {
            List ??= frame.NewNode(StructRole.L, this);
            _item = frame.NewNode(Role ?? StructRole.LI, this, List);
            _label = frame.NewNode(StructRole.Lbl, this, _item);
            _body = frame.NewNode(StructRole.LBody, this, _item);
        }
        frame.Push(_body, this);
    }

    private protected override void BeginMarker(FrameBuilder frame) => frame.Push(_label, this);

    /// <summary>The item's LI node once drawn (a nested list goes inside it).</summary>
    internal StructNode? ItemNode => _item;
}
