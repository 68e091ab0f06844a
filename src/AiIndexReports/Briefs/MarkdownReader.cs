using System.Text.RegularExpressions;
using Markdig;
using Markdig.Extensions.CustomContainers;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using AiIndexReports.Text;

namespace AiIndexReports.Briefs;

/// <summary>
/// Reads the Markdown that the templates render into brief blocks, in the conventions editors know
/// (templates/README.md): "#" numbered headings, nested "-" lists as □ ○ - ·, "※"/"주:"/"자료:" lines,
/// "표:" + "(단위: …)" + pipe table, ":::summary" box, figure and page-break markers.
/// Numbering (sections, tables, figures) runs on across the files of one brief, so one reader reads them all in order.
/// </summary>
public sealed partial class MarkdownReader
{
    /// <summary>What the template function <c>figure "id"</c> writes; an HTML comment so Markdown keeps it as one block.</summary>
    public static string FigureMarker(string id) => $"<!-- figure:{id} -->";
    public const string PageBreakMarker = "<!-- pagebreak -->";

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseCustomContainers()
        // No emphasis extras: a Korean brief writes ranges with "~" ("2024~2026년", "3.0~610배"), and two of them in one
        // paragraph would otherwise become a subscript with the tildes dropped.
        .Build();

    private readonly List<Diagnostic> _errors = [];
    private int _h1, _h2, _tables, _figures;
    // The section being read and where its text came from (null: Markdown not rendered from a template).
    private string _markdown = "";
    private OutputOrigins? _origins;
    private List<int> _lineStarts = [0];

    public IReadOnlyList<Diagnostic> Errors => _errors;

    /// <summary>Reads one rendered section; <paramref name="sourceFile"/> names the template in error messages.</summary>
    /// <param name="origins">
    /// where each piece of <paramref name="markdown"/> came from (<see cref="TemplateRenderer"/>): blocks and errors are then
    /// placed at the template line and column that wrote them, and blocks name the metrics they print; without it, at the
    /// line of the Markdown.
    /// </param>
    public IReadOnlyList<BriefBlock> Read(string markdown, string sourceFile, OutputOrigins? origins = null)
    {
        _markdown = markdown;
        _origins = origins;
        _lineStarts = [0];
        for (var i = 0; i < markdown.Length; i++)
            if (markdown[i] == '\n') _lineStarts.Add(i + 1);
        MarkdownDocument doc;
        try
        {
            doc = Markdown.Parse(markdown, Pipeline);
        }
        catch (ArgumentException e)
        {
            // Markdig stops at its nesting limit rather than overflow the stack (30,000 "> " or list levels).
            _errors.Add(new Diagnostic(new SourceLocation(sourceFile), e.Message.Contains("nested", StringComparison.OrdinalIgnoreCase)
                ? "the section's Markdown nests quotes or lists too deeply for a brief (briefs use at most four list levels)"
                : "the section's Markdown cannot be read: " + Echo.Clip(e.Message)));
            return [];
        }
        var blocks = new List<BriefBlock>();
        ReadBlocks(doc, blocks, sourceFile, listLevel: 0);
        foreach (var link in doc.Descendants<LinkInline>())
        {
            var at = Where(sourceFile, link.Span.Start, link.Line, link.Column);
            if (!IsAllowedLink(link.Url))
                _errors.Add(new Diagnostic(at,
                    $"link target \"{Echo.Clip(link.Url ?? "")}\" is not allowed: a link in a brief goes to http:, https:, mailto: or an anchor in the brief (#…)"));
            else if (link.Url![0] == '#') _anchorLinks.Add((link.Url[1..], at));
        }
        return blocks;
    }

    private readonly List<(string Anchor, SourceLocation At)> _anchorLinks = [];

