using System.Text.RegularExpressions;
using Markdig;
using Markdig.Extensions.CustomContainers;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

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

    public IReadOnlyList<Diagnostic> Errors => _errors;

    /// <summary>Reads one rendered section; <paramref name="sourceFile"/> names the template in error messages.</summary>
    public IReadOnlyList<BriefBlock> Read(string markdown, string sourceFile)
    {
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
            var at = new SourceLocation(sourceFile, link.Line + 1, link.Column + 1);
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
                    output.Add(Heading(heading, file) with { At = At(file, heading) });
                    break;

                case ListBlock { IsOrdered: true } numbered:
                    // Numbered lists are reference lists (참고문헌): plain entries with a hanging indent, no 개조식 marker.
                    foreach (var item in numbered.OfType<ListItemBlock>())
                        foreach (var p in item.OfType<ParagraphBlock>())
                            output.Add(new BriefParagraph(ParagraphKind.Reference, Inlines(p.Inline)) { At = At(file, p) });
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
                    else output.Add(new BriefParagraph(KindOf(text), inlines) { At = At(file, paragraph) });
                    break;
                }

                case Table table:
                    if (pendingCaption is null)
                        _errors.Add(new Diagnostic(new SourceLocation(file, table.Line + 1), "a table needs a caption line \"표: …\" just above it"));
                    output.Add(ReadTable(table, pendingCaption ?? "", pendingUnit) with { At = At(file, table) });
                    pendingCaption = pendingUnit = null;
                    break;

                case CustomContainer custom when custom.Info?.Trim() == "summary":
                {
                    var inner = new List<BriefBlock>();
                    ReadBlocks(custom, inner, file, listLevel);
                    output.Add(new BriefSummary(inner) { At = At(file, custom) });
                    break;
                }

                case CustomContainer custom:
                    _errors.Add(new Diagnostic(new SourceLocation(file, custom.Line + 1), $"unknown container ':::{custom.Info}' (known: :::summary)"));
                    break;

                case HtmlBlock html:
                    ReadMarker(html, output, file);
                    break;

                case ThematicBreakBlock:
                    break;

                default:
                    _errors.Add(new Diagnostic(new SourceLocation(file, block.Line + 1), $"unsupported Markdown ({block.GetType().Name}); see templates/README.md"));
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
            _errors.Add(new Diagnostic(new SourceLocation(file, heading.Line + 1), $"heading level {heading.Level} is not used in briefs (use # or ##)"));
            number = "";
        }
        return new BriefHeading(Math.Min(heading.Level, 2), number, Inlines(heading.Inline));
    }

    private void ReadListItem(ListItemBlock item, List<BriefBlock> output, string file, int level)
    {
        if (level > 4)
            _errors.Add(new Diagnostic(new SourceLocation(file, item.Line + 1), "lists nest at most four levels (□ ○ - ·)"));
        foreach (var child in item)
        {
            switch (child)
            {
                case ParagraphBlock p:
                    output.Add(new BriefBullet(Math.Min(level, 4), Inlines(p.Inline)) { At = At(file, p) });
                    break;
                case ListBlock nested:
                    foreach (var sub in nested.OfType<ListItemBlock>()) ReadListItem(sub, output, file, level + 1);
                    break;
                default:
                    _errors.Add(new Diagnostic(new SourceLocation(file, child.Line + 1), "a list item may hold text and nested items only"));
                    break;
            }
        }
    }

    private BriefTable ReadTable(Table table, string caption, string? unit)
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
            align);
    }

    private IReadOnlyList<IReadOnlyList<Inline>> Cells(TableRow row) =>
        row.OfType<TableCell>()
            .Select(cell => (IReadOnlyList<Inline>)cell.OfType<ParagraphBlock>().SelectMany(p => Inlines(p.Inline)).ToList())
            .ToList();

    private void ReadMarker(HtmlBlock html, List<BriefBlock> output, string file)
    {
        var text = html.Lines.ToString().Trim();
        var figure = FigurePattern().Match(text);
        if (figure.Success) output.Add(new BriefFigure(++_figures, figure.Groups[1].Value) { At = At(file, html) });
        else if (text == PageBreakMarker) output.Add(new BriefPageBreak { At = At(file, html) });
        else _errors.Add(new Diagnostic(new SourceLocation(file, html.Line + 1), $"raw HTML is not allowed in briefs: {Truncate(text)}"));
    }

    /// <summary>The section file and the line of the rendered Markdown a block starts on.</summary>
    private static SourceLocation At(string file, Block block) => new(file, block.Line + 1);

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
