using Scriban.Runtime;

namespace AiIndexReports.Text;

/// <summary>
/// A function templates can call, with the documentation printed in templates/VARIABLES.md.
/// <paramref name="Implementation"/> may be a method group with optional parameters (Scriban honours the defaults) and may
/// take Scriban's <c>TemplateContext</c> and <c>SourceSpan</c> as its first parameters. Throw <see cref="ArgumentException"/>
/// for bad arguments: the renderer reports it at the call's file, line and column.
/// </summary>
/// <param name="Name">snake_case name used in templates, e.g. "man_eok".</param>
/// <param name="Signature">how an editor calls it, e.g. "value | pct [decimals=1]".</param>
/// <param name="Description">one line, what it produces.</param>
/// <param name="Example">template code whose output VARIABLES.md shows, e.g. "{{ 29.64 | pct }}".</param>
public sealed record TemplateFunction(string Name, Delegate Implementation, string Signature, string Description, string Example)
{
    internal IScriptCustomFunction ToScriban() => DynamicCustomFunction.Create(Implementation.Target!, Implementation.Method);
}

/// <summary>The functions a renderer offers, in the order they are documented. Names are unique.</summary>
public sealed class TemplateFunctions
{
    private readonly List<TemplateFunction> _functions = [];
    private readonly Dictionary<string, IScriptCustomFunction> _compiled = new(StringComparer.Ordinal);

    public IReadOnlyList<TemplateFunction> All => _functions;

    /// <summary>The Scriban function objects, made once when added (reflection over the method is not free).</summary>
    internal IReadOnlyDictionary<string, IScriptCustomFunction> Compiled => _compiled;

    /// <summary>Adds a function; a name already taken (by a function or by Scriban's built-ins) is an error.</summary>
    public TemplateFunctions Add(TemplateFunction function)
    {
        if (!IsSnakeCase(function.Name))
            throw new ArgumentException($"template function name \"{function.Name}\" must be snake_case (a-z, 0-9, _)");
        if (_functions.Any(f => f.Name == function.Name) || ReservedNames.Contains(function.Name))
            throw new ArgumentException($"template function name \"{function.Name}\" is already taken");
        _compiled.Add(function.Name, function.ToScriban());
        _functions.Add(function);
        return this;
    }

    /// <summary>Names a function may not use: Scriban's built-in objects and the model's root variables.</summary>
    public static readonly IReadOnlySet<string> ReservedNames = new HashSet<string>(StringComparer.Ordinal)
    {
        "array", "empty", "blank", "include", "include_join", "date", "html", "math", "object", "regex", "string", "timespan",
        MetricTree.RootName,
    };

    private static bool IsSnakeCase(string name) =>
        name.Length > 0 && char.IsAsciiLetterLower(name[0]) && name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_');
}
