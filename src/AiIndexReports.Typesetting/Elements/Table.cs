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
/// <see cref="Theme.Table"/> unless given a <see cref="Style"/>.
/// </summary>
public sealed class Table(params IEnumerable<Width> columns) : Element
{
    readonly List<TableRow> _header = [];
    readonly List<TableRow> _rows = [];
    readonly Dictionary<TableRow, float> _heights = [];
    float _heightsWidth = -1;
    int _nextRow;
    bool _headerOnlyDrawn;

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
        float y = 0;
        foreach (var row in _header)
            y = DrawRow(context, style, row, true, widths, available.Width, y);
        var headerBottom = y;
        var rowTops = new List<float>();
        for (var i = 0; i < rows; i++)
        {
            rowTops.Add(y);
            y = DrawRow(context, style, _rows[_nextRow + i], false, widths, available.Width, y);
        }
        DrawRules(context, style, widths, available.Width, headerBottom, rowTops, y);
        _nextRow += rows;
        if (_rows.Count == 0) _headerOnlyDrawn = true;
    }

    float DrawRow(LayoutContext context, TableStyle style, TableRow row, bool isHeader, float[] widths, float tableWidth, float top)
    {
        var height = RowHeight(context, row, isHeader, widths, tableWidth);
        var canvas = context.Canvas;
        float x = 0;
        var column = 0;
        foreach (var cell in row.Cells)
        {
            var width = CellWidth(widths, column, cell.ColumnSpan);
            column += Math.Max(1, cell.ColumnSpan);
            var background = cell.Background ?? (isHeader ? style.HeaderBackground : null);
            if (canvas is not null && background is { } color)
            {
                using var fill = new SKPaint { Color = color };
                canvas.DrawRect(new SKRect(x, top, x + width, top + height), fill);
            }
            Prepare(cell, style, isHeader);
            var inner = new SKSize(Math.Max(1, width - style.CellPadding.Horizontal), float.MaxValue / 4);
            var atTop = context.AtPageTop;
            context.AtPageTop = false;
            var contentHeight = cell.Content.Measure(context, inner).Height;
            // Cells are centred vertically, as Korean report tables are.
            canvas?.Save();
            canvas?.Translate(x + style.CellPadding.Left, top + style.CellPadding.Top + (height - style.CellPadding.Vertical - contentHeight) / 2);
            cell.Content.Draw(context, inner);
            canvas?.Restore();
            context.AtPageTop = atTop;
            x += width;
        }
        return top + height;
    }

    static void DrawRules(LayoutContext context, TableStyle style, float[] widths, float width, float headerBottom, List<float> rowTops, float bottom)
    {
        if (context.Canvas is not { } canvas) return;
        using var thin = new SKPaint { Color = style.RuleColor, StrokeWidth = style.RuleWidth, IsAntialias = true };
        using var thick = new SKPaint { Color = style.OuterRuleColor, StrokeWidth = style.OuterRuleWidth, IsAntialias = true };
        foreach (var top in rowTops.Skip(1)) canvas.DrawLine(0, top, width, top, thin);
        if (style.VerticalRules)
        {
            float x = 0;
            foreach (var w in widths.SkipLast(1))
            {
                x += w;
                canvas.DrawLine(x, 0, x, bottom, thin);
            }
        }
        canvas.DrawLine(0, style.OuterRuleWidth / 2, width, style.OuterRuleWidth / 2, thick);
        if (headerBottom > 0 && rowTops.Count > 0)
        {
            using var headerRule = new SKPaint { Color = style.OuterRuleColor, StrokeWidth = style.RuleWidth * 1.5f, IsAntialias = true };
            canvas.DrawLine(0, headerBottom, width, headerBottom, headerRule);
        }
        canvas.DrawLine(0, bottom - style.OuterRuleWidth / 2, width, bottom - style.OuterRuleWidth / 2, thick);
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
