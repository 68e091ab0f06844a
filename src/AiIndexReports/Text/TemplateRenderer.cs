using System.Globalization;
using AiIndexReports.Config;
using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace AiIndexReports.Text;

/// <summary>
/// Renders editors' Scriban templates into Markdown text, strictly: an unknown variable, member or function is an error;
/// loops stop after <see cref="LoopLimit"/> iterations and calls after <see cref="RecursionLimit"/> levels; templates see
/// only <c>metrics</c>, the model's variables, the registered functions and Scriban's built-in text/array/math helpers —
/// no .NET members and no files outside the templates folder. Every problem is a <see cref="BuildFailedException"/> whose
/// diagnostics read <c>templates/…/file.md.sbn(line,col): error: message</c> followed by the line and a caret.
/// </summary>
public sealed class TemplateRenderer
{
    public const int LoopLimit = 10_000;
    public const int RecursionLimit = 50;

    private readonly string? _root;
    private readonly string _displayRoot;

    /// <param name="templatesRoot">the templates folder on disk (the repository's templates/, or a test's temp folder).</param>
    /// <param name="displayRoot">how messages name that folder; "templates" as in the repository.</param>
    public TemplateRenderer(string templatesRoot, string displayRoot = "templates")
        : this(Directory.Exists(templatesRoot) ? templatesRoot : throw new DirectoryNotFoundException($"templates folder not found: {templatesRoot}"), displayRoot, withFolder: true)
    {
    }

    private TemplateRenderer(string? templatesRoot, string displayRoot, bool withFolder)
    {
        _root = withFolder ? templatesRoot : null;
        _displayRoot = displayRoot;
        foreach (var function in KoreanTemplateFunctions.All) Functions.Add(function);
    }

    /// <summary>A renderer for snippets that never include files (documentation examples, generated text).</summary>
    public static TemplateRenderer WithoutFolder() => new(null, "templates", withFolder: false);

    /// <summary>The functions templates can call: the Korean helpers, plus whatever a caller adds (e.g. <c>figure</c>).</summary>
    public TemplateFunctions Functions { get; } = new();

    /// <summary>
    /// The time and output every render of this renderer shares (one brief's sections); without one, each render gets
    /// <see cref="RenderLimits.Default"/> for itself.
    /// </summary>
    public RenderBudget? Budget { get; init; }

    /// <summary>Longest a single regular expression (Scriban's regex.*) may run on one input.</summary>
    public static readonly TimeSpan RegexTimeout = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Applied to every template file (the rendered one and its includes) before it is parsed, with its display path:
    /// the Write stage's choice of blocks. It must keep the line count, so messages keep their line numbers.
    /// </summary>
    public Func<string, string, string>? Transform { get; set; }

    /// <summary>Renders a template file given relative to the templates folder, e.g. "full/02-models.md.sbn".</summary>
    /// <param name="sources">gets the text of the template and of every file it included, by display path</param>
    /// <param name="origins">gets, for every piece of the output, the template line that wrote it and the metrics it printed</param>
    public string Render(string templatePath, TemplateModel model, IDictionary<string, string>? sources = null, OutputOrigins? origins = null)
    {
        var loader = new TemplatesFolderLoader(_root, _displayRoot, Transform);
        var (display, text) = loader.Read(templatePath, message =>
            new BuildFailedException(new Diagnostic(new SourceLocation($"{_displayRoot}/{templatePath.Replace('\\', '/')}"), message)));
        var output = RenderSource(text, display, model, loader, origins);
        if (sources is not null)
            foreach (var (path, source) in loader.Sources) sources[path] = source;
        return output;
    }

    /// <summary>The text of a template file (strict UTF-8), for passes that read it before rendering.</summary>
    public string ReadText(string templatePath)
    {
        var loader = new TemplatesFolderLoader(_root, _displayRoot);
        return loader.Read(templatePath, message =>
            new BuildFailedException(new Diagnostic(new SourceLocation($"{_displayRoot}/{templatePath.Replace('\\', '/')}"), message))).Text;
    }

    /// <summary>
    /// Renders several files (a brief's sections) and reports the problems of all of them together: one
    /// <see cref="BuildFailedException"/> with every file's diagnostics, so an editor fixes them in one pass.
    /// </summary>
    public IReadOnlyList<string> RenderAll(IEnumerable<string> templatePaths, TemplateModel model)
    {
        var results = new List<string>();
        var problems = new List<Diagnostic>();
        foreach (var path in templatePaths)
        {
            try { results.Add(Render(path, model)); }
            catch (BuildFailedException e) { problems.AddRange(e.Diagnostics); }
        }
        return problems.Count > 0 ? throw new BuildFailedException(problems) : results;
    }

