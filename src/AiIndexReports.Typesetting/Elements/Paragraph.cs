using AiIndexReports.Typesetting.Frames;
using AiIndexReports.Typesetting.Layout;
using AiIndexReports.Typesetting.Text;
using SkiaSharp;

namespace AiIndexReports.Typesetting.Elements;

/// <summary>
/// A paragraph of rich text. Its style comes from <see cref="Style"/>, else from the container (table cells),
/// else from the theme (<see cref="Theme.Body"/>). Splits across pages between lines, with widow/orphan control.
/// </summary>
public class Paragraph : Element
{
    readonly List<TextSpan> _spans;
    ParagraphText? _text;
    ParagraphText? _marker;
    ParagraphStyle? _preparedStyle;
    object? _preparedFonts;
    List<TextLine>? _lines;
    float _linesWidth = -1;
    int _nextLine;
    int _measuredLines;
    StructNode? _node;
    StructNode?[]? _linkNodes;

    public Paragraph(params IEnumerable<TextSpan> spans) => _spans = [.. spans];

    public IReadOnlyList<TextSpan> Spans => _spans;
    /// <summary>Explicit style; null means the container's or the theme's.</summary>
    public ParagraphStyle? Style { get; init; }
    /// <summary>Overrides the style's alignment (e.g. numbers right-aligned in a table cell).</summary>
    public TextAlign? Align { get; init; }
    /// <summary>A marker such as □ or ○ drawn at the style's marker indent on the first line.</summary>
    public string? Marker { get; init; }

    /// <summary>Structure role in a tagged PDF instead of the default (P; H1–H6 for headings; LI for bullet items), e.g. Caption.</summary>
    public StructRole? Role { get; init; }

    /// <summary>Set by containers whose own node holds the text (a table of contents entry's Link): no node of its own.</summary>
    internal bool Untagged { get; init; }

    /// <summary>The paragraph's text without styling (for outlines, tables of contents, messages).</summary>
    public string PlainText => string.Concat(_spans.Select(s => s.Text));

    /// <summary>Set by containers such as tables to give their paragraphs a default style.</summary>
    internal ParagraphStyle? InheritedStyle { get; set; }

    public Paragraph Add(TextSpan span)
    {
        _spans.Add(span);
        _text = null;
        return this;
    }

    private protected virtual ParagraphStyle DefaultStyle(Theme theme) => theme.Body;
    private protected virtual string? DefaultMarker(Theme theme) => null;
    private protected virtual void OnStartDrawn(LayoutContext context) { }

    internal ParagraphStyle ResolveStyle(Theme theme) => Style ?? InheritedStyle ?? DefaultStyle(theme);

    /// <summary>Where the last drawn line's text ends, its top and baseline (for TOC leaders and page numbers).</summary>
    internal (float EndX, float Top, float Baseline)? LastDrawnLine { get; private set; }

    internal override bool KeepsWithNext => _preparedStyle?.KeepWithNext ?? Style?.KeepWithNext ?? false;

    internal override void Reset()
    {
        _nextLine = 0;
        _node = null;
        _linkNodes = null;
    }

    private protected virtual StructRole DefaultRole => StructRole.P;

    /// <summary>Opens the paragraph's structure node (created on first draw, reused on the next page).</summary>
    private protected virtual void BeginContent(FrameBuilder frame)
    {
        if (!Untagged) _node ??= frame.NewNode(Role ?? DefaultRole, this);
        frame.Push(_node, this);
    }

    private protected virtual void EndContent(FrameBuilder frame) => frame.Pop();
    private protected virtual void BeginMarker(FrameBuilder frame) => frame.Push(null);
    private protected virtual void EndMarker(FrameBuilder frame) => frame.Pop();

    ParagraphText Prepare(LayoutContext context)
    {
        var style = ResolveStyle(context.Theme);
        if (_text is null || !ReferenceEquals(style, _preparedStyle) || !ReferenceEquals(context.Fonts, _preparedFonts))
        {
            _text = new ParagraphText(_spans, style.Text, context.Fonts);
            var marker = Marker ?? DefaultMarker(context.Theme);
            _marker = marker is null ? null : new ParagraphText([marker], MarkerStyle(context.Theme) ?? style.Text, context.Fonts);
            _preparedStyle = style;
            _preparedFonts = context.Fonts;
            _lines = null;
        }
        return _text;
    }

    private protected virtual TextStyle? MarkerStyle(Theme theme) => null;

    List<TextLine> Lines(ParagraphText text, ParagraphStyle style, float width)
    {
        if (_lines is not null && Math.Abs(_linesWidth - width) < 0.001f) return _lines;
        var textWidth = width - style.LeftIndent - style.RightIndent;
        var align = Align ?? style.Align;
        _lines = text.BreakLines(textWidth - style.FirstLineIndent, textWidth, align == TextAlign.Justify, style.Justification);
        var face = text.PrimaryFace;
        foreach (var line in _lines)
        {
            var size = text.BaseSize;
            foreach (var word in line.Words)
                size = Math.Max(size, word.MaxSize);
            line.Height = size * style.LineHeight;
            var content = (face.Ascent + face.Descent) * size;
            line.Baseline = (line.Height - content) / 2 + face.Ascent * size;
        }
        _linesWidth = width;
        return _lines;
    }