    /// <summary>Reports every "#anchor" link of the sections read so far that no heading of <paramref name="blocks"/> has.</summary>
    public void CheckAnchors(IEnumerable<BriefBlock> blocks)
    {
        var anchors = Flatten(blocks).OfType<BriefHeading>().Select(h => BriefTypesetter.AnchorOf(h)).ToHashSet(StringComparer.Ordinal);
        foreach (var (anchor, at) in _anchorLinks.Where(l => !anchors.Contains(l.Anchor)))
            _errors.Add(new Diagnostic(at, $"link to \"#{Echo.Clip(anchor)}\", which no heading has (the brief's headings: "
                + string.Join(", ", anchors.Order(StringComparer.Ordinal).Take(8).Select(a => "#" + a)) + ")"));

        static IEnumerable<BriefBlock> Flatten(IEnumerable<BriefBlock> list) =>
            list.SelectMany(b => b is BriefSummary summary ? Flatten(summary.Blocks) : [b]);
    }

    /// <summary>
    /// Links a PDF reader may follow from a brief: web pages, e-mail and the brief's own anchors. Anything else —
    /// javascript:, file:, data:, a relative path (a launch action) — would run or open something on the reader's machine.
    /// </summary>
    public static bool IsAllowedLink(string? url)
    {
        if (string.IsNullOrEmpty(url)) return false;
        if (url[0] == '#') return url.Length > 1;
        var colon = url.IndexOf(':');
        if (colon <= 0) return false;
        var scheme = url[..colon];
        return (scheme.Equals("http", StringComparison.OrdinalIgnoreCase) || scheme.Equals("https", StringComparison.OrdinalIgnoreCase))
            ? url.AsSpan(colon + 1).StartsWith("//", StringComparison.Ordinal)
            : scheme.Equals("mailto", StringComparison.OrdinalIgnoreCase) && url.Length > colon + 1;
    }

    /// <summary>The lines between a table's caption and the table (besides the unit line), or before a figure.</summary>
    private sealed class TableOptions
    {
        public string? Widths;
        public int WidthsLine;
        public string? Merge;
        public int MergeLine;
        public bool InPlace;
        public int InPlaceLine;
    }

