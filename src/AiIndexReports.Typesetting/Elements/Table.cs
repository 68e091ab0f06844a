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
    /// <summary>Columns the cell spans to the right (merged cells).</summary>
    public int ColumnSpan { get; init; } = 1;
    /// <summary>Rows the cell spans downwards (merged cells, e.g. one "공동 5위" for four rows); the rows below leave its column out.</summary>
    public int RowSpan { get; init; } = 1;

    public static implicit operator TableCell(string text) => new(text);
}

/// <summary>The cells that start in one row (a cell spanning rows from above takes its place in this row's grid).</summary>
public sealed class TableRow(params IEnumerable<TableCell> cells)
{
    public IReadOnlyList<TableCell> Cells { get; } = [.. cells];
}

/// <summary>
/// A table whose header rows repeat on every page it spans and whose footer rows (totals) close it, after its last
/// row, over a rule, in bold. Rows are never split between pages, nor are rows joined by a cell spanning them.
/// Columns are fixed, percentages, relative shares, or <see cref="Width.Auto"/>: sized to their content like a
/// browser's automatic table layout (each column's narrowest and widest content; the table fills the width, extra room
/// going to the columns that hold more). Styled by <see cref="Theme.Table"/> unless given a <see cref="Style"/>. In a
/// tagged PDF: Table → THead/TBody/TFoot → TR → TH (scope column) / TD, with /RowSpan and /ColSpan on merged cells;
/// header rows repeated on later pages, rules and shading are artifacts.
/// </summary>
public sealed class Table(params IEnumerable<Width> columns) : Element
{
    readonly List<TableRow> _header = [];
    readonly List<TableRow> _rows = [];
    readonly List<TableRow> _footer = [];
    Grid? _headerGrid, _bodyGrid, _footerGrid;
    float _measuredWidth = -1;
    float[] _widths = [];
    float[] _headerHeights = [], _bodyHeights = [], _footerHeights = [];
    int _nextRow;
    bool _headerOnlyDrawn, _footerDrawn;
    StructNode? _table, _body;
    bool _headerTagged;

    public IReadOnlyList<Width> Columns { get; } = [.. columns];
    public TableStyle? Style { get; init; }
    /// <summary>Names the table in layout errors (e.g. "표 2").</summary>
    public string? Name { get; init; }

    public IReadOnlyList<TableRow> HeaderRows => _header;
    public IReadOnlyList<TableRow> BodyRows => _rows;
    public IReadOnlyList<TableRow> FooterRows => _footer;

    public Table Header(params IEnumerable<TableCell> cells) => Add(_header, cells);
    public Table Row(params IEnumerable<TableCell> cells) => Add(_rows, cells);
    /// <summary>A totals row ("합계"): drawn after the last row, over a rule and in <see cref="TableStyle.Footer"/>.</summary>
    public Table Footer(params IEnumerable<TableCell> cells) => Add(_footer, cells);

    Table Add(List<TableRow> rows, IEnumerable<TableCell> cells)
    {
        rows.Add(new TableRow(cells));
        _headerGrid = _bodyGrid = _footerGrid = null;
        _measuredWidth = -1;
        return this;
    }

    internal override IEnumerable<Element> Children =>
        _header.Concat(_rows).Concat(_footer).SelectMany(r => r.Cells).Select(c => c.Content);

    internal override void Reset()
    {
        _nextRow = 0;
        _headerOnlyDrawn = _footerDrawn = false;
        _table = _body = null;
        _headerTagged = false;
        _measuredWidth = -1; // the theme or fonts may differ in the next pass
        base.Reset();
    }

    enum Part { Header, Body, Footer }

    /// <summary>A cell where it sits in the grid.</summary>
    sealed record Placed(TableCell Cell, int Row, int Column, int ColumnSpan, int RowSpan);