    /// <summary>How many lines fit from the current one, and the height they take (with spacing).</summary>
    (int Count, float Height, bool Complete) Fit(LayoutContext context, SKSize available)
    {
        var text = Prepare(context);
        var style = _preparedStyle!;
        var lines = Lines(text, style, available.Width);
        var remaining = lines.Count - _nextLine;
        if (remaining <= 0) return (0, 0, true);
        var before = SpaceBefore(context, style);
        var height = before;
        var count = 0;
        while (count < remaining && height + lines[_nextLine + count].Height <= available.Height + 0.01f)
            height += lines[_nextLine + count++].Height;
        if (count == remaining)
        {
            var after = style.SpaceAfter + RuleHeight(style);
            return (count, Math.Min(height + after, Math.Max(height, available.Height)), true);
        }
        if (!context.Relaxed)
        {
            var min = Math.Max(1, style.MinLinesAtBreak);
            if (remaining - count < min) count = remaining - min; // widow: leave enough lines for the next page
            if (count < min) count = 0;                             // orphan: too few lines to start here
        }
        if (count <= 0) return (0, 0, false);
        height = before;
        for (var i = 0; i < count; i++) height += lines[_nextLine + i].Height;
        return (count, height, false);
    }

    /// <summary>Space before the paragraph's first line, except at the top of a page (headings align with the margin).</summary>
    float SpaceBefore(LayoutContext context, ParagraphStyle style) => _nextLine == 0 && !context.AtPageTop ? style.SpaceBefore : 0;

    static float RuleHeight(ParagraphStyle style) => style.RuleBelow > 0 ? style.RuleBelow + 3f : 0;

    internal override int MeasuredLines => _measuredLines;

    internal override (float Min, float Max) ContentWidths(LayoutContext context)
    {
        if (_spans.Count == 0) return (0, 0);
        var text = Prepare(context);
        var style = _preparedStyle!;
        float min = 0, max = 0, line = 0;
        foreach (var word in text.Words)
        {
            min = Math.Max(min, word.Width);
            line += word.Width;
            if (word.HardBreak)
            {
                max = Math.Max(max, line);
                line = 0;
            }
            else line += word.SpaceWidth;
        }
        // The last word's trailing space is not part of the line.
        if (text.Words.Count > 0 && !text.Words[^1].HardBreak) line -= text.Words[^1].SpaceWidth;
        max = Math.Max(max, line);
        var indents = style.LeftIndent + style.RightIndent + Math.Max(0, style.FirstLineIndent);
        return (min + indents, Math.Max(min, max) + indents);
    }

    internal override SpacePlan Measure(LayoutContext context, SKSize available)
    {
        _measuredLines = 0;
        if (_spans.Count == 0) return SpacePlan.Empty;
        var (count, height, complete) = Fit(context, available);
        _measuredLines = count;
        if (count == 0) return complete ? SpacePlan.Empty : SpacePlan.Wrap;
        return complete ? SpacePlan.Full(available.Width, height) : SpacePlan.Partial(available.Width, height);
    }

    internal override void Draw(LayoutContext context, SKSize available)
    {
        if (_spans.Count == 0) return;
        var (count, _, complete) = Fit(context, available);
        if (count == 0) return;
        var text = _text!;
        var style = _preparedStyle!;
        var lines = _lines!;
        var textWidth = available.Width - style.LeftIndent - style.RightIndent;
        var align = Align ?? style.Align;
        var y = SpaceBefore(context, style);
        if (_nextLine == 0)
        {
            foreach (var missing in text.Missing) context.ReportMissing(missing.CodePoint, missing.Text, Source);
            OnStartDrawn(context);
        }
        var frame = context.Frame;
        if (_linkNodes is null && _spans.Any(s => s.LinkUrl is not null || s.LinkAnchor is not null)) _linkNodes = new StructNode?[_spans.Count];
        BeginContent(frame);
        for (var i = 0; i < count; i++)
        {
            var line = lines[_nextLine + i];
            var indent = style.LeftIndent + (line.IsFirst ? style.FirstLineIndent : 0);
            var width = textWidth - (line.IsFirst ? style.FirstLineIndent : 0);
            var placement = line.Place(width, align);
            placement = placement with { X = indent + placement.X };
            if (line.IsFirst && _marker is not null)
            {
                BeginMarker(frame);
                DrawMarker(context, style, y + line.Baseline);
                EndMarker(frame);
            }
            context.LineRenderer.Draw(context, text, line, placement, y + line.Baseline, _linkNodes);
            LastDrawnLine = (line.DrawnRight(placement), y, y + line.Baseline);
            y += line.Height;
        }
        EndContent(frame);
        _nextLine += count;
        if (complete && style.RuleBelow > 0)
        {
            var ruleY = y + 1.5f + style.RuleBelow / 2;
            frame.PushArtifact(ArtifactKind.Layout, this);
            frame.Line(0, ruleY, available.Width, ruleY, style.RuleBelow, style.RuleColor);
            frame.Pop();
        }
    }

    void DrawMarker(LayoutContext context, ParagraphStyle style, float baseline)
    {
        var marker = _marker!;
        var lines = marker.BreakLines(float.MaxValue, float.MaxValue, false);
        foreach (var line in lines)
            context.LineRenderer.Draw(context, marker, line, default(LinePlacement) with { X = style.MarkerIndent }, baseline);
    }

    internal override string Describe(LayoutContext context, SKSize available)
    {
        var text = PlainText;
        return $"{GetType().Name} \"{(text.Length > 40 ? text[..37] + "..." : text)}\"";
    }
}