    private void ReadBlocks(ContainerBlock container, List<BriefBlock> output, string file, int listLevel)
    {
        string? pendingCaption = null, pendingUnit = null;
        var options = new TableOptions();
        foreach (var block in container)
        {
            // "배치: 고정" belongs to the figure or table right after it (and a table's caption and option lines).
            if (options.InPlace && !(block is Table || block is HtmlBlock html0 && FigurePattern().IsMatch(html0.Lines.ToString().Trim())
                || block is ParagraphBlock p0 && IsTableLine(PlainOf(p0))))
            {
                _errors.Add(new Diagnostic(LineAt(file, options.InPlaceLine),
                    "\"배치: 고정\" must stand right above a figure ({{ figure \"id\" }}) or a table's \"표:\" line"));
                options.InPlace = false;
            }
            switch (block)
            {
                case HeadingBlock heading:
                    output.Add(Placed(Heading(heading, file), file, heading));
                    break;

                case ListBlock { IsOrdered: true } numbered:
                    // Numbered lists are reference lists (참고문헌): plain entries with a hanging indent, no 개조식 marker.
                    foreach (var item in numbered.OfType<ListItemBlock>())
                        foreach (var p in item.OfType<ParagraphBlock>())
                            output.Add(Placed(new BriefParagraph(ParagraphKind.Reference, Inlines(p.Inline)), file, p));
                    break;

                case ListBlock list:
                    foreach (var item in list.OfType<ListItemBlock>()) ReadListItem(item, output, file, listLevel + 1);
                    break;

                case ParagraphBlock paragraph:
                {
                    var inlines = Inlines(paragraph.Inline);
                    var text = string.Concat(inlines.Select(i => i.Text)).Trim();
                    var line = paragraph.Line + 1;
                    if (text.StartsWith("표:", StringComparison.Ordinal)) pendingCaption = text[2..].Trim();
                    else if (UnitLine().IsMatch(text) && pendingCaption is not null) pendingUnit = text.Trim('(', ')', ' ');
                    else if (InPlaceLine().IsMatch(text)) (options.InPlace, options.InPlaceLine) = (true, line);
                    else if (TryOption(text, WidthsPrefix, out var widths) || TryOption(text, MergePrefix, out _))
                    {
                        if (pendingCaption is null)
                            _errors.Add(new Diagnostic(LineAt(file, line),
                                $"\"{text[..text.IndexOf(':')]}:\" belongs between a table's caption line \"표: …\" and the table"));
                        else if (widths is not null) (options.Widths, options.WidthsLine) = (widths, line);
                        else (options.Merge, options.MergeLine) = (text[(text.IndexOf(':') + 1)..].Trim(), line);
                    }
                    else output.Add(Placed(new BriefParagraph(KindOf(text), inlines), file, paragraph));
                    break;
                }

                case Table table:
                    if (pendingCaption is null)
                        _errors.Add(new Diagnostic(LineAt(file, table.Line + 1), "a table needs a caption line \"표: …\" just above it"));
                    output.Add(Placed(ReadTable(table, pendingCaption ?? "", pendingUnit, options, file), file, table));
                    pendingCaption = pendingUnit = null;
                    options = new TableOptions();
                    break;

                case CustomContainer custom when custom.Info?.Trim() == "summary":
                {
                    var inner = new List<BriefBlock>();
                    ReadBlocks(custom, inner, file, listLevel);
                    output.Add(Placed(new BriefSummary(inner), file, custom));
                    break;
                }

                case CustomContainer custom:
                    _errors.Add(new Diagnostic(LineAt(file, custom.Line + 1), $"unknown container ':::{custom.Info}' (known: :::summary)"));
                    break;

                case HtmlBlock html:
                    ReadMarker(html, output, file, options.InPlace);
                    options.InPlace = false;
                    break;

                case ThematicBreakBlock:
                    break;

                default:
                    _errors.Add(new Diagnostic(LineAt(file, block.Line + 1), $"unsupported Markdown ({block.GetType().Name}); see templates/README.md"));
                    break;
            }
        }
        if (pendingCaption is not null)
            _errors.Add(new Diagnostic(new SourceLocation(file), $"table caption \"표: {pendingCaption}\" is not followed by a table"));
        if (options.InPlace)
            _errors.Add(new Diagnostic(LineAt(file, options.InPlaceLine),
                "\"배치: 고정\" must stand right above a figure ({{ figure \"id\" }}) or a table's \"표:\" line"));
    }

    private BriefHeading Heading(HeadingBlock heading, string file)
    {
        string number;
        if (heading.Level == 1)
        {
            _h1++;
            _h2 = 0;
            number = $"{_h1}.";
        }
        else if (heading.Level == 2)
        {
            _h2++;
            number = $"{_h1}.{_h2}";
        }
        else
        {
            _errors.Add(new Diagnostic(LineAt(file, heading.Line + 1), $"heading level {heading.Level} is not used in briefs (use # or ##)"));
            number = "";
        }
        return new BriefHeading(Math.Min(heading.Level, 2), number, Inlines(heading.Inline));
    }

    private void ReadListItem(ListItemBlock item, List<BriefBlock> output, string file, int level)
    {
        if (level > 4)
            _errors.Add(new Diagnostic(LineAt(file, item.Line + 1), "lists nest at most four levels (□ ○ - ·)"));
        foreach (var child in item)
        {
            switch (child)
            {
                case ParagraphBlock p:
                    output.Add(Placed(new BriefBullet(Math.Min(level, 4), Inlines(p.Inline)), file, p));
                    break;
                case ListBlock nested:
                    foreach (var sub in nested.OfType<ListItemBlock>()) ReadListItem(sub, output, file, level + 1);
                    break;
                default:
                    _errors.Add(new Diagnostic(LineAt(file, child.Line + 1), "a list item may hold text and nested items only"));
                    break;
            }
        }
    }