    /// <summary>
    /// The rows of one part laid on the column grid: the cells starting in each row, which cell covers each slot, and
    /// for each row the last row it must share a page with (rows joined by a spanning cell move together).
    /// </summary>
    sealed class Grid
    {
        public Grid(IReadOnlyList<TableRow> rows, int columns)
        {
            Starts = new List<Placed>[rows.Count];
            Owner = new Placed?[rows.Count][];
            var covered = new Placed?[columns];
            var left = new int[columns];
            for (var r = 0; r < rows.Count; r++)
            {
                Starts[r] = [];
                var owner = Owner[r] = new Placed?[columns];
                for (var c = 0; c < columns; c++) if (left[c] > 0) owner[c] = covered[c];
                var column = 0;
                foreach (var cell in rows[r].Cells)
                {
                    while (column < columns && owner[column] is not null) column++;
                    if (column >= columns) break; // more cells than columns: the composer's mistake, they have no place
                    var span = 1;
                    while (span < Math.Max(1, cell.ColumnSpan) && column + span < columns && owner[column + span] is null) span++;
                    var placed = new Placed(cell, r, column, span, Math.Clamp(cell.RowSpan, 1, rows.Count - r));
                    Starts[r].Add(placed);
                    for (var c = column; c < column + span; c++)
                    {
                        owner[c] = covered[c] = placed;
                        left[c] = placed.RowSpan;
                    }
                    column += span;
                }
                for (var c = 0; c < columns; c++) if (left[c] > 0) left[c]--;
            }
            GroupEnd = new int[rows.Count];
            for (var r = 0; r < rows.Count;)
            {
                var end = r;
                for (var k = r; k <= end; k++)
                    foreach (var p in Starts[k]) end = Math.Max(end, k + p.RowSpan - 1);
                for (var k = r; k <= end; k++) GroupEnd[k] = end;
                r = end + 1;
            }
        }

        public List<Placed>[] Starts { get; }
        public Placed?[][] Owner { get; }
        public int[] GroupEnd { get; }
        public int Count => Starts.Length;
        public IEnumerable<Placed> Cells => Starts.SelectMany(s => s);
    }

    Grid GridOf(Part part) => part switch
    {
        Part.Header => _headerGrid ??= new Grid(_header, Columns.Count),
        Part.Body => _bodyGrid ??= new Grid(_rows, Columns.Count),
        _ => _footerGrid ??= new Grid(_footer, Columns.Count),
    };

    float[] HeightsOf(Part part) => part switch { Part.Header => _headerHeights, Part.Body => _bodyHeights, _ => _footerHeights };

    /// <summary>Column widths and row heights for a table <paramref name="width"/> wide, computed once per width and pass.</summary>
    void MeasureGrid(LayoutContext context, float width)
    {
        if (Math.Abs(_measuredWidth - width) < 0.001f) return;
        var style = Style ?? context.Theme.Table;
        _widths = ColumnWidths(context, style, width);
        _headerHeights = RowHeights(context, style, Part.Header);
        _bodyHeights = RowHeights(context, style, Part.Body);
        _footerHeights = RowHeights(context, style, Part.Footer);
        _measuredWidth = width;
    }

    IEnumerable<(Placed Cell, Part Part)> AllCells() =>
        new[] { Part.Header, Part.Body, Part.Footer }.SelectMany(part => GridOf(part).Cells.Select(cell => (cell, part)));

