using System.Globalization;
using System.Text;
using Scriban.Parsing;
using Scriban.Syntax;

namespace AiIndexReports.Text;

/// <summary>
/// Turns Scriban's messages into diagnostics an editor can act on:
/// <code>
/// templates/full/02-models.md.sbn(3,5): error: The variable or function `contry` was not found
///     3 | □ {{ contry | josa "은/는" }} …
///       |      ^
/// </code>
/// Line and column are 1-based; the caret lines up under the column in a terminal (Hangul counts as two cells).
/// </summary>
internal static class TemplateErrors
{
    public static Diagnostic From(SourceSpan span, string message, IReadOnlyDictionary<string, string> sources, Severity severity = Severity.Error)
    {
        int line = span.Start.Line + 1, column = span.Start.Column + 1;
        var location = new SourceLocation(span.FileName ?? "", line, column) { Parenthesized = true };
        return new Diagnostic(location, message + Excerpt(span, sources), severity);
    }

    public static IEnumerable<Diagnostic> FromParser(IEnumerable<LogMessage> messages, IReadOnlyDictionary<string, string> sources) =>
        messages.Select(m => From(m.Span, m.Message, sources, m.Type == ParserMessageType.Error ? Severity.Error : Severity.Warning));

    /// <summary>A runtime error; a parse error inside an included file carries that file's own messages.</summary>
    public static IEnumerable<Diagnostic> FromRuntime(ScriptRuntimeException exception, IReadOnlyDictionary<string, string> sources)
    {
        if (exception is ScriptParserRuntimeException parse)
        {
            var includedFrom = $" (included from {Where(parse.Span)})";
            return parse.ParserMessages.Select(m =>
                From(m.Span, m.Message + includedFrom, sources, m.Type == ParserMessageType.Error ? Severity.Error : Severity.Warning));
        }
        return [From(exception.Span, exception.OriginalMessage.Trim(), sources)];
    }

    private static string Where(SourceSpan span) =>
        string.Create(CultureInfo.InvariantCulture, $"{span.FileName}({span.Start.Line + 1},{span.Start.Column + 1})");

    private static string Excerpt(SourceSpan span, IReadOnlyDictionary<string, string> sources)
    {
        if (span.FileName is null || !sources.TryGetValue(span.FileName, out var text)) return "";
        var lines = text.Split('\n');
        if (span.Start.Line < 0 || span.Start.Line >= lines.Length) return "";
        var source = lines[span.Start.Line].TrimEnd('\r');
        string number = (span.Start.Line + 1).ToString(CultureInfo.InvariantCulture);
        var caret = new StringBuilder();
        for (int i = 0; i < Math.Min(span.Start.Column, source.Length); i++)
            caret.Append(source[i] == '\t' ? "\t" : IsWide(source[i]) ? "  " : " ");
        string gutter = new(' ', number.Length);
        return $"{Environment.NewLine}    {number} | {source}{Environment.NewLine}    {gutter} | {caret}^";
    }

    // East Asian wide characters take two terminal cells: Hangul, CJK, full-width forms.
    private static bool IsWide(char c) =>
        c is >= '\u1100' and <= '\u115F' or >= '\u2E80' and <= '\uA4CF' or >= '\uAC00' and <= '\uD7A3'
            or >= '\uF900' and <= '\uFAFF' or >= '\uFE30' and <= '\uFE4F' or >= '\uFF00' and <= '\uFF60' or >= '\uFFE0' and <= '\uFFE6';
}
