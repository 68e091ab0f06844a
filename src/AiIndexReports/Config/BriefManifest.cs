using System.Globalization;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace AiIndexReports.Config;

/// <summary>Series number and publication date of one brief for one edition.</summary>
public sealed record BriefIssue(int Edition, string Number, DateOnly Date);

/// <summary>
/// How long and how much one brief's templates may render, all sections together (briefs.toml render_time_limit in
/// seconds, render_output_limit in characters of Markdown): a runaway loop or regular expression stops with an error
/// at the statement it was running, instead of running for hours or filling the memory.
/// </summary>
public sealed record RenderLimits(TimeSpan Time, int OutputChars)
{
    /// <summary>A real brief renders in about 50 ms and 60,000 characters: room for 200 times that and more.</summary>
    public static readonly RenderLimits Default = new(TimeSpan.FromSeconds(10), 2_000_000);
}

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
    SourceLocation Where,
    RenderLimits? Limits = null,
    SourceLocation? OutputWhere = null)
{
    /// <summary>How to reach the authors, printed on the cover (e.g. "문의: 데이터분석팀 02-0000-0000, brief@example.kr"); empty when none.</summary>
    public string Contact { get; init; } = "";

    /// <summary>The disclaimer printed on the cover (e.g. "이 브리프의 내용은 연구진의 견해로 …"); empty when none.</summary>
    public string Disclaimer { get; init; } = "";

    /// <summary>The placeholders an output pattern may use.</summary>
    public static readonly IReadOnlyList<string> OutputPlaceholders = ["edition", "id"];

    /// <summary>The placeholders a cover text (title, subtitle) may use; {year} is the measured year, edition - 1.</summary>
    public static readonly IReadOnlyList<string> TextPlaceholders = ["edition", "year"];

    /// <summary>The render limits of this brief (its own, [defaults], or <see cref="RenderLimits.Default"/>).</summary>
    public RenderLimits RenderLimits => Limits ?? RenderLimits.Default;

    /// <summary>Output path relative to output/, with {edition} and {id} filled in.</summary>
    public string OutputPath(int edition) => Placeholders.Fill(OutputPattern, new Dictionary<string, string>
    {
        ["edition"] = edition.ToString(CultureInfo.InvariantCulture),
        ["id"] = Id,
    });

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
        var number = editionNumber is null ? "" : Placeholders.Fill(NumberPattern, new Dictionary<string, string>
        {
            ["number"] = editionNumber,
            ["edition"] = edition.ToString(CultureInfo.InvariantCulture),
        });
        return new BriefIssue(edition, number, date);
    }

    public string Fill(string text, int edition) => Placeholders.Fill(text, new Dictionary<string, string>
    {
        ["edition"] = edition.ToString(CultureInfo.InvariantCulture),
        ["year"] = (edition - 1).ToString(CultureInfo.InvariantCulture),
    });
}

/// <summary>A manifest entry as JSON, for the input fingerprint (source-generated: Native AOT has no reflection JSON).</summary>
[JsonSerializable(typeof(BriefSpec))]
internal sealed partial class BriefSpecJson : JsonSerializerContext;

/// <summary>templates/briefs.toml: which briefs exist and how each is dressed.</summary>
public sealed partial record BriefManifest(IReadOnlyList<BriefSpec> Briefs, string File)
{
    public const string DefaultPath = "templates/briefs.toml";
    private static readonly string[] Variants = ["full", "summary"];

    /// <summary>Smallest and largest edition year accepted anywhere (manifest, edition files, --edition).</summary>
    public const int MinYear = 2000, MaxYear = 2100;

    private static readonly TomlTableSchema Issue = new(
        new TomlKey("edition", TomlType.Integer, Required: true, Help: "the AI Index edition, e.g. 2025", Min: MinYear, Max: MaxYear),
        new TomlKey("number", TomlType.Text, Required: true, Help: "the issue number printed on the cover, e.g. \"2025-04\""),
        new TomlKey("date", TomlType.Date, Required: true, Help: "the publication date"));