    /// <summary>
    /// Fixed and percentage columns take their width; if any column is <see cref="Width.Auto"/>, the others that are
    /// not fixed are sized by content too, as a browser's automatic table layout does: each column's narrowest width
    /// (its longest unbreakable word) and widest (its longest cell unbroken). When everything fits unbroken, each gets
    /// its widest plus a share of the rest in proportion to it; otherwise each gets its narrowest plus room towards its
    /// widest. Without auto columns, relative shares split what fixed widths leave.
    /// </summary>
    float[] ColumnWidths(LayoutContext context, TableStyle style, float total)
    {
        var n = Columns.Count;
        if (!Columns.Any(c => c.Kind == WidthKind.Auto)) return Width.Resolve(Columns, total, 0);
        var widths = new float[n];
        var sized = new bool[n];
        var min = new float[n];
        var max = new float[n];
        for (var c = 0; c < n; c++)
        {
            sized[c] = Columns[c].Kind is WidthKind.Auto or WidthKind.Relative;
            if (!sized[c]) widths[c] = Columns[c].Points(total);
        }
        var padding = style.CellPadding.Horizontal;
        var cells = AllCells().Select(x => (x.Cell, Widths: ContentWidths(context, style, x.Cell.Cell, x.Part))).ToList();
        foreach (var (cell, (lo, hi)) in cells.Where(x => x.Cell.ColumnSpan == 1))
        {
            min[cell.Column] = Math.Max(min[cell.Column], lo + padding);
            max[cell.Column] = Math.Max(max[cell.Column], hi + padding);
        }
        // A cell spanning columns widens them evenly by what they lack.
        foreach (var (cell, (lo, hi)) in cells.Where(x => x.Cell.ColumnSpan > 1))
        {
            var span = Enumerable.Range(cell.Column, cell.ColumnSpan).ToList();
            var grow = span.Where(c => sized[c]).ToList();
            if (grow.Count == 0) continue;
            var fixedPart = span.Where(c => !sized[c]).Sum(c => widths[c]);
            var lack = lo + padding - fixedPart - grow.Sum(c => min[c]);
            if (lack > 0) foreach (var c in grow) min[c] += lack / grow.Count;
            lack = hi + padding - fixedPart - grow.Sum(c => max[c]);
            if (lack > 0) foreach (var c in grow) max[c] += lack / grow.Count;
        }
        for (var c = 0; c < n; c++) max[c] = Math.Max(max[c], min[c]);

        var room = total - widths.Sum();
        var auto = Enumerable.Range(0, n).Where(c => sized[c]).ToList();
        var sumMin = auto.Sum(c => min[c]);
        var sumMax = auto.Sum(c => max[c]);
        if (room <= sumMin)
        {
            foreach (var c in auto) widths[c] = sumMin > 0 ? room * min[c] / sumMin : room / auto.Count;
            return widths;
        }
        if (room >= sumMax)
        {
            foreach (var c in auto) widths[c] = max[c] + (sumMax > 0 ? (room - sumMax) * max[c] / sumMax : (room - sumMax) / auto.Count);
            return widths;
        }
        // Between: every column gets its narrowest width; then the columns that ask little more (numbers, short labels)
        // get their whole line, as long as each takes no more than a fair share of what is left; the columns of long
        // text share the rest in proportion to how much more they would like.
        foreach (var c in auto) widths[c] = min[c];
        var left = room - sumMin;
        var waiting = auto.OrderBy(c => max[c] - min[c]).ThenBy(c => c).ToList();
        while (waiting.Count > 0 && max[waiting[0]] - min[waiting[0]] <= left / waiting.Count)
        {
            var c = waiting[0];
            widths[c] = max[c];
            left -= max[c] - min[c];
            waiting.RemoveAt(0);
        }
        var wanted = waiting.Sum(c => max[c] - min[c]);
        foreach (var c in waiting) widths[c] += wanted > 0 ? left * (max[c] - min[c]) / wanted : left / waiting.Count;
        return widths;
    }

    (float Min, float Max) ContentWidths(LayoutContext context, TableStyle style, TableCell cell, Part part)
    {
        Prepare(cell, style, part);
        var widths = cell.Content.ContentWidths(context);
        // Room for rounding: a line exactly as wide as its words must not wrap.
        return (widths.Min + 0.05f, widths.Max + 0.05f);
    }

    float CellWidth(int column, int span)
    {
        float width = 0;
        for (var c = column; c < column + span && c < _widths.Length; c++) width += _widths[c];
        return width;
    }

    /// <summary>Each row as tall as its tallest cell; a cell spanning rows makes the last of them taller if it needs more.</summary>
    float[] RowHeights(LayoutContext context, TableStyle style, Part part)
    {
        var grid = GridOf(part);
        var heights = new float[grid.Count];
        for (var r = 0; r < grid.Count; r++)
            foreach (var cell in grid.Starts[r].Where(p => p.RowSpan == 1))
                heights[r] = Math.Max(heights[r], ContentHeight(context, style, cell, part) + style.CellPadding.Vertical);
        foreach (var cell in grid.Cells.Where(p => p.RowSpan > 1))
        {
            var need = ContentHeight(context, style, cell, part) + style.CellPadding.Vertical;
            var have = heights.Skip(cell.Row).Take(cell.RowSpan).Sum();
            if (need > have) heights[cell.Row + cell.RowSpan - 1] += need - have;
        }
        return heights;
    }

    float ContentHeight(LayoutContext context, TableStyle style, Placed cell, Part part)
    {
        var width = CellWidth(cell.Column, cell.ColumnSpan) - style.CellPadding.Horizontal;
        Prepare(cell.Cell, style, part);
        var atTop = context.AtPageTop;
        context.AtPageTop = false; // cell content is never at the top of a page: row heights must not depend on it
        var plan = cell.Cell.Content.Measure(context, new SKSize(Math.Max(1, width), float.MaxValue / 4));
        context.AtPageTop = atTop;
        return plan.Height;
    }

    static void Prepare(TableCell cell, TableStyle style, Part part)
    {
        if (cell.Content is Paragraph paragraph)
            paragraph.InheritedStyle = part switch { Part.Header => style.Header, Part.Footer => style.Footer ?? style.Body, _ => style.Body };
        cell.Content.Reset();
    }

