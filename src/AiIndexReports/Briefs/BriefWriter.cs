using System.Globalization;
using AiIndexReports.Build;
using AiIndexReports.Charts;
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
        var renderer = new TemplateRenderer(_templatesRoot);
        renderer.Functions
            .Add(new TemplateFunction("figure", (string id) => Figure(figures, id), "figure \"id\"",
                "places a figure (caption, chart, source line) by id: " + string.Join(", ", figures.Figures.Select(f => f.Id)),
                "{{ figure \"models_by_country\" }}"))
            .Add(new TemplateFunction("page_break", () => "\n" + MarkdownReader.PageBreakMarker + "\n", "page_break",
                "starts a new page", "{{ page_break }}"))
            .Add(new TemplateFunction("year_of", (object date) => YearOf(date), "date | year_of",
                "the year of a date written yyyy-MM-dd", "{{ \"2025-02-24\" | year_of }}"));

        var model = new TemplateModel(metrics)
            .Set("brief", CoverFields(brief, edition))
            .Set("methodology", MethodologyLists(metrics));

        var reader = new MarkdownReader();
        var blocks = new List<BriefBlock>();
        foreach (var file in SectionFiles(brief.Template))
        {
            var markdown = renderer.Render(file, model);
            blocks.AddRange(reader.Read(markdown, "templates/" + file));
        }
        if (reader.Errors.Count > 0) throw new BuildFailedException(reader.Errors);
        return new BriefDocument(blocks);
    }

    private static string Figure(FigureSet figures, string id)
    {
        if (!figures.Figures.Any(f => f.Id == id))
            throw new ArgumentException($"unknown figure id \"{id}\" (known: {string.Join(", ", figures.Figures.Select(f => f.Id))})");
        return "\n" + MarkdownReader.FigureMarker(id) + "\n";
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

    /// <summary>The "지표 산출 방법" appendix as two lists templates loop over: what was computed, and what was left out.</summary>
    private static Dictionary<string, object?> MethodologyLists(MetricSet metrics)
    {
        var entries = Methodology.Entries(metrics);
        return new Dictionary<string, object?>
        {
            ["included"] = entries.Where(e => e.Available).Select(e => new Dictionary<string, object?>
            {
                ["id"] = e.Id,
                ["section"] = e.Section,
                ["label"] = e.Label,
                ["unit"] = e.Unit,
                ["formula"] = e.Formula,
                ["sources"] = string.Join("; ", e.Sources),
            }).ToList(),
            ["omitted"] = entries.Where(e => !e.Available).Select(e => new Dictionary<string, object?>
            {
                ["id"] = e.Id,
                ["label"] = e.Label,
                ["reason"] = e.ReasonKo ?? e.Reason ?? "",
            }).ToList(),
        };
    }
}