    /// <summary>Renders template text that is not a file (generated snippets, documentation examples); includes still resolve in the templates folder.</summary>
    public string RenderText(string text, string displayPath, TemplateModel model)
    {
        var loader = new TemplatesFolderLoader(_root, _displayRoot);
        loader.Remember(displayPath, text);
        return RenderSource(text, displayPath, model, loader);
    }

    private string RenderSource(string text, string displayPath, TemplateModel model, TemplatesFolderLoader loader, OutputOrigins? origins = null)
    {
        var template = Template.Parse(text, displayPath);
        if (template.HasErrors)
            throw new BuildFailedException(TemplateErrors.FromParser(template.Messages, loader.Sources).ToList());

        using var ownBudget = Budget is null ? new RenderBudget(RenderLimits.Default) : null;
        var budget = Budget ?? ownBudget!;
        var tracking = origins is null ? null : new TrackingContext(origins, Builtins);
        var context = Configure(tracking ?? new TemplateContext(Builtins), loader);
        using var reads = tracking?.Activate();
        using var rendering = model.Rendering();
        context.CancellationToken = budget.Deadline;
        context.OutputLimit = budget.OutputLeft;
        context.OnOutputLimit = ScriptLimitBehavior.Throw;
        context.PushGlobal(Globals(model));
        try
        {
            var output = template.Render(context);
            budget.Spend(output.Length);
            return output;
        }
        catch (ScriptAbortException e) when (budget.Deadline.IsCancellationRequested)
        {
            throw new BuildFailedException(TemplateErrors.From(e.Span, budget.TimeMessage, loader.Sources));
        }
        catch (ScriptRuntimeException e) when (e.OriginalMessage.StartsWith("Rendered output exceeds OutputLimit", StringComparison.Ordinal))
        {
            throw new BuildFailedException(TemplateErrors.From(e.Span, budget.OutputMessage, loader.Sources));
        }
        catch (ScriptRuntimeException e) when (RemovedBuiltin(e, loader.Sources) is { } name)
        {
            throw new BuildFailedException(TemplateErrors.From(e.Span,
                $"{name} is not available to templates: they get only built-ins whose result depends on their arguments "
                + "(the clock and random numbers would make two builds of the same inputs differ)", loader.Sources));
        }
        catch (ScriptRuntimeException e)
        {
            throw new BuildFailedException(TemplateErrors.FromRuntime(e, loader.Sources).ToList());
        }
    }

    /// <summary>Every built-in that <see cref="KeepAllowedBuiltins"/> removes: "date", "math.random"…</summary>
    private static readonly HashSet<string> Removed = new(StringComparer.Ordinal);

    /// <summary>The removed built-in an error is about ("math.random" when the template wrote it), or null.</summary>
    private static string? RemovedBuiltin(ScriptRuntimeException e, IReadOnlyDictionary<string, string> sources)
    {
        if (e.Span.FileName is null || !sources.TryGetValue(e.Span.FileName, out var text)) return null;
        var lines = text.Split('\n');
        if (e.Span.Start.Line < 0 || e.Span.Start.Line >= lines.Length) return null;
        var line = lines[e.Span.Start.Line];
        var at = Math.Clamp(e.Span.Start.Column, 0, line.Length);
        // The dotted name that starts at (or ends just before) the error's column.
        var start = at;
        while (start > 0 && (char.IsAsciiLetterOrDigit(line[start - 1]) || line[start - 1] is '_' or '.')) start--;
        var end = at;
        while (end < line.Length && (char.IsAsciiLetterOrDigit(line[end]) || line[end] is '_' or '.')) end++;
        var name = line[start..end];
        lock (Removed) return Removed.Contains(name) || Removed.Contains(name.Split('.')[0]) ? name : null;
    }