    /// <summary>How many body rows fit from the next one (whole groups), and whether the footer comes with them.</summary>
    (int Rows, float Height, bool Footer) Fit(LayoutContext context, SKSize available)
    {
        MeasureGrid(context, available.Width);
        var grid = GridOf(Part.Body);
        var height = _headerHeights.Sum();
        var groups = new List<(int Rows, float Height)>();
        var r = _nextRow;
        while (r < grid.Count)
        {
            var end = grid.GroupEnd[r];
            float h = 0;
            for (var k = r; k <= end; k++) h += _bodyHeights[k];
            if (height + h > available.Height + 0.01f) break;
            height += h;
            groups.Add((end - r + 1, h));
            r = end + 1;
        }
        var footer = false;
        if (r >= grid.Count && _footer.Count > 0 && !_footerDrawn)
        {
            var totals = _footerHeights.Sum();
            if (height + totals <= available.Height + 0.01f)
            {
                footer = true;
                height += totals;
            }
            // The totals close the table on the page of its last rows: the last rows wait for them on the next page
            // (unless the page is relaxed because nothing else fits: then the totals follow alone).
            else if (groups.Count > 1 || groups.Count == 1 && !context.Relaxed)
            {
                height -= groups[^1].Height;
                groups.RemoveAt(groups.Count - 1);
            }
        }
        return (groups.Sum(g => g.Rows), height, footer);
    }

    internal override SpacePlan Measure(LayoutContext context, SKSize available)
    {
        if (_rows.Count == 0 && _footer.Count == 0)
        {
            if (_headerOnlyDrawn || _header.Count == 0) return SpacePlan.Empty;
            MeasureGrid(context, available.Width);
            var headerHeight = _headerHeights.Sum();
            return headerHeight <= available.Height ? SpacePlan.Full(available.Width, headerHeight) : SpacePlan.Wrap;
        }
        if (_nextRow >= _rows.Count && (_footer.Count == 0 || _footerDrawn)) return SpacePlan.Empty;
        var (rows, height, footer) = Fit(context, available);
        if (rows == 0 && !footer) return SpacePlan.Wrap;
        var done = _nextRow + rows == _rows.Count && (_footer.Count == 0 || footer);
        return done ? SpacePlan.Full(available.Width, height) : SpacePlan.Partial(available.Width, height);
    }

    internal override void Draw(LayoutContext context, SKSize available)
    {
        var plan = Measure(context, available);
        if (!plan.Draws) return;
        var (rows, _, footer) = _rows.Count == 0 && _footer.Count == 0 ? (0, 0f, false) : Fit(context, available);
        var style = Style ?? context.Theme.Table;
        var frame = context.Frame;
        _table ??= frame.NewNode(StructRole.Table, this);
        frame.Push(_table, this);
        var bands = new List<Band>();
        float y = 0;
        if (_header.Count > 0)
        {
            // The header is read once; where it repeats on a later page it is pagination furniture.
            if (_headerTagged) frame.PushArtifact(ArtifactKind.Pagination, this);
            else frame.Push(frame.NewNode(StructRole.THead, this), this);
            y = DrawRows(context, style, Part.Header, 0, _header.Count, y, bands);
            frame.Pop();
            _headerTagged = true;
        }
        if (rows > 0)
        {
            _body ??= frame.NewNode(StructRole.TBody, this);
            frame.Push(_body, this);
            y = DrawRows(context, style, Part.Body, _nextRow, rows, y, bands);
            frame.Pop();
        }
        if (footer)
        {
            frame.Push(frame.NewNode(StructRole.TFoot, this), this);
            y = DrawRows(context, style, Part.Footer, 0, _footer.Count, y, bands);
            frame.Pop();
        }
        frame.PushArtifact(ArtifactKind.Layout, this);
        DrawRules(frame, style, available.Width, bands, y);
        frame.Pop();
        frame.Pop();
        _nextRow += rows;
        _footerDrawn |= footer;
        if (_rows.Count == 0 && _footer.Count == 0) _headerOnlyDrawn = true;
    }

    /// <summary>A drawn row: its part, its index there, where it is.</summary>
    readonly record struct Band(Part Part, int Row, float Top, float Height);

    float DrawRows(LayoutContext context, TableStyle style, Part part, int first, int count, float top, List<Band> bands)
    {
        var heights = HeightsOf(part);
        var grid = GridOf(part);
        var frame = context.Frame;
        for (var r = first; r < first + count; r++)
        {
            bands.Add(new Band(part, r, top, heights[r]));
            frame.Push(frame.NewNode(StructRole.TR, this), this);
            foreach (var cell in grid.Starts[r])
                DrawCell(context, style, part, cell, top, heights.Skip(r).Take(cell.RowSpan).Sum());
            frame.Pop();
            top += heights[r];
        }
        return top;
    }

