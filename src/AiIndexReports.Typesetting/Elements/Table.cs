using AiIndexReports.Typesetting.Frames;
using AiIndexReports.Typesetting.Layout;
using SkiaSharp;

namespace AiIndexReports.Typesetting.Elements;

/// <summary>A table cell: any element, usually a paragraph (styled by the table style unless given a style).</summary>
public sealed class TableCell(Element content)
{
    /// <summary>A text cell; numbers are usually <see cref="TextAlign.Right"/>.</summary>
    public TableCell(string text, TextAlign? align = null) : this(new Paragraph(text) { Align = align }) { }

    public Element Content { get; } = content;
    public SKColor? Background { get; init; }
    public int ColumnSpan { get; init; } = 1;

    public static implicit operator TableCell(string text) => new(text);
}

public sealed class TableRow(params IEnumerable<TableCell> cells)
{
    public IReadOnlyList<TableCell> Cells { get; } = [.. cells];
}

/// <summary>
/// A table whose header rows repeat on every page it spans. Rows are never split between pages. Styled by
/// <see cref="Theme.Table"/> unless given a <see cref="Style"/>. In a tagged PDF: Table → THead/TBody → TR → TH
/// (scope column) / TD; header rows repeated on later pages, rules and shading are artifacts.
/// </summary>
public sealed class Table(params IEnumerable<Width> columns) : Element
{
    readonly List<TableRow> _header = [];
    readonly List<TableRow> _rows = [];
    readonly Dictionary<TableRow, float> _heights = [];
    float _heightsWidth = -1;
    int _nextRow;
    bool _headerOnlyDrawn;
    StructNode? _table, _body;
    bool _headerTagged;

    public IReadOnlyList<Width> Columns { get; } = [.. columns];
    public TableStyle? Style { get; init; }
    /// <summary>Names the table in layout errors (e.g. "표 2").</summary>
    public string? Name { get; init; }

    public Table Header(params IEnumerable<TableCell> cells)
    {
        _header.Add(new TableRow(cells));
        return this;
    }

    public Table Row(params IEnumerable<TableCell> cells)
    {
        _rows.Add(new TableRow(cells));
        return this;
    }

    internal override IEnumerable<Element> Children =>
        _header.Concat(_rows).SelectMany(r => r.Cells).Select(c => c.Content);

    internal override void Reset()
    {
        _nextRow = 0;
        _headerOnlyDrawn = false;
        _table = _body = null;
        _headerTagged = false;
        base.Reset();
    }

    float[] ColumnWidths(float width) => Width.Resolve(Columns, width, 0);

    float CellWidth(float[] widths, int column, int span) => widths.Skip(column).Take(Math.Max(1, span)).Sum();

    float RowHeight(LayoutContext context, TableRow row, bool isHeader, float[] widths, float tableWidth)
    {
        if (Math.Abs(_heightsWidth - tableWidth) > 0.001f)
        {
            _heights.Clear();
            _heightsWidth = tableWidth;
        }
        if (_heights.TryGetValue(row, out var cached)) return cached;
        var style = Style ?? context.Theme.Table;
        float height = 0;
        var column = 0;
        foreach (var cell in row.Cells)
        {
            var width = CellWidth(widths, column, cell.ColumnSpan) - style.CellPadding.Horizontal;
            column += Math.Max(1, cell.ColumnSpan);
            Prepare(cell, style, isHeader);
            var atTop = context.AtPageTop;
            context.AtPageTop = false; // cell content is never at the top of a page: row heights must not depend on it
            var plan = cell.Content.Measure(context, new SKSize(Math.Max(1, width), float.MaxValue / 4));
            context.AtPageTop = atTop;
            height = Math.Max(height, plan.Height);
        }
        return _heights[row] = height + style.CellPadding.Vertical;
    }

    static void Prepare(TableCell cell, TableStyle style, bool isHeader)
    {
        if (cell.Content is Paragraph paragraph) paragraph.InheritedStyle = isHeader ? style.Header : style.Body;
        cell.Content.Reset();
    }

    (int Rows, float Height) Fit(LayoutContext context, SKSize available)
    {
        var widths = ColumnWidths(available.Width);
        var height = _header.Sum(r => RowHeight(context, r, true, widths, available.Width));
        var rows = 0;
        while (_nextRow + rows < _rows.Count)
        {
            var h = RowHeight(context, _rows[_nextRow + rows], false, widths, available.Width);
            if (height + h > available.Height + 0.01f) break;
            height += h;
            rows++;
        }
        return (rows, height);
    }

    internal override SpacePlan Measure(LayoutContext context, SKSize available)
    {
        if (_rows.Count == 0)
        {
            if (_headerOnlyDrawn || _header.Count == 0) return SpacePlan.Empty;
            var (_, headerHeight) = Fit(context, available);
            return headerHeight <= available.Height ? SpacePlan.Full(available.Width, headerHeight) : SpacePlan.Wrap;
        }
        if (_nextRow >= _rows.Count) return SpacePlan.Empty;
        var (rows, height) = Fit(context, available);
        if (rows == 0) return SpacePlan.Wrap;
        return _nextRow + rows == _rows.Count ? SpacePlan.Full(available.Width, height) : SpacePlan.Partial(available.Width, height);
    }