    private const string WidthsPrefix = "열 너비:";
    private const string MergePrefix = "열 병합:";

    private static bool TryOption(string text, string prefix, out string? value)
    {
        var match = text.StartsWith(prefix, StringComparison.Ordinal);
        value = match && prefix == WidthsPrefix ? text[prefix.Length..].Trim() : null;
        return match;
    }

    private static string PlainOf(ParagraphBlock paragraph) => string.Concat(Inlines(paragraph.Inline).Select(i => i.Text)).Trim();

    /// <summary>A line that belongs to a table above it: its caption, unit, or an option line.</summary>
    private static bool IsTableLine(string text) =>
        text.StartsWith("표:", StringComparison.Ordinal) || UnitLine().IsMatch(text)
        || text.StartsWith(WidthsPrefix, StringComparison.Ordinal) || text.StartsWith(MergePrefix, StringComparison.Ordinal);

    /// <summary>
    /// The table's rows in three parts — header, body, and the totals after a "|---|" row — each row with one cell per
    /// column; "^" and "&lt;" cells and the columns named by "열 병합:" become merged cells; "열 너비:" gives widths.
    /// </summary>
    private BriefTable ReadTable(Table table, string caption, string? unit, TableOptions options, string file)
    {
        var rows = table.OfType<TableRow>().ToList();
        var header = rows.FirstOrDefault(r => r.IsHeader);
        var columns = header?.Count ?? rows.FirstOrDefault()?.Count ?? 0;
        var align = table.ColumnDefinitions
            .Take(columns)
            .Select(c => c.Alignment switch
            {
                TableColumnAlign.Center => CellAlign.Center,
                TableColumnAlign.Right => CellAlign.Right,
                TableColumnAlign.Left => CellAlign.Left,
                _ => CellAlign.Auto,
            })
            .ToList();
        while (align.Count < columns) align.Add(CellAlign.Auto);

        var body = new List<(int Line, List<IReadOnlyList<Inline>> Cells)>();
        var totals = new List<(int Line, List<IReadOnlyList<Inline>> Cells)>();
        // Each cell's template position and metrics: header, body, then totals rows (separator rows have none).
        var origins = new List<(bool Totals, IReadOnlyList<BlockOrigin> Cells)>();
        var separatorLine = 0;
        foreach (var row in rows.Where(r => !r.IsHeader))
        {
            var cells = Cells(row, columns, file);
            if (cells.Count > 0 && cells.All(c => SeparatorCell().IsMatch(Plain(c))))
            {
                if (separatorLine > 0)
                    _errors.Add(new Diagnostic(LineAt(file, row.Line + 1), $"a table has one \"|---|\" row before its totals; another is on line {LineAt(file, separatorLine).Line}"));
                separatorLine = row.Line + 1;
                continue;
            }
            (separatorLine > 0 ? totals : body).Add((row.Line + 1, cells));
            origins.Add((separatorLine > 0, CellOriginsOf(row, file)));
        }
        if (separatorLine > 0 && totals.Count == 0)
            _errors.Add(new Diagnostic(LineAt(file, separatorLine), "a \"|---|\" row must be followed by the totals row(s) (합계)"));

        var headerCells = header is null ? [] : Cells(header, columns, file);
        var spans = new List<CellSpan>();
        if (header is not null) Merge(TablePart.Header, [(header.Line + 1, headerCells)], spans, file);
        Merge(TablePart.Body, body, spans, file);
        Merge(TablePart.Totals, totals, spans, file);
        if (options.Merge is not null) MergeEqual(options.Merge, options.MergeLine, headerCells, body, spans, file);

        return new BriefTable(++_tables, caption, unit, headerCells, body.Select(r => (IReadOnlyList<IReadOnlyList<Inline>>)r.Cells).ToList(), align)
        {
            Totals = totals.Select(r => (IReadOnlyList<IReadOnlyList<Inline>>)r.Cells).ToList(),
            Spans = spans,
            Widths = options.Widths is null ? [] : Widths(options.Widths, options.WidthsLine, columns, file),
            InPlace = options.InPlace,
            CellOrigins = [.. header is null ? [] : new[] { CellOriginsOf(header, file) }, .. origins.Where(o => !o.Totals).Select(o => o.Cells),
                .. origins.Where(o => o.Totals).Select(o => o.Cells)],
        };
    }