    void DrawCell(LayoutContext context, TableStyle style, Part part, Placed cell, float top, float height)
    {
        var frame = context.Frame;
        var x = CellWidth(0, cell.Column);
        var width = CellWidth(cell.Column, cell.ColumnSpan);
        var background = cell.Cell.Background ?? (part == Part.Header ? style.HeaderBackground : part == Part.Footer ? style.FooterBackground : null);
        if (background is { } color)
        {
            frame.PushArtifact(ArtifactKind.Background, this);
            frame.Rect(new SKRect(x, top, x + width, top + height), color);
            frame.Pop();
        }
        Prepare(cell.Cell, style, part);
        var inner = new SKSize(Math.Max(1, width - style.CellPadding.Horizontal), float.MaxValue / 4);
        var atTop = context.AtPageTop;
        context.AtPageTop = false;
        var contentHeight = cell.Cell.Content.Measure(context, inner).Height;
        // Cells are centred vertically, as Korean report tables are (a merged cell in the middle of its rows).
        frame.Save();
        frame.Translate(x + style.CellPadding.Left, top + style.CellPadding.Top + (height - style.CellPadding.Vertical - contentHeight) / 2);
        frame.Push(frame.NewNode(part == Part.Header ? StructRole.TH : StructRole.TD, this,
            scope: part == Part.Header ? HeaderScope.Column : null, rowSpan: cell.RowSpan, colSpan: cell.ColumnSpan), this);
        cell.Cell.Content.Draw(context, inner);
        frame.Pop();
        frame.Restore();
        context.AtPageTop = atTop;
    }

    /// <summary>
    /// Heavy rules above and below the table, a medium one under the header and over the totals, thin ones between rows
    /// and columns — never through a merged cell.
    /// </summary>
    void DrawRules(FrameBuilder frame, TableStyle style, float width, List<Band> bands, float bottom)
    {
        void Thin(float x0, float y0, float x1, float y1) => frame.Line(x0, y0, x1, y1, style.RuleWidth, style.RuleColor);
        void Medium(float y) => frame.Line(0, y, width, y, style.RuleWidth * 1.5f, style.OuterRuleColor);
        for (var b = 1; b < bands.Count; b++)
        {
            var (above, band) = (bands[b - 1], bands[b]);
            if (band.Part != above.Part)
            {
                if (band.Part == Part.Footer || above.Part == Part.Header) Medium(band.Top);
                continue;
            }
            var owner = GridOf(band.Part).Owner[band.Row];
            for (var c = 0; c < owner.Length;)
            {
                // A run of columns whose cell starts in this row (or is empty) gets the rule; a cell from above does not.
                var start = c;
                while (c < owner.Length && (owner[c] is null || owner[c]!.Row == band.Row)) c++;
                if (c > start) Thin(CellWidth(0, start), band.Top, CellWidth(0, c), band.Top);
                while (c < owner.Length && owner[c] is { } o && o.Row != band.Row) c++;
            }
        }
        if (style.VerticalRules)
            foreach (var band in bands)
            {
                var owner = GridOf(band.Part).Owner[band.Row];
                for (var c = 1; c < owner.Length; c++)
                    if (owner[c] is null || owner[c] != owner[c - 1])
                    {
                        var x = CellWidth(0, c);
                        Thin(x, band.Top, x, band.Top + band.Height);
                    }
            }
        frame.Line(0, style.OuterRuleWidth / 2, width, style.OuterRuleWidth / 2, style.OuterRuleWidth, style.OuterRuleColor);
        frame.Line(0, bottom - style.OuterRuleWidth / 2, width, bottom - style.OuterRuleWidth / 2, style.OuterRuleWidth, style.OuterRuleColor);
    }

    internal override string Describe(LayoutContext context, SKSize available)
    {
        var name = Name is null ? "Table" : $"Table '{Name}'";
        if (_nextRow >= _rows.Count) return name;
        MeasureGrid(context, available.Width);
        var grid = GridOf(Part.Body);
        var rows = grid.GroupEnd[_nextRow] - _nextRow + 1;
        var height = _bodyHeights.Skip(_nextRow).Take(rows).Sum();
        var what = rows == 1 ? $"row {_nextRow + 1} is" : $"rows {_nextRow + 1}–{_nextRow + rows} (joined by a merged cell) are";
        return $"{name}: {what} {height:0.#} pt tall (+{_headerHeights.Sum():0.#} pt header rows)";
    }
}
