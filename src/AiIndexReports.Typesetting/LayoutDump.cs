using System.Globalization;
using System.Text;
using AiIndexReports.Typesetting.Elements;

namespace AiIndexReports.Typesetting;

/// <summary>
/// A plain-text view of a composed document, before layout: one line per element, indented by nesting, with its text
/// and the size, line height and weight it will be set in (its own style, else the theme's for its kind). Tests assert
/// composition on it (what is on the cover, in which style, in which order) without reading a PDF back.
/// </summary>
public static class LayoutDump
{
    public static string Of(Document document)
    {
        var text = new StringBuilder();
        var page = document.Page;
        text.Append(CultureInfo.InvariantCulture, $"page {N(page.Size.Width)}x{N(page.Size.Height)} margins {N(page.Margins.Top)} {N(page.Margins.Right)} {N(page.Margins.Bottom)} {N(page.Margins.Left)}\n");
        text.Append(CultureInfo.InvariantCulture, $"metadata title=\"{document.Metadata.Title}\" keywords=\"{document.Metadata.Keywords}\" language={document.Metadata.Language}\n");
        if (page.Header is { } header) Write(text, document.Theme, header, 0, "header ");
        if (page.Footer is { } footer) Write(text, document.Theme, footer, 0, "footer ");
        foreach (var element in document.Content) Write(text, document.Theme, element, 0, "");
        return text.ToString();
    }

    private static void Write(StringBuilder text, Theme theme, Element element, int depth, string prefix)
    {
        text.Append(' ', depth * 2).Append(prefix).Append(Describe(theme, element)).Append('\n');
        foreach (var child in element.Children) Write(text, theme, child, depth + 1, "");
    }

    private static string Describe(Theme theme, Element element) => element switch
    {
        Heading h => $"heading {h.Level} {Style(h.Style ?? theme.Heading(h.Level))} \"{Text(h)}\"",
        BulletItem b => $"bullet {b.Level} \"{theme.Bullet(b.Level).Marker}\" {Style(b.Style ?? theme.Bullet(b.Level).Paragraph)} \"{Text(b)}\"",
        Paragraph p => $"paragraph {Style(p.Style ?? theme.Body)}{(p.Align is { } a ? " align=" + a : "")} \"{Text(p)}\"",
        Figure f => $"figure \"{f.Caption}\"{(f.Floats ? " float" : "")}{(f.KeepTogether ? "" : " splits")}{(f.Unit is null ? "" : $" unit=\"{f.Unit}\"")}{string.Concat(f.Notes.Select(n => $" note=\"{n}\""))}",
        Table t => $"table columns={string.Join(",", t.Columns.Select(Column))} header={t.HeaderRows.Count} rows={t.BodyRows.Count} totals={t.FooterRows.Count}{Merged(t)}",
        TableOfContents c => $"contents{(c.MinPages > 0 ? $" when-over={c.MinPages}-pages" : "")} columns={theme.Toc.Columns} levels={theme.Toc.MaxLevel}",
        CanvasElement c => $"canvas {c.Name} height={N(c.Height)}{(c.MinHeight is { } min && min < c.Height ? $" min={N(min)}" : "")}",
        Box b => $"box{(b.Style?.Background is { } bg ? " background=" + bg : "")}",
        PageNumber n => $"page-number \"{n.Format}\"",
        Spacer s => $"spacer {N(s.Height)}",
        _ => element.GetType().Name.ToLowerInvariant(),
    };

    private static string Column(Width width) => width.Kind switch
    {
        WidthKind.Auto => "auto",
        WidthKind.Percent => N(width.Value) + "%",
        WidthKind.Fixed => N(width.Value) + "pt",
        _ => N(width.Value) + "*",
    };

    /// <summary>Merged body cells as "row:rows×columns" (1-based row where the cell starts), e.g. " merged=5:4x1".</summary>
    private static string Merged(Table table)
    {
        var merged = table.BodyRows.SelectMany((row, r) => row.Cells.Where(c => c.RowSpan > 1 || c.ColumnSpan > 1)
            .Select(c => $"{r + 1}:{c.RowSpan}x{c.ColumnSpan}")).ToList();
        return merged.Count == 0 ? "" : " merged=" + string.Join(",", merged);
    }

    private static string Style(ParagraphStyle style) =>
        $"[{N(style.Text.Size)}pt x{N(style.LineHeight)} {style.Text.Weight.ToString().ToLowerInvariant()} {style.Align.ToString().ToLowerInvariant()}]";

    private static string Text(Paragraph paragraph) =>
        string.Concat(paragraph.Spans.Select(s => s.Weight is { } w && w != paragraph.Style?.Text.Weight ? $"<{w.ToString().ToLowerInvariant()}>{s.Text}</>" : s.Text));

    private static string N(float value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
