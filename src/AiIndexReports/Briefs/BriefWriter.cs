using System.Globalization;
using AiIndexReports.Config;
using AiIndexReports.Charts;
using AiIndexReports.Data;
using AiIndexReports.Metrics;
using AiIndexReports.Text;

namespace AiIndexReports.Briefs;

/// <summary>
/// The Write stage: renders a brief's section templates (templates/&lt;folder&gt;/*.md.sbn, in file-name order) with the
/// edition's metrics and reads the Markdown into a <see cref="BriefDocument"/>. Besides the Korean helpers, templates
/// get <c>figure "id"</c>, <c>page_break</c>, <c>year_of</c>, the <c>brief</c> cover fields and the <c>methodology</c> lists.
/// </summary>
public sealed class BriefWriter(string repoRoot)
{
    private readonly string _templatesRoot = Path.Combine(repoRoot, "templates");

    /// <summary>
    /// Longest rendered section accepted, in characters. A real section is a few thousand characters; without a cap a
    /// template loop (up to the renderer's 10,000 iterations) could make a 9,000-row table or a megabyte paragraph that
    /// typesets into hundreds of pages.
    /// </summary>
    public const int MaxSectionChars = 100_000;

    /// <summary>
    /// Longest run of characters without a space, in a rendered section. The longest real one is a URL of about 150
    /// characters; a word wider than a line is broken between characters, which costs time that grows with the square
    /// of the word's length (a 45,000-character word takes minutes).
    /// </summary>
    public const int MaxWordChars = 1_000;

    private static void RefuseAbsurdSize(string markdown, string file)
    {
        if (markdown.Length > MaxSectionChars)
            throw new BuildFailedException(new Diagnostic(new SourceLocation(file),
                $"the section renders to {markdown.Length / 1000:N0}K characters of Markdown; a section may have at most {MaxSectionChars / 1000}K "
                + "(about 40 pages): a loop printing too many rows or repeating text?"));
        var start = 0;
        for (var i = 0; i <= markdown.Length; i++)
        {
            if (i < markdown.Length && !char.IsWhiteSpace(markdown[i])) continue;
            if (i - start > MaxWordChars)
                throw new BuildFailedException(new Diagnostic(new SourceLocation(file),
                    $"the section renders a word of {i - start:N0} characters without a space (at most {MaxWordChars:N0}), "
                    + $"starting \"{markdown.Substring(start, 20)}…\": a loop joining text without spaces?"));
            start = i + 1;
        }
    }

    /// <summary>Section files of a template folder, repo-relative and in reading order.</summary>
    public IReadOnlyList<string> SectionFiles(string templateFolder)
    {
        var folder = Path.Combine(_templatesRoot, templateFolder);
        if (!Directory.Exists(folder))
            throw new BuildFailedException(new Diagnostic(new SourceLocation($"templates/{templateFolder}"), "template folder not found"));
        var files = Directory.GetFiles(folder, "*.md.sbn")
            .Select(f => $"{templateFolder}/{Path.GetFileName(f)}")
            .Order(StringComparer.Ordinal)
            .ToList();
        if (files.Count == 0)
            throw new BuildFailedException(new Diagnostic(new SourceLocation($"templates/{templateFolder}"), "no section templates (*.md.sbn) in the folder"));
        return files;
    }

    public BriefDocument Write(BriefSpec brief, int edition, MetricSet metrics, FigureSet figures)
    {
        var model = new TemplateModel(metrics).Set("brief", CoverFields(brief, edition));
        using var budget = new RenderBudget(brief.RenderLimits);
        var renderer = new TemplateRenderer(_templatesRoot) { Budget = budget };
        foreach (var function in Functions(metrics, figures, model)) renderer.Functions.Add(function);

        var reader = new MarkdownReader();
        var blocks = new List<BriefBlock>();
        var sections = new List<(string, IReadOnlyDictionary<string, string>)>();
        foreach (var file in SectionFiles(brief.Template))
        {
            var sources = new Dictionary<string, string>(StringComparer.Ordinal);
            var markdown = renderer.Render(file, model, sources);
            sections.Add(("templates/" + file, sources));
            RefuseAbsurdSize(markdown, "templates/" + file);
            blocks.AddRange(reader.Read(markdown, "templates/" + file));
        }
        reader.CheckAnchors(blocks);
        if (reader.Errors.Count > 0) throw new BuildFailedException(reader.Errors);
        return new BriefDocument(blocks) { Origins = new TextOrigins(sections, metrics, model.UsedMetricIds.ToList(), brief) };
    }