    private IReadOnlyList<BlockOrigin> CellOriginsOf(TableRow row, string file) =>
        row.OfType<TableCell>().Select(c => new BlockOrigin(Where(file, c), MetricsOf(c))).ToList();

    /// <summary>One cell per column: missing cells are empty; more cells than the header has columns is an error.</summary>
    private List<IReadOnlyList<Inline>> Cells(TableRow row, int columns, string file)
    {
        var cells = row.OfType<TableCell>()
            .Select(cell => (IReadOnlyList<Inline>)cell.OfType<ParagraphBlock>().SelectMany(p => Inlines(p.Inline)).ToList())
            .ToList();
        if (cells.Count > columns && columns > 0)
            _errors.Add(new Diagnostic(LineAt(file, row.Line + 1), $"this row has {cells.Count} cells, the table's header {columns} columns"));
        while (cells.Count < columns) cells.Add([]);
        return cells.Take(Math.Max(columns, 1)).ToList();
    }

    private static string Plain(IReadOnlyList<Inline> cell) => string.Concat(cell.Select(i => i.Text)).Trim();

    /// <summary>
    /// A cell holding only "^" joins the cell above it, one holding only "&lt;" the cell to its left: the merged cell
    /// keeps the text of its top-left cell and every cell it covers must be such a mark.
    /// </summary>
    private void Merge(TablePart part, List<(int Line, List<IReadOnlyList<Inline>> Cells)> rows, List<CellSpan> spans, string file)
    {
        bool IsMark(int r, int c) => Plain(rows[r].Cells[c]) is "^" or "<";
        if (!rows.Any(r => r.Cells.Any(c => Plain(c) is "^" or "<"))) return;
        var covered = new HashSet<(int, int)>();
        for (var r = 0; r < rows.Count; r++)
            for (var c = 0; c < rows[r].Cells.Count; c++)
            {
                if (IsMark(r, c) || covered.Contains((r, c))) continue;
                var rowSpan = 1;
                while (r + rowSpan < rows.Count && Plain(rows[r + rowSpan].Cells[c]) == "^") rowSpan++;
                var columnSpan = 1;
                while (c + columnSpan < rows[r].Cells.Count && Plain(rows[r].Cells[c + columnSpan]) == "<") columnSpan++;
                if (rowSpan == 1 && columnSpan == 1) continue;
                for (var dr = 0; dr < rowSpan; dr++)
                    for (var dc = 0; dc < columnSpan; dc++)
                    {
                        if (dr == 0 && dc == 0) continue;
                        if (!IsMark(r + dr, c + dc))
                            _errors.Add(new Diagnostic(LineAt(file, rows[r + dr].Line),
                                $"cell {c + dc + 1} holds text but lies inside the cell merged from row {r + 1}, column {c + 1} (write \"^\" or \"<\" there)"));
                        covered.Add((r + dr, c + dc));
                    }
                spans.Add(new CellSpan(part, r, c, rowSpan, columnSpan));
            }
        for (var r = 0; r < rows.Count; r++)
            for (var c = 0; c < rows[r].Cells.Count; c++)
            {
                if (!IsMark(r, c)) continue;
                if (!covered.Contains((r, c)))
                    _errors.Add(new Diagnostic(LineAt(file, rows[r].Line),
                        $"\"{Plain(rows[r].Cells[c])}\" in cell {c + 1} has no cell to merge with " +
                        (Plain(rows[r].Cells[c]) == "^" ? "above it (the first row of the table or of its totals)" : "to its left")));
                rows[r].Cells[c] = [];
            }
    }

