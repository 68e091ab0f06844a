using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace AiIndexReports.Text;

/// <summary>
/// A read-only template object that knows its own path ("metrics.models.by_country") so that a mistyped member is an
/// error naming the path and listing what exists, rather than Scriban's bare "Cannot get member with name …".
/// </summary>
/// <remarks>
/// Scriban's own constructors import the public statics of a derived type into every instance (by reflection, each
/// time: MetricNode got `fields` and `interval_text` members, ~2,000 times per build): this object's members are only
/// the ones set on it.
/// </remarks>
internal class StrictScriptObject(string path, int capacity = 0) : ScriptObject(capacity, autoImportStaticsFromThisType: false)
{
    public string Path { get; } = path;

    public override bool TryGetValue(TemplateContext? context, SourceSpan span, string member, out object? value)
    {
        if (base.TryGetValue(context, span, member, out value)) return true;
        throw new ScriptRuntimeException(span, $"`{Path}` has no member `{member}`{SuggestionFor(member)}");
    }

    private string SuggestionFor(string member)
    {
        var names = Keys.OrderBy(k => k, StringComparer.Ordinal).ToList();
        if (names.Count == 0) return "";
        var close = names.FirstOrDefault(n => string.Equals(n, member, StringComparison.OrdinalIgnoreCase))
            ?? names.MinBy(n => EditDistance(n, member));
        string hint = close is not null && EditDistance(close, member) <= Math.Max(2, member.Length / 3) ? $" (did you mean `{close}`?)" : "";
        const int shown = 12;
        string list = string.Join(", ", names.Take(shown)) + (names.Count > shown ? $", … ({names.Count} in all)" : "");
        return $"{hint}; it has: {list}";
    }

    private static int EditDistance(string a, string b) =>
        NearestName.Distance(a.ToLowerInvariant(), b.ToLowerInvariant());
}
