using System.Globalization;
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
    /// Applied to every template file (the rendered one and its includes) before it is parsed, with its display path:
    /// the Write stage's choice of blocks. It must keep the line count, so messages keep their line numbers.
    /// </summary>
    public Func<string, string, string>? Transform { get; set; }

    /// <summary>Renders a template file given relative to the templates folder, e.g. "full/02-models.md.sbn".</summary>
    public string Render(string templatePath, TemplateModel model)
    {
        var loader = new TemplatesFolderLoader(_root, _displayRoot, Transform);
        var (display, text) = loader.Read(templatePath, message =>
            new BuildFailedException(new Diagnostic(new SourceLocation($"{_displayRoot}/{templatePath.Replace('\\', '/')}"), message)));
        return RenderSource(text, display, model, loader);
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

    private string RenderSource(string text, string displayPath, TemplateModel model, TemplatesFolderLoader loader)
    {
        var template = Template.Parse(text, displayPath);
        if (template.HasErrors)
            throw new BuildFailedException(TemplateErrors.FromParser(template.Messages, loader.Sources).ToList());

        var context = CreateContext(loader);
        context.PushGlobal(Globals(model));
        try
        {
            return template.Render(context);
        }
        catch (ScriptRuntimeException e)
        {
            throw new BuildFailedException(TemplateErrors.FromRuntime(e, loader.Sources).ToList());
        }
    }

    private static TemplateContext CreateContext(TemplatesFolderLoader loader)
    {
        var context = new TemplateContext
        {
            StrictVariables = true,
            EnableRelaxedMemberAccess = false,
            EnableRelaxedTargetAccess = false,
            EnableRelaxedFunctionAccess = false,
            EnableRelaxedIndexerAccess = false,
            EnableNullIndexer = false,
            LoopLimit = LoopLimit,
            LoopLimitQueryable = LoopLimit,
            RecursiveLimit = RecursionLimit,
            MemberFilter = _ => false,   // no member of any .NET object is visible, only ScriptObject entries
            TemplateLoader = loader,
            NewLine = "\n",
        };
        context.PushCulture(CultureInfo.InvariantCulture);
        // `date.now` would make two builds of the same data differ; dates come from metrics and the helpers.
        context.BuiltinObject.Remove("date");
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
