using AiIndexReports.Config;
using AiIndexReports.Metrics;
using AiIndexReports.Typesetting;

namespace AiIndexReports.Briefs;

/// <summary>
/// Where a brief's text came from, kept by the Write stage: each section's template with the files it included (their
/// text), the metrics the templates printed, the manifest entry and the theme's labels. A character no font has is
/// located where an editor fixes it — the template line that writes it, else the data row of the metric value that holds
/// it, else the manifest or theme line — without reading any file again.
/// </summary>
public sealed class TextOrigins(
    IReadOnlyList<(string Section, IReadOnlyDictionary<string, string> Templates)> sections,
    MetricSet? metrics, IReadOnlyCollection<string> usedMetricIds, BriefSpec? brief)
{
    public static readonly TextOrigins None = new([], null, [], null);

    private const string Advice = "(fonts: templates/theme.toml [fonts]); remove or replace the character";

    /// <summary>The error for a character no font of the theme has, at the place it is written.</summary>
    public Diagnostic Locate(MissingGlyph missing)
    {
        var character = char.ConvertFromUtf32(missing.CodePoint);
        var message = $"no font of the theme has {missing} {Advice}";
        var section = SectionOf(missing.Source);
        return new Diagnostic(InTemplates(character, section) ?? InMetrics(character) ?? InManifest(character)
            ?? (section is null ? null : new SourceLocation(section)), message);
    }

    /// <summary>The error for a chart text the chart's fonts cannot draw (charts have no fallback font).</summary>
    public static Diagnostic ChartText(string figureId, string text, int codePoint, SourceLocation? at)
    {
        var shown = text.Length <= 60 ? text : text[..57] + "...";
        return new Diagnostic(at, $"no font the charts draw with has U+{codePoint:X4} '{char.ConvertFromUtf32(codePoint)}' in \"{shown}\" "
            + $"(figure '{figureId}'; charts use the regular and semibold fonts of templates/theme.toml [fonts], without fallback); remove or replace the character");
    }

    /// <summary>"templates/brief/02-AI모델.md.sbn:7" or "…:7:3" → the section file.</summary>
    private static string? SectionOf(string? source)
    {
        if (source is null) return null;
        for (var i = 0; i < 2; i++)
        {
            var colon = source.LastIndexOf(':');
            if (colon > 0 && colon < source.Length - 1 && source[(colon + 1)..].All(char.IsAsciiDigit)) source = source[..colon];
        }
        return source;
    }

    private SourceLocation? InTemplates(string character, string? section)
    {
        // The block's own section (and what it included) first, then every other section.
        foreach (var (_, templates) in sections.OrderBy(s => s.Section == section ? 0 : 1))
            foreach (var (file, text) in templates.OrderBy(t => t.Key == section ? 0 : 1).ThenBy(t => t.Key, StringComparer.Ordinal))
            {
                var index = text.IndexOf(character, StringComparison.Ordinal);
                if (index < 0) continue;
                var line = 1 + text.AsSpan(0, index).Count('\n');
                var column = index - (text.LastIndexOf('\n', Math.Max(0, index - 1)) + 1) + 1;
                if (index > 0 && text[index - 1] == '\n') column = 1;
                return new SourceLocation(file, line, column);
            }
        return null;
    }

    private SourceLocation? InMetrics(string character)
    {
        if (metrics is null) return null;
        foreach (var id in usedMetricIds.Order(StringComparer.Ordinal))
        {
            if (!metrics.TryGet(id, out var metric)) continue;
            var fallback = metric.Sources.FirstOrDefault();
            if (metric.Text?.Contains(character, StringComparison.Ordinal) == true) return fallback;
            foreach (var point in metric.Series ?? [])
                if (point.Label.Contains(character, StringComparison.Ordinal) || point.Note?.Contains(character, StringComparison.Ordinal) == true)
                    return point.At ?? fallback;
            var rows = metric.Rows ?? [];
            for (var i = 0; i < rows.Count; i++)
                if (rows[i].Values.Any(v => v is string s && s.Contains(character, StringComparison.Ordinal)))
                    return metric.RowSources is { } rowSources && i < rowSources.Count ? rowSources[i] : fallback;
        }
        return null;
    }

    private SourceLocation? InManifest(string character) =>
        brief is not null && new[] { brief.Title, brief.Subtitle, brief.Series, brief.Publisher }.Concat(brief.Authors)
            .Any(t => t.Contains(character, StringComparison.Ordinal))
            ? brief.Where
            : null;
}