    /// <summary>
    /// The functions a brief's templates get besides the Korean helpers. The methodology lists are computed when the
    /// template calls them, from what the sections before it printed (<see cref="TemplateModel.UsedMetricIds"/>) and the
    /// metrics behind the figures placed so far.
    /// </summary>
    public static IReadOnlyList<TemplateFunction> Functions(MetricSet metrics, FigureSet figures, TemplateModel model)
    {
        var figureMetrics = new HashSet<string>(StringComparer.Ordinal);
        IEnumerable<MethodologyEntry> Entries(bool available) => Methodology.Entries(metrics).Where(e => e.Available == available);
        // Computed numbers, series and tables the brief shows; texts such as dates and model names explain themselves.
        bool Printed(MethodologyEntry e) => e.Section != "edition" &&
            e.Members.Any(id => (model.UsedMetricIds.Contains(id) || figureMetrics.Contains(id)) && metrics[id].Text is null);

        return
        [
            new("figure", (string id) =>
            {
                var marker = Figure(figures, id);
                figureMetrics.UnionWith(figures[id].MetricIds);
                return marker;
            }, "figure \"id\"",
                "places a figure (caption \"[그림 n] …\", chart, source line) by id: " + string.Join(", ", figures.Figures.Select(f => f.Id)),
                "{{ figure \"models_by_country\" }}"),
            new("page_break", () => "\n" + MarkdownReader.PageBreakMarker + "\n", "page_break", "starts a new page", "{{ page_break }}"),
            new("year_of", (object date) => YearOf(date), "date | year_of", "the year of a date written yyyy-MM-dd", "{{ \"2025-02-24\" | year_of }}"),
            new("country", (object iso3) => Countries.KoreanName(ScriptValues.ToText(iso3, "country")), "iso3 | country",
                "Korean name of a country code (USA → 미국, EUR → 유럽)", "{{ \"KOR\" | country }}, {{ \"EUR\" | country }}"),
            new("num_auto", (object value) => NumAuto(value), "value | num_auto",
                "comma grouping with as many decimals as the value has (at most 2)", "{{ 1 | num_auto }}, {{ 17.3 | num_auto }}, {{ 1234.567 | num_auto }}"),
            new("methodology_printed", () => MethodologyRows(Entries(available: true).Where(Printed)), "methodology_printed",
                "rows {label, formula, sources} of the \"지표 산출 방법\" table: every computed metric the sections before it printed, figures included",
                "{{ for e in methodology_printed }}| {{ e.label }} | {{ e.formula }} | {{ e.sources }} |{{ end }}"),
            new("methodology_omitted", () => MethodologyRows(Entries(available: false)), "methodology_omitted",
                "rows {label, reason} of the metrics this edition's data cannot support",
                "{{ for e in methodology_omitted }}- {{ e.label }}: {{ e.reason }}{{ end }}"),
        ];
    }

    private static string Figure(FigureSet figures, string id)
    {
        if (!figures.Figures.Any(f => f.Id == id))
            throw new ArgumentException($"unknown figure id \"{id}\" (known: {string.Join(", ", figures.Figures.Select(f => f.Id))})");
        return "\n" + MarkdownReader.FigureMarker(id) + "\n";
    }

    private static string NumAuto(object value)
    {
        var number = ScriptValues.ToNumber(value, "num_auto");
        var decimals = Math.Round(number, 0) == Math.Round(number, 2) ? 0 : Math.Round(number, 1) == Math.Round(number, 2) ? 1 : 2;
        return KoreanNumbers.Group(number, decimals);
    }

    private static string YearOf(object date) =>
        KoreanDates.Parse(ScriptValues.ToText(date, "year_of")).Year.ToString(CultureInfo.InvariantCulture);

    public static Dictionary<string, object?> CoverFields(BriefSpec brief, int edition)
    {
        var issue = brief.IssueFor(edition);
        return new Dictionary<string, object?>
        {
            ["id"] = brief.Id,
            ["variant"] = brief.Variant,
            ["edition"] = edition,
            ["series"] = brief.Series,
            ["number"] = issue?.Number ?? "",
            ["date"] = issue?.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
            ["title"] = brief.Fill(brief.Title, edition),
            ["subtitle"] = brief.Fill(brief.Subtitle, edition),
            ["publisher"] = brief.Publisher,
            ["authors"] = brief.Authors.ToList(),
        };
    }

    /// <summary>Rows of the "지표 산출 방법" appendix as template values (file names with line counts, not every line).</summary>
    private static object? MethodologyRows(IEnumerable<MethodologyEntry> entries) =>
        ScriptValues.From(entries.Select(e => new Dictionary<string, object?>
        {
            ["id"] = e.Id,
            ["section"] = e.Section,
            ["label"] = e.Label,
            ["unit"] = e.Unit,
            ["formula"] = e.Formula,
            ["sources"] = string.Join(", ", e.Sources.Select(ShortSource)),
            ["reason"] = e.ReasonKo ?? e.Reason ?? "",
        }).ToList(), "methodology");

    /// <summary>"data/shared/aiindex/indicators.csv:10-13,26" → "indicators.csv 10-13, 26행"; long line lists become a count.</summary>
    private static string ShortSource(string source)
    {
        var colon = source.LastIndexOf(':');
        var file = Path.GetFileName(colon > 0 ? source[..colon] : source);
        if (colon <= 0) return file;
        var lines = source[(colon + 1)..].Split(',');
        return lines.Length <= 3 ? $"{file} {string.Join(", ", lines)}행" : $"{file} {lines.Length}개 구간";
    }
}