    private static readonly TomlKey TimeLimit = new("render_time_limit", TomlType.Number,
        Help: "seconds one brief's templates may take to render (default 10)", Min: 0.1, Max: 600);
    private static readonly TomlKey OutputLimit = new("render_output_limit", TomlType.Integer,
        Help: "characters of Markdown one brief's templates may render (default 2000000)", Min: 1_000, Max: 50_000_000);

    /// <summary>The schema of briefs.toml; templates/briefs.toml's header comment describes the same keys.</summary>
    public static readonly TomlTableSchema Schema = new(
        new TomlKey("defaults", TomlType.Table, Schema: new(
            new TomlKey("publisher", TomlType.Text),
            new TomlKey("authors", TomlType.TextArray),
            new TomlKey("contact", TomlType.Text, Help: "how to reach the authors, printed on the cover"),
            new TomlKey("disclaimer", TomlType.Text, Help: "the disclaimer printed on the cover"),
            new TomlKey("series", TomlType.Text),
            TimeLimit, OutputLimit)),
        new TomlKey("brief", TomlType.TableArray, Required: true, Help: "one [[brief]] per kind of PDF", Schema: new(
            new TomlKey("id", TomlType.Text, Required: true, Help: "lowercase letters, digits and '-'"),
            new TomlKey("template", TomlType.Text, Required: true, Help: "a folder under templates/"),
            new TomlKey("variant", TomlType.Text, Help: "\"full\" or \"summary\""),
            new TomlKey("editions", TomlType.IntegerArray, Help: "edition years", Min: MinYear, Max: MaxYear),
            new TomlKey("output", TomlType.Text, Help: "a path pattern under output/ with {edition} and {id}"),
            new TomlKey("series", TomlType.Text),
            new TomlKey("title", TomlType.Text, Required: true),
            new TomlKey("subtitle", TomlType.Text),
            new TomlKey("publisher", TomlType.Text),
            new TomlKey("authors", TomlType.TextArray),
            new TomlKey("contact", TomlType.Text, Help: "how to reach the authors, printed on the cover"),
            new TomlKey("disclaimer", TomlType.Text, Help: "the disclaimer printed on the cover"),
            new TomlKey("number", TomlType.Text, Help: "issue-number pattern for editions without an issues entry: {number} is the edition's [brief] number, e.g. \"{number}-S\""),
            new TomlKey("issues", TomlType.TableArray, Help: "{ edition = 2025, number = \"2025-04\", date = 2025-04-16 }", Schema: Issue),
            TimeLimit, OutputLimit)));

