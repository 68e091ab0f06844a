using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using AiIndexReports.Charts;
using AiIndexReports.Metrics;
using AiIndexReports.Typesetting.Frames;

namespace AiIndexReports.Briefs;

/// <summary>
/// A page as a map back to its sources, for the live preview: every paragraph, heading, list item, table cell, caption and
/// chart on the page with its box (points, origin top-left), the template file:line:column that wrote it (or the manifest
/// entry, for the cover) and the metrics it prints — each with its value, unit, formula and the data rows it comes from.
/// Made from the page frames of the same layout run the PDF and the PNG previews were drawn from; nothing is laid out
/// again. JSON, deterministic (ordinal order, boxes rounded to 0.1 pt), written next to the page's PNG.
/// </summary>
public sealed class PageMap
{
    private readonly Dictionary<string, List<string>> _metricsBySource = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _figureBySource = new(StringComparer.Ordinal);
    private readonly MetricSet _metrics;

    public PageMap(BriefDocument document, MetricSet metrics, FigureSet figures)
    {
        _metrics = metrics;
        void Note(SourceLocation? at, IEnumerable<string> ids)
        {
            if (at is null) return;
            var key = at.ToString();
            if (!_metricsBySource.TryGetValue(key, out var list)) _metricsBySource[key] = list = [];
            foreach (var id in ids)
                if (!list.Contains(id) && metrics.TryGet(id, out _)) list.Add(id);
        }
        void Visit(IEnumerable<BriefBlock> blocks)
        {
            foreach (var block in blocks)
            {
                Note(block.At, block.Metrics);
                switch (block)
                {
                    case BriefSummary summary:
                        Visit(summary.Blocks);
                        break;
                    case BriefTable table:
                        foreach (var cell in table.CellOrigins.SelectMany(row => row)) Note(cell.At, cell.Metrics);
                        break;
                    case BriefFigure figure when figures.Figures.Any(f => f.Id == figure.FigureId):
                        // A chart prints the metrics it was drawn from; the template line only places it.
                        Note(figure.At, figures[figure.FigureId].MetricIds);
                        if (figure.At is { } at) _figureBySource[at.ToString()] = figure.FigureId;
                        break;
                }
            }
        }
        Visit(document.Blocks);
    }

    private static readonly JsonWriterOptions Options = new()
    {
        Indented = false,
        // Served as application/json to the preview's own page, never inlined into HTML: Korean stays readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The map of one page as UTF-8 JSON.</summary>
    public byte[] Json(PageFrame page)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, Options))
        {
            w.WriteStartObject();
            w.WriteNumber("page", page.Index + 1);
            WriteRounded(w, "width", page.Size.Width);
            WriteRounded(w, "height", page.Size.Height);
            var used = new List<string>();
            w.WriteStartArray("blocks");
            foreach (var entry in Entries(page))
            {
                w.WriteStartObject();
                WriteRounded(w, "x", entry.Box.Left);
                WriteRounded(w, "y", entry.Box.Top);
                WriteRounded(w, "w", entry.Box.Width);
                WriteRounded(w, "h", entry.Box.Height);
                w.WriteString("kind", entry.Kind);
                w.WriteString("source", entry.Source);
                if (_figureBySource.TryGetValue(entry.Source, out var figure) && entry.Kind is "figure" or "caption") w.WriteString("figure", figure);
                w.WriteString("text", entry.Text);
                w.WriteStartArray("metrics");
                foreach (var id in _metricsBySource.GetValueOrDefault(entry.Source) ?? [])
                {
                    w.WriteStringValue(id);
                    if (!used.Contains(id)) used.Add(id);
                }
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartObject("metrics");
            foreach (var id in used.Order(StringComparer.Ordinal)) WriteMetric(w, _metrics[id]);
            w.WriteEndObject();
            w.WriteEndObject();
        }
        return stream.ToArray();
    }

    private sealed record Entry(SkiaSharp.SKRect Box, string Kind, string Source, string Text);

    /// <summary>One entry per element with a source on the page (a paragraph split by a link is one), in drawing order.</summary>
    private static IEnumerable<Entry> Entries(PageFrame page)
    {
        var byElement = new Dictionary<object, int>(ReferenceEqualityComparer.Instance);
        var entries = new List<(SkiaSharp.SKRect Box, string Kind, string Source, StringBuilder Text)>();
        foreach (var block in page.Blocks)
        {
            if (block.Element?.Source is not { Length: > 0 } source || block.Artifact is not null) continue;
            var box = FrameBounds.Of(block);
            if (box.Width <= 0 && box.Height <= 0) continue;
            var text = string.Concat(block.Items.OfType<GlyphRunItem>().Select(r => r.Text));
            if (byElement.TryGetValue(block.Element, out var index))
            {
                var e = entries[index];
                entries[index] = (SkiaSharp.SKRect.Union(e.Box, box), e.Kind, e.Source, e.Text.Append(text));
                continue;
            }
            byElement[block.Element] = entries.Count;
            entries.Add((box, KindOf(block.Node), source, new StringBuilder(text)));
        }
        return entries.Select(e => new Entry(e.Box, e.Kind, e.Source, Clip(e.Text.ToString().Trim())));
    }

    /// <summary>What a reader would call the thing: the role of the block's node, a paragraph in a table cell being the cell.</summary>
    private static string KindOf(StructNode? node)
    {
        for (var n = node; n is not null; n = n.Parent)
            switch (n.Role)
            {
                case StructRole.TD or StructRole.TH: return "table cell";
                case StructRole.Figure: return "figure";
                case StructRole.Caption: return "caption";
                case StructRole.LI or StructRole.LBody or StructRole.Lbl: return "list item";
                case >= StructRole.H1 and <= StructRole.H6: return "heading";
                case StructRole.Link or StructRole.Span or StructRole.P: continue;
                default: return "paragraph";
            }
        return "paragraph";
    }

    private static void WriteValue(Utf8JsonWriter w, string kind, string value)
    {
        w.WriteString("kind", kind);
        w.WriteString("value", value);
    }

    private static string Clip(string text) => text.Length <= 160 ? text : text[..159] + "…";

    private static void WriteRounded(Utf8JsonWriter w, string name, float value) =>
        w.WriteNumber(name, Math.Round((double)value, 1, MidpointRounding.AwayFromZero));

    /// <summary>What the preview shows for a number: its id, label, value, unit, period, formula and data rows.</summary>
    private static void WriteMetric(Utf8JsonWriter w, Metric m)
    {
        w.WriteStartObject(m.Id);
        w.WriteString("label", m.Label);
        w.WriteString("unit", m.Unit);
        // value: the number or text; for a series its points ("2023: 3, 2024: 1"), for a table its row count.
        if (m.Number is { } number) WriteValue(w, "number", number.ToString("G10", CultureInfo.InvariantCulture));
        else if (m.Text is { } text) WriteValue(w, "text", text);
        else if (m.Series is { } series) WriteValue(w, "series", string.Join(", ", series.Select(p => $"{p.Label}: {p.Value.ToString("G10", CultureInfo.InvariantCulture)}")));
        else if (m.Rows is { } rows) WriteValue(w, "rows", rows.Count.ToString(CultureInfo.InvariantCulture));
        if (m.Period is not null) w.WriteString("period", m.Period);
        w.WriteString("formula", m.Formula);
        w.WriteStartArray("sources");
        // "file:line": the row is the unit of provenance, as in metrics.json.
        foreach (var s in m.Sources.Select(s => s with { Column = 0 }).Distinct()) w.WriteStringValue(s.ToString());
        w.WriteEndArray();
        w.WriteEndObject();
    }
}
