using System.Text.RegularExpressions;
using AiIndexReports.Toml;

namespace AiIndexReports.Build;

/// <summary>Series number and publication date of one brief for one edition.</summary>
public sealed record BriefIssue(int Edition, string Number, DateOnly Date);

/// <summary>One [[brief]] of templates/briefs.toml.</summary>
public sealed record BriefSpec(
    string Id,
    string Template,                 // folder under templates/
    string Variant,                  // "full" | "summary"
    IReadOnlyList<int>? Editions,    // null = every edition in data/
    string OutputPattern,
    string Series,
    string Title,
    string Subtitle,
    string Publisher,
    IReadOnlyList<string> Authors,
    IReadOnlyList<BriefIssue> Issues,
    SourceLocation Where)
{
    /// <summary>Output path relative to output/, with {edition} and {id} filled in.</summary>
    public string OutputPath(int edition) => OutputPattern.Replace("{edition}", edition.ToString()).Replace("{id}", Id);

    /// <summary>Issue-number pattern for editions without an entry in <see cref="Issues"/>: "{number}" is the edition's
    /// [brief] number (data/&lt;edition&gt;/edition.toml), "{edition}" its year; e.g. "{number}-S" for a summary.</summary>
    public string NumberPattern { get; init; } = "{number}";

    /// <summary>
    /// This brief's number and date for an edition: its own entry in briefs.toml when there is one, else the edition's
    /// [brief] number (through <see cref="NumberPattern"/>) and date, so a new edition needs no entry here. Null without a date.
    /// </summary>
    public BriefIssue? IssueFor(int edition, string? editionNumber = null, DateOnly? editionDate = null)
    {
        if (Issues.FirstOrDefault(i => i.Edition == edition) is { } own) return own;
        if (editionDate is not { } date) return null;
        var number = editionNumber is null ? "" : NumberPattern.Replace("{number}", editionNumber).Replace("{edition}", edition.ToString());
        return new BriefIssue(edition, number, date);
    }

    public string Fill(string text, int edition) =>
        text.Replace("{edition}", edition.ToString()).Replace("{year}", (edition - 1).ToString());
}

/// <summary>templates/briefs.toml: which briefs exist and how each is dressed.</summary>
public sealed partial record BriefManifest(IReadOnlyList<BriefSpec> Briefs, string File)
{
    public const string DefaultPath = "templates/briefs.toml";
    private static readonly string[] Variants = ["full", "summary"];

    public static BriefManifest Load(string repoRoot, string relativePath = DefaultPath)
    {
        var path = Path.Combine(repoRoot, relativePath);
        if (!System.IO.File.Exists(path))
            throw new BuildFailedException(new Diagnostic(new SourceLocation(relativePath), "brief manifest not found (expected a TOML file listing the briefs)"));

        var errors = new List<Diagnostic>();
        var root = TomlSection.Parse(System.IO.File.ReadAllText(path), relativePath, errors);
        if (root is null) throw new BuildFailedException(errors);

        var defaults = root.Table("defaults");
        var defaultPublisher = defaults?.String("publisher") ?? "";
        var defaultAuthors = defaults?.List<string>("authors", "texts") ?? [];
        var defaultSeries = defaults?.String("series") ?? "";
        defaults?.RejectUnknownKeys();

        var briefs = new List<BriefSpec>();
        foreach (var b in root.Tables("brief", required: true))
        {
            var id = b.String("id", required: true) ?? "";
            if (id.Length > 0 && !IdPattern().IsMatch(id))
                errors.Add(new Diagnostic(b.WhereIs("id"), $"brief id '{id}' must be lowercase letters, digits and '-'"));
            if (briefs.Any(x => x.Id == id))
                errors.Add(new Diagnostic(b.WhereIs("id"), $"duplicate brief id '{id}' (first defined at {briefs.First(x => x.Id == id).Where})"));

            var template = b.String("template", required: true) ?? "";
            if (template.Length > 0 && (!IdPattern().IsMatch(template) || !Directory.Exists(Path.Combine(repoRoot, "templates", template))))
                errors.Add(new Diagnostic(b.WhereIs("template"), $"unknown template folder '{template}' (expected a folder under templates/)"));

            var variant = b.String("variant") ?? "full";
            if (!Variants.Contains(variant))
                errors.Add(new Diagnostic(b.WhereIs("variant"), $"variant must be \"full\" or \"summary\", found \"{variant}\""));

            var output = b.String("output") ?? "{edition}/{id}.pdf";
            if (!IsSafeOutputPattern(output))
                errors.Add(new Diagnostic(b.WhereIs("output"), $"output pattern '{output}' must stay inside output/ (no '..', no absolute path) and end in .pdf"));

            var editions = b.Has("editions") ? b.List<long>("editions", "edition years").Select(e => (int)e).ToList() : null;

            var issues = new List<BriefIssue>();
            if (b.Has("issues"))
                foreach (var i in b.Tables("issues"))
                {
                    var edition = (int)(i.Integer("edition", required: true) ?? 0);
                    var number = i.String("number", required: true) ?? "";
                    var date = i.Date("date", required: true);
                    i.RejectUnknownKeys();
                    if (date is { } d) issues.Add(new BriefIssue(edition, number, d));
                }

            var numberPattern = b.String("number") ?? "{number}";
            if (!numberPattern.Contains("{number}", StringComparison.Ordinal))
                errors.Add(new Diagnostic(b.WhereIs("number"), $"number pattern '{numberPattern}' must contain {{number}} (the edition's [brief] number in data/<edition>/edition.toml)"));
            briefs.Add(new BriefSpec(
                id, template, variant, editions, output,
                b.String("series") ?? defaultSeries,
                b.String("title", required: true) ?? "",
                b.String("subtitle") ?? "",
                b.String("publisher") ?? defaultPublisher,
                b.Has("authors") ? b.List<string>("authors", "texts") : defaultAuthors,
                issues,
                b.Where) { NumberPattern = numberPattern });
            b.RejectUnknownKeys();
        }
        root.RejectUnknownKeys();

        if (errors.Count > 0) throw new BuildFailedException(errors);
        return new BriefManifest(briefs, relativePath);
    }

    private static bool IsSafeOutputPattern(string pattern)
    {
        if (Path.IsPathRooted(pattern) || pattern.StartsWith('/') || pattern.Contains('\\')) return false;
        if (pattern.Split('/').Any(part => part is ".." or "." or "")) return false;
        return pattern.EndsWith(".pdf", StringComparison.Ordinal);
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$")]
    private static partial Regex IdPattern();
}
