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

    private void ReadBlocks(ContainerBlock container, List<BriefBlock> output, string file, int listLevel)
    {
        string? pendingCaption = null, pendingUnit = null;
        foreach (var block in container)
        {
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
                    if (text.StartsWith("표:", StringComparison.Ordinal)) pendingCaption = text[2..].Trim();
                    else if (UnitLine().IsMatch(text) && pendingCaption is not null) pendingUnit = text.Trim('(', ')', ' ');
                    else output.Add(Placed(new BriefParagraph(KindOf(text), inlines), file, paragraph));
                    break;
                }

                case Table table:
                    if (pendingCaption is null)
                        _errors.Add(new Diagnostic(Where(file, table), "a table needs a caption line \"표: …\" just above it"));
                    output.Add(Placed(ReadTable(table, pendingCaption ?? "", pendingUnit, file), file, table));
                    pendingCaption = pendingUnit = null;
                    break;

                case CustomContainer custom when custom.Info?.Trim() == "summary":
                {
                    var inner = new List<BriefBlock>();
                    ReadBlocks(custom, inner, file, listLevel);
                    output.Add(Placed(new BriefSummary(inner), file, custom));
                    break;
                }

                case CustomContainer custom:
                    _errors.Add(new Diagnostic(Where(file, custom), $"unknown container ':::{custom.Info}' (known: :::summary)"));
                    break;

                case HtmlBlock html:
                    ReadMarker(html, output, file);
                    break;

                case ThematicBreakBlock:
                    break;

                default:
                    _errors.Add(new Diagnostic(Where(file, block), $"unsupported Markdown ({block.GetType().Name}); see templates/README.md"));
                    break;
            }
        }
        if (pendingCaption is not null)
            _errors.Add(new Diagnostic(new SourceLocation(file), $"table caption \"표: {pendingCaption}\" is not followed by a table"));
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
            _errors.Add(new Diagnostic(Where(file, heading), $"heading level {heading.Level} is not used in briefs (use # or ##)"));
            number = "";
        }
        return new BriefHeading(Math.Min(heading.Level, 2), number, Inlines(heading.Inline));
    }

    private void ReadListItem(ListItemBlock item, List<BriefBlock> output, string file, int level)
    {
        if (level > 4)
            _errors.Add(new Diagnostic(Where(file, item), "lists nest at most four levels (□ ○ - ·)"));
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
                    _errors.Add(new Diagnostic(Where(file, child), "a list item may hold text and nested items only"));
                    break;
            }
        }
    }

    private BriefTable ReadTable(Table table, string caption, string? unit, string file)
    {
        var rows = table.OfType<TableRow>().ToList();
        var header = rows.FirstOrDefault(r => r.IsHeader);
        var align = table.ColumnDefinitions
            .Take(header?.Count ?? rows.FirstOrDefault()?.Count ?? 0)
            .Select(c => c.Alignment switch
            {
                TableColumnAlign.Center => CellAlign.Center,
                TableColumnAlign.Right => CellAlign.Right,
                _ => CellAlign.Left,
            })
            .ToList();
        return new BriefTable(
            ++_tables,
            caption,
            unit,
            header is null ? [] : Cells(header),
            rows.Where(r => !r.IsHeader).Select(Cells).ToList(),
            align)
        {
            // Header row first (when there is one), then the body rows: each cell's template position and metrics.
            CellOrigins = rows.Where(r => r.IsHeader && r == header).Concat(rows.Where(r => !r.IsHeader))
                .Select(r => (IReadOnlyList<BlockOrigin>)r.OfType<TableCell>().Select(c => new BlockOrigin(Where(file, c), MetricsOf(c))).ToList())
                .ToList(),
        };
    }

    private IReadOnlyList<IReadOnlyList<Inline>> Cells(TableRow row) =>
        row.OfType<TableCell>()
            .Select(cell => (IReadOnlyList<Inline>)cell.OfType<ParagraphBlock>().SelectMany(p => Inlines(p.Inline)).ToList())
            .ToList();

    private void ReadMarker(HtmlBlock html, List<BriefBlock> output, string file)
    {
        var text = html.Lines.ToString().Trim();
        var figure = FigurePattern().Match(text);
        if (figure.Success) output.Add(Placed(new BriefFigure(++_figures, figure.Groups[1].Value), file, html));
        else if (text == PageBreakMarker) output.Add(Placed(new BriefPageBreak(), file, html));
        else _errors.Add(new Diagnostic(Where(file, html), $"raw HTML is not allowed in briefs: {Truncate(text)}"));
    }

    /// <summary>
    /// Where a block was written: the template line and column of its first character (the file may be the section or a
    /// partial it includes), else the section file and the line of the rendered Markdown it starts on.
    /// </summary>
    private SourceLocation Where(string file, Block block) => Where(file, block.Span.Start, block.Line, column: -1);

    private SourceLocation Where(string file, int offset, int line, int column) =>
        _origins?.At(_markdown, offset) is { Line: > 0 } at ? at
        : column < 0 ? new SourceLocation(file, line + 1) : new SourceLocation(file, line + 1, column + 1);

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
}