    /// <summary>"열 병합: 순위, 국가": in these columns, a cell equal to the one above it (after "^" merges) joins it.</summary>
    private void MergeEqual(string names, int line, List<IReadOnlyList<Inline>> header,
        List<(int Line, List<IReadOnlyList<Inline>> Cells)> rows, List<CellSpan> spans, string file)
    {
        var headers = header.Select(Plain).ToList();
        foreach (var name in names.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var c = headers.IndexOf(name);
            if (c < 0)
            {
                _errors.Add(new Diagnostic(LineAt(file, line),
                    $"\"열 병합:\" names a column \"{name}\" the table does not have (its columns: {string.Join(", ", headers)})"));
                continue;
            }
            bool Free(int r) => !spans.Any(s => s.Part == TablePart.Body && c >= s.Column && c < s.Column + s.ColumnSpan && r >= s.Row && r < s.Row + s.RowSpan);
            for (var r = 0; r < rows.Count;)
            {
                var text = Plain(rows[r].Cells[c]);
                var end = r + 1;
                if (text.Length > 0 && Free(r))
                    while (end < rows.Count && Free(end) && Plain(rows[end].Cells[c]) == text) end++;
                if (end - r > 1)
                {
                    spans.Add(new CellSpan(TablePart.Body, r, c, end - r, 1));
                    for (var k = r + 1; k < end; k++) rows[k].Cells[c] = [];
                }
                r = end;
            }
        }
    }