    public static BriefManifest Load(string repoRoot, string relativePath = DefaultPath)
    {
        if (!System.IO.File.Exists(Path.Combine(repoRoot, relativePath)))
            throw new BuildFailedException(new Diagnostic(new SourceLocation(relativePath), "brief manifest not found (expected a TOML file listing the briefs)"));

        var errors = new List<Diagnostic>();
        var root = TomlConfigReader.Read(repoRoot, relativePath, Schema, errors);
        if (root is null) throw new BuildFailedException(errors);

        var defaults = root.Table("defaults");
        var defaultPublisher = defaults?.Text("publisher") ?? "";
        var defaultAuthors = defaults?.Texts("authors") ?? [];
        var defaultSeries = defaults?.Text("series") ?? "";
        var defaultContact = defaults?.Text("contact") ?? "";
        var defaultDisclaimer = defaults?.Text("disclaimer") ?? "";
        RenderLimits LimitsOf(ConfigTable? table, RenderLimits fallback) => new(
            table?.Number(TimeLimit.Name) is { } seconds ? TimeSpan.FromSeconds(seconds) : fallback.Time,
            table?.Integer(OutputLimit.Name) is { } chars ? (int)chars : fallback.OutputChars);
        var defaultLimits = LimitsOf(defaults, RenderLimits.Default);

        var briefs = new List<BriefSpec>();
        foreach (var b in root.Tables("brief"))
        {
            var id = b.Text("id") ?? "";
            if (id.Length > 0 && !IdPattern().IsMatch(id))
                errors.Add(new Diagnostic(b.WhereIs("id"), $"brief id '{Echo.Clip(id)}' must be lowercase letters, digits and '-'"));
            if (briefs.FirstOrDefault(x => x.Id == id) is { } first)
                errors.Add(new Diagnostic(b.WhereIs("id"), $"duplicate brief id '{id}' (first defined at {first.Where})"));

            var template = b.Text("template") ?? "";
            if (template.Length > 0 && (!IdPattern().IsMatch(template) || !Directory.Exists(Path.Combine(repoRoot, "templates", template))))
                errors.Add(new Diagnostic(b.WhereIs("template"), $"unknown template folder '{Echo.Clip(template)}' (expected a folder under templates/)"));

            var variant = b.Text("variant") ?? "full";
            if (!Variants.Contains(variant))
                errors.Add(new Diagnostic(b.WhereIs("variant"), $"variant must be \"full\" or \"summary\", found \"{Echo.Clip(variant)}\""));

            var output = b.Text("output") ?? "{edition}/{id}.pdf";
            if (Placeholders.Problem(output, BriefSpec.OutputPlaceholders) is { } placeholderProblem)
                errors.Add(new Diagnostic(b.WhereIs("output"), $"output pattern '{Echo.Clip(Visible(output))}' {placeholderProblem}"));
            else if (!IsSafeOutputPattern(output))
                errors.Add(new Diagnostic(b.WhereIs("output"), $"output pattern '{Echo.Clip(output)}' must stay inside output/ (no '..', no absolute path, no folder starting with '.') and end in .pdf"));
            foreach (var key in new[] { "title", "subtitle", "series" })
                if (b.Text(key) is { } text && Placeholders.Problem(text, BriefSpec.TextPlaceholders) is { } problem)
                    errors.Add(new Diagnostic(b.WhereIs(key), $"'{key}' {problem}"));

            var editions = b.Has("editions") ? b.Integers("editions").Select(e => (int)e).ToList() : null;
            var issues = b.Tables("issues")
                .Where(i => i.Integer("edition") is not null && i.Text("number") is not null && i.Date("date") is not null)
                .Select(i => new BriefIssue((int)i.Integer("edition")!.Value, i.Text("number")!, i.Date("date")!.Value))
                .ToList();

            var numberPattern = b.Text("number") ?? "{number}";
            if (Placeholders.Problem(numberPattern, ["number", "edition"]) is { } numberProblem)
                errors.Add(new Diagnostic(b.WhereIs("number"), $"number pattern '{Echo.Clip(numberPattern)}' {numberProblem}"));
            else if (!numberPattern.Contains("{number}", StringComparison.Ordinal))
                errors.Add(new Diagnostic(b.WhereIs("number"), $"number pattern '{Echo.Clip(numberPattern)}' must contain {{number}} (the edition's [brief] number in data/<edition>/edition.toml)"));
            briefs.Add(new BriefSpec(
                id, template, variant, editions, output,
                b.Text("series") ?? defaultSeries,
                b.Text("title") ?? "",
                b.Text("subtitle") ?? "",
                b.Text("publisher") ?? defaultPublisher,
                b.Has("authors") ? b.Texts("authors") : defaultAuthors,
                issues,
                b.Where,
                LimitsOf(b, defaultLimits),
                b.WhereIs("output"))
            {
                NumberPattern = numberPattern,
                Contact = b.Text("contact") ?? defaultContact,
                Disclaimer = b.Text("disclaimer") ?? defaultDisclaimer,
            });
        }

        if (errors.Count > 0) throw new BuildFailedException(errors);
        return new BriefManifest(briefs, relativePath);
    }

    private static bool IsSafeOutputPattern(string pattern)
    {
        if (Path.IsPathRooted(pattern) || pattern.StartsWith('/') || pattern.Contains('\\')) return false;
        // "." and ".." leave the folder; a hidden folder such as .cache is the tool's own.
        if (pattern.Split('/').Any(part => part.Length == 0 || part.StartsWith('.'))) return false;
        return pattern.EndsWith(".pdf", StringComparison.Ordinal);
    }

    /// <summary>A value with its control characters written as \uXXXX, for quoting in a message.</summary>
    private static string Visible(string text) =>
        string.Concat(text.Select(c => char.IsControl(c) ? $"\\u{(int)c:X4}" : c.ToString()));

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$")]
    private static partial Regex IdPattern();
}