    internal override void Draw(LayoutContext context, SKSize available)
    {
        var plan = Measure(context, available);
        if (!plan.Draws) return;
        var (rows, _) = Fit(context, available);
        var style = Style ?? context.Theme.Table;
        var widths = ColumnWidths(available.Width);
        var frame = context.Frame;
        _table ??= frame.NewNode(StructRole.Table, this);
        frame.Push(_table, this);
        float y = 0;
        if (_header.Count > 0)
        {
            // The header is read once; where it repeats on a later page it is pagination furniture.
            if (_headerTagged) frame.PushArtifact(ArtifactKind.Pagination, this);
            else frame.Push(frame.NewNode(StructRole.THead, this), this);
            foreach (var row in _header)
                y = DrawRow(context, style, row, true, widths, available.Width, y);
            frame.Pop();
            _headerTagged = true;
        }
        var headerBottom = y;
        var rowTops = new List<float>();
        if (rows > 0)
        {
            _body ??= frame.NewNode(StructRole.TBody, this);
            frame.Push(_body, this);
            for (var i = 0; i < rows; i++)
            {
                rowTops.Add(y);
                y = DrawRow(context, style, _rows[_nextRow + i], false, widths, available.Width, y);
            }
            frame.Pop();
        }
        frame.PushArtifact(ArtifactKind.Layout, this);
        DrawRules(frame, style, widths, available.Width, headerBottom, rowTops, y);
        frame.Pop();
        frame.Pop();
        _nextRow += rows;
        if (_rows.Count == 0) _headerOnlyDrawn = true;
    }

    float DrawRow(LayoutContext context, TableStyle style, TableRow row, bool isHeader, float[] widths, float tableWidth, float top)
    {
        var height = RowHeight(context, row, isHeader, widths, tableWidth);
        var frame = context.Frame;
        frame.Push(frame.NewNode(StructRole.TR, this), this);
        float x = 0;
        var column = 0;
        foreach (var cell in row.Cells)
        {
            var width = CellWidth(widths, column, cell.ColumnSpan);
            column += Math.Max(1, cell.ColumnSpan);
            var background = cell.Background ?? (isHeader ? style.HeaderBackground : null);
            if (background is { } color)
            {
                frame.PushArtifact(ArtifactKind.Background, this);
                frame.Rect(new SKRect(x, top, x + width, top + height), color);
                frame.Pop();
            }
            Prepare(cell, style, isHeader);
            var inner = new SKSize(Math.Max(1, width - style.CellPadding.Horizontal), float.MaxValue / 4);
            var atTop = context.AtPageTop;
            context.AtPageTop = false;
            var contentHeight = cell.Content.Measure(context, inner).Height;
            // Cells are centred vertically, as Korean report tables are.
            frame.Save();
            frame.Translate(x + style.CellPadding.Left, top + style.CellPadding.Top + (height - style.CellPadding.Vertical - contentHeight) / 2);
            frame.Push(isHeader ? frame.NewNode(StructRole.TH, this, scope: HeaderScope.Column) : frame.NewNode(StructRole.TD, this), this);
            cell.Content.Draw(context, inner);
            frame.Pop();
            frame.Restore();
            context.AtPageTop = atTop;
            x += width;
        }
        frame.Pop();
        return top + height;
    }

    static void DrawRules(FrameBuilder frame, TableStyle style, float[] widths, float width, float headerBottom, List<float> rowTops, float bottom)
    {
        void Thin(float x0, float y0, float x1, float y1) => frame.Line(x0, y0, x1, y1, style.RuleWidth, style.RuleColor);
        void Thick(float x0, float y0, float x1, float y1) => frame.Line(x0, y0, x1, y1, style.OuterRuleWidth, style.OuterRuleColor);
        foreach (var top in rowTops.Skip(1)) Thin(0, top, width, top);
        if (style.VerticalRules)
        {
            float x = 0;
            foreach (var w in widths.SkipLast(1))
            {
                x += w;
                Thin(x, 0, x, bottom);
            }
        }
        Thick(0, style.OuterRuleWidth / 2, width, style.OuterRuleWidth / 2);
        if (headerBottom > 0 && rowTops.Count > 0)
            frame.Line(0, headerBottom, width, headerBottom, style.RuleWidth * 1.5f, style.OuterRuleColor);
        Thick(0, bottom - style.OuterRuleWidth / 2, width, bottom - style.OuterRuleWidth / 2);
    }

    internal override string Describe(LayoutContext context, SKSize available)
    {
        var name = Name is null ? "Table" : $"Table '{Name}'";
        if (_nextRow >= _rows.Count) return name;
        var widths = ColumnWidths(available.Width);
        var header = _header.Sum(r => RowHeight(context, r, true, widths, available.Width));
        var row = RowHeight(context, _rows[_nextRow], false, widths, available.Width);
        return $"{name}: row {_nextRow + 1} is {row:0.#} pt tall (+{header:0.#} pt header rows)";
    }
}