    /// <summary>"열 너비: 30%, *, *": a percentage of the table per column, "*" (or "자동") where the content decides.</summary>
    private List<float?> Widths(string text, int line, int columns, string file)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        var widths = new List<float?>();
        foreach (var part in parts)
        {
            if (part is "*" or "자동") widths.Add(null);
            else if (PercentWidth().Match(part) is { Success: true } m
                     && float.TryParse(m.Groups[1].Value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var percent)
                     && percent is > 0 and < 100)
                widths.Add(percent);
            else
                _errors.Add(new Diagnostic(LineAt(file, line), $"\"열 너비:\" takes a percentage such as 30% or * (content decides) per column, found \"{Echo.Clip(part)}\""));
        }
        if (parts.Length != columns)
            _errors.Add(new Diagnostic(LineAt(file, line), $"\"열 너비:\" gives {parts.Length} widths for a table of {columns} columns"));
        else if (widths.Sum(w => w ?? 0) > 100)
            _errors.Add(new Diagnostic(LineAt(file, line), $"\"열 너비:\" percentages add up to {widths.Sum(w => w ?? 0)}%, more than the table's width"));
        return widths;
    }

    private void ReadMarker(HtmlBlock html, List<BriefBlock> output, string file, bool inPlace)
    {
        var text = html.Lines.ToString().Trim();
        var figure = FigurePattern().Match(text);
        if (figure.Success) output.Add(Placed(new BriefFigure(++_figures, figure.Groups[1].Value) { InPlace = inPlace }, file, html));
        else if (text == PageBreakMarker) output.Add(Placed(new BriefPageBreak(), file, html));
        else _errors.Add(new Diagnostic(LineAt(file, html.Line + 1), $"raw HTML is not allowed in briefs: {Truncate(text)}"));
    }

    /// <summary>
    /// Where a block was written: the template line and column of its first character (the file may be the section or a
    /// partial it includes), else the section file and the line of the rendered Markdown it starts on.
    /// </summary>
    private SourceLocation Where(string file, Block block) => Where(file, block.Span.Start, block.Line, column: -1);

    private SourceLocation Where(string file, int offset, int line, int column) =>
        // Text no template line wrote (a caveat line made from metrics) is placed at its section, without a line.
        _origins?.At(_markdown, offset) is { } at ? at
        : column < 0 ? new SourceLocation(file, line + 1) : new SourceLocation(file, line + 1, column + 1);

    /// <summary>Where line <paramref name="line"/> (1-based) of the rendered Markdown was written: its template line, else that line.</summary>
    private SourceLocation LineAt(string file, int line) =>
        line >= 1 && line <= _lineStarts.Count ? Where(file, _lineStarts[line - 1], line - 1, column: -1) : new SourceLocation(file, line);

    /// <summary>The metrics the Markdown of a block printed (empty without origins).</summary>
    private IReadOnlyList<string> MetricsOf(Block block) =>
        _origins is null || block.Span.IsEmpty ? [] : _origins.MetricsIn(block.Span.Start, block.Span.End + 1);

    /// <summary>The block's place and printed metrics, for <see cref="BriefBlock.At"/> and <see cref="BriefBlock.Metrics"/>.</summary>
    private T Placed<T>(T brief, string file, Block block) where T : BriefBlock =>
        brief with { At = Where(file, block), Metrics = MetricsOf(block) };

    private static ParagraphKind KindOf(string text) =>
        text.StartsWith('※') ? ParagraphKind.Note
        : text.StartsWith("주:", StringComparison.Ordinal) ? ParagraphKind.Remark
        : text.StartsWith("자료:", StringComparison.Ordinal) ? ParagraphKind.Source
        : ParagraphKind.Body;

    /// <summary>Flattens Markdig inlines into styled runs; soft line breaks become spaces.</summary>
    private static List<Inline> Inlines(ContainerInline? container)
    {
        var result = new List<Inline>();
        if (container is not null) Collect(container, bold: false, italic: false, link: null, result);
        return Merge(result);
    }

    private static void Collect(ContainerInline container, bool bold, bool italic, string? link, List<Inline> output)
    {
        foreach (var inline in container)
        {
            switch (inline)
            {
                case LiteralInline literal:
                    output.Add(new Inline(literal.Content.ToString(), bold, italic, link));
                    break;
                case CodeInline code:
                    output.Add(new Inline(code.Content, bold, italic, link));
                    break;
                case LineBreakInline:
                    output.Add(new Inline(" ", bold, italic, link));
                    break;
                case EmphasisInline emphasis:
                    var strong = emphasis.DelimiterCount >= 2 && emphasis.DelimiterChar is '*' or '_';
                    Collect(emphasis, bold || strong, italic || !strong, link, output);
                    break;
                case LinkInline linkInline:
                    Collect(linkInline, bold, italic, linkInline.Url, output);
                    break;
                case HtmlEntityInline entity:
                    output.Add(new Inline(entity.Transcoded.ToString(), bold, italic, link));
                    break;
                case ContainerInline nested:
                    Collect(nested, bold, italic, link, output);
                    break;
                default:
                    output.Add(new Inline(inline.ToString() ?? "", bold, italic, link));
                    break;
            }
        }
    }

    private static List<Inline> Merge(List<Inline> runs)
    {
        var merged = new List<Inline>();
        foreach (var run in runs)
        {
            if (run.Text.Length == 0) continue;
            if (merged.Count > 0 && merged[^1] is var last && last.Bold == run.Bold && last.Italic == run.Italic && last.Link == run.Link)
                merged[^1] = last with { Text = last.Text + run.Text };
            else merged.Add(run);
        }
        return merged;
    }

    private static string Truncate(string text) => text.Length <= 60 ? text : text[..60] + "…";

    [GeneratedRegex(@"^<!--\s*figure:([A-Za-z0-9_\-]+)\s*-->$")]
    private static partial Regex FigurePattern();

    [GeneratedRegex(@"^\(단위:[^)]*\)$")]
    private static partial Regex UnitLine();

    [GeneratedRegex(@"^배치:\s*고정$")]
    private static partial Regex InPlaceLine();

    [GeneratedRegex(@"^:?-+:?$")]
    private static partial Regex SeparatorCell();

    [GeneratedRegex(@"^(\d+(?:\.\d+)?)\s*%$")]
    private static partial Regex PercentWidth();
}