    /// <summary>
    /// Scriban's built-in functions templates may call: only functions of their arguments. Anything else — the clock
    /// (<c>date.now</c>), randomness (<c>math.random</c>, <c>math.uuid</c>), and whatever a newer Scriban adds — is removed,
    /// so the same inputs always give the same brief. A module not listed is removed whole.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlySet<string>> AllowedBuiltins = new Dictionary<string, IReadOnlySet<string>>
    {
        ["array"] = Set("add add_range any compact concat contains cycle each filter first insert_at join last limit map offset remove_at reverse size sort uniq"),
        ["blank"] = Set(""),
        ["empty"] = Set(""),
        ["html"] = Set("escape newline_to_br strip url_encode url_escape"),
        ["include"] = Set(""),
        ["include_join"] = Set(""),
        ["math"] = Set("abs ceil divided_by floor format is_number minus modulo plus round times"),
        ["object"] = Set("default eval eval_template format from_json has_key has_value keys kind size to_json typeof values"),
        ["regex"] = Set("escape match matches replace split unescape"),
        ["string"] = Set("append base64_decode base64_encode capitalize capitalizewords contains downcase empty ends_with equals_ignore_case "
            + "escape handleize hmac_sha1 hmac_sha256 hmac_sha512 index_of literal lstrip md5 pad_left pad_right pluralize prepend remove "
            + "remove_first remove_last replace replace_first rstrip sha1 sha256 sha512 size slice slice1 split starts_with strip "
            + "strip_newlines to_double to_float to_int to_long truncate truncatewords upcase whitespace"),
        ["timespan"] = Set("from_days from_hours from_milliseconds from_minutes from_seconds parse zero"),
    };

    private static HashSet<string> Set(string names) => new(names.Split(' ', StringSplitOptions.RemoveEmptyEntries), StringComparer.Ordinal);

    /// <summary>
    /// The built-ins every render shares: Scriban's, less those <see cref="AllowedBuiltins"/> does not list, read-only so
    /// that no template can change them for the next one. Built once: a context of its own would deep-copy all of
    /// Scriban's modules and prune them again for every section (about a tenth of the Write stage).
    /// </summary>
    private static ScriptObject Builtins => SharedBuiltins.Value;

    /// <summary>Makes the shared built-ins now (Scriban's start, ~2 ms), e.g. on an idle core before the first render.</summary>
    public static void PrepareBuiltins() => _ = SharedBuiltins.Value;

    private static readonly Lazy<ScriptObject> SharedBuiltins = new(() =>
    {
        var builtins = new Scriban.Functions.BuiltinFunctions();
        KeepAllowedBuiltins(builtins);
        foreach (var module in builtins.Values.OfType<ScriptObject>()) module.IsReadOnly = true;
        builtins.IsReadOnly = true;
        return builtins;
    });

    /// <summary>Removes every built-in not in <see cref="AllowedBuiltins"/>.</summary>
    private static void KeepAllowedBuiltins(ScriptObject builtins)
    {
        foreach (var module in builtins.Keys.ToList())
        {
            if (!AllowedBuiltins.TryGetValue(module, out var functions))
            {
                builtins.Remove(module);
                lock (Removed) Removed.Add(module);
                continue;
            }
            if (builtins[module] is ScriptObject members)
                foreach (var name in members.Keys.Where(n => !functions.Contains(n)).ToList())
                {
                    members.Remove(name);
                    lock (Removed) Removed.Add(module + "." + name);
                }
        }
    }

    private static TemplateContext Configure(TemplateContext context, TemplatesFolderLoader loader)
    {
        context.StrictVariables = true;
        context.EnableRelaxedMemberAccess = false;
        context.EnableRelaxedTargetAccess = false;
        context.EnableRelaxedFunctionAccess = false;
        context.EnableRelaxedIndexerAccess = false;
        context.EnableNullIndexer = false;
        context.LoopLimit = LoopLimit;
        context.LoopLimitQueryable = LoopLimit;
        context.RecursiveLimit = RecursionLimit;
        context.MemberFilter = _ => false;   // no member of any .NET object is visible, only ScriptObject entries
        context.TemplateLoader = loader;
        context.NewLine = "\n";
        context.PushCulture(CultureInfo.InvariantCulture);
        context.RegexTimeOut = RegexTimeout;
        // `date.now` or `math.random` would make two builds of the same data differ: the context was made with the
        // pruned built-ins (Builtins); dates come from metrics and the helpers.
        return context;
    }

    private ScriptObject Globals(TemplateModel model)
    {
        var globals = new ScriptObject();
        foreach (var (name, function) in Functions.Compiled) globals[name] = function;
        if (model.MetricsObject is { } metrics) globals[MetricTree.RootName] = metrics;
        foreach (var (name, value) in model.Variables)
        {
            if (globals.ContainsKey(name)) throw new ArgumentException($"model variable \"{name}\" has the same name as a template function");
            globals[name] = value;
        }
        foreach (var name in globals.Keys.ToList()) globals.SetReadOnly(name, true);
        return globals;
    }
}
