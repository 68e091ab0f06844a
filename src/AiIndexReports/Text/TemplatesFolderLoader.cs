using AiIndexReports.Config;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace AiIndexReports.Text;

/// <summary>
/// Resolves <c>{{ include "partials/x.md.sbn" }}</c> relative to the templates folder and refuses anything outside it
/// (absolute paths, "../", a link anywhere on the way that leads out of the folder) and anything that is not a regular
/// file of at most <see cref="StrictText.MaxTextFileBytes"/>: the checks of <see cref="InputRoot"/>, the one place input
/// files are opened. Paths handed to Scriban are display paths ("templates/partials/x.md.sbn") so every message names the
/// file the way an editor sees it in the repository. Errors point at the include statement.
/// </summary>
/// <remarks>Without a root (documentation examples) every include is an error.</remarks>
internal sealed class TemplatesFolderLoader(string? root, string displayRoot, Func<string, string, string>? transform = null) : ITemplateLoader
{
    private readonly InputRoot? _root = root is null ? null : new InputRoot(root, displayRoot);
    private readonly Dictionary<string, string> _sources = new(StringComparer.Ordinal);

    /// <summary>The text of every file loaded so far, by display path, for quoting the offending line in errors.</summary>
    public IReadOnlyDictionary<string, string> Sources => _sources;

    public string GetPath(TemplateContext context, SourceSpan callerSpan, string templateName) =>
        Resolve(templateName, message => new ScriptRuntimeException(callerSpan, message)).DisplayPath;

    public string Load(TemplateContext context, SourceSpan callerSpan, string templatePath) =>
        Read(templatePath, message => new ScriptRuntimeException(callerSpan, message)).Text;

    public ValueTask<string?> LoadAsync(TemplateContext context, SourceSpan callerSpan, string templatePath) =>
        new(Load(context, callerSpan, templatePath));

    /// <summary>Reads a template by its path relative to the templates folder, or by its display path.</summary>
    public (string DisplayPath, string Text) Read(string templateName, Func<string, Exception> error)
    {
        var file = Resolve(templateName, error);
        if (_sources.TryGetValue(file.DisplayPath, out var cached)) return (file.DisplayPath, cached);
        byte[] bytes;
        try { bytes = InputRoot.ReadAllBytes(file); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { throw error(StrictText.CannotRead(e, file)); }
        var text = ReadUtf8(bytes, error);
        if (transform is not null) text = transform(file.DisplayPath, text);
        _sources[file.DisplayPath] = text;
        return (file.DisplayPath, text);
    }

    /// <summary>Keeps the text of a template that is not a file, so errors can quote it too.</summary>
    public void Remember(string displayPath, string text) => _sources[displayPath] = text;

    /// <summary>
    /// Decodes a template strictly (<see cref="StrictText"/>): a template saved in CP949 (or any non-UTF-8 encoding) would
    /// otherwise render as replacement characters in the PDF without a word. The message names the line and column.
    /// </summary>
    private static string ReadUtf8(byte[] bytes, Func<string, Exception> error)
    {
        var errors = new List<Diagnostic>();
        if (StrictText.DecodeUtf8(bytes, "", errors) is { } text) return text;
        var (at, message) = (errors[0].Location, errors[0].Message);
        throw error(at is { Line: > 0 } ? $"line {at.Line}, column {at.Column}: {message}" : message);
    }

    private static string NotFound(string templateName, string display) => $"template \"{Echo.Clip(templateName)}\" not found: no file {display}";

    /// <summary>The checked file a template name stands for; every refusal is <paramref name="error"/>'s exception.</summary>
    public CheckedFile Resolve(string templateName, Func<string, Exception> error)
    {
        if (_root is null) throw error($"template \"{Echo.Clip(templateName)}\" cannot be included here: this text has no templates folder");
        var name = templateName.Replace('\\', '/');
        if (name.StartsWith(displayRoot + "/", StringComparison.Ordinal)) name = name[(displayRoot.Length + 1)..];
        if (name.Length == 0) throw error("template name is empty");
        if (name.Contains('\0', StringComparison.Ordinal)) throw error("template name contains a NUL character");
        if (Path.IsPathRooted(name) || name.StartsWith('/'))
            throw error($"template \"{Echo.Clip(templateName)}\" is an absolute path; write a path relative to {displayRoot}/");

        var full = Path.GetFullPath(Path.Combine(_root.FullPath, name));
        if (!full.StartsWith(_root.FullPath + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw error($"template \"{Echo.Clip(templateName)}\" is outside {displayRoot}/: templates may only include files inside {displayRoot}/");

        var relative = Path.GetRelativePath(_root.FullPath, full).Replace('\\', '/');
        var found = _root.Resolve(relative, StrictText.MaxTextFileBytes);
        return found.Problem switch
        {
            InputProblem.None => found.File!,
            InputProblem.Missing => throw error(NotFound(templateName, _root.Display(relative))),
            _ => throw error($"template \"{Echo.Clip(templateName)}\": {found.Message}"),
        };
    }
}
