using AiIndexReports.Config;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace AiIndexReports.Text;

/// <summary>
/// Resolves <c>{{ include "partials/x.md.sbn" }}</c> relative to the templates folder and refuses anything outside it
/// (absolute paths, "../", links out of the folder). Paths handed to Scriban are display paths ("templates/partials/x.md.sbn")
/// so every message names the file the way an editor sees it in the repository. Errors point at the include statement.
/// </summary>
/// <remarks>Without a root (documentation examples) every include is an error.</remarks>
internal sealed class TemplatesFolderLoader(string? root, string displayRoot, Func<string, string, string>? transform = null) : ITemplateLoader
{
    private readonly string? _root = root is null ? null : Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
    private readonly Dictionary<string, string> _sources = new(StringComparer.Ordinal);

    /// <summary>The text of every file loaded so far, by display path, for quoting the offending line in errors.</summary>
    public IReadOnlyDictionary<string, string> Sources => _sources;

    public string GetPath(TemplateContext context, SourceSpan callerSpan, string templateName)
    {
        var (full, display) = Resolve(templateName, message => new ScriptRuntimeException(callerSpan, message));
        if (!File.Exists(full)) throw new ScriptRuntimeException(callerSpan, NotFound(templateName, display));
        return display;
    }

    public string Load(TemplateContext context, SourceSpan callerSpan, string templatePath) =>
        Read(templatePath, message => new ScriptRuntimeException(callerSpan, message)).Text;

    public ValueTask<string?> LoadAsync(TemplateContext context, SourceSpan callerSpan, string templatePath) =>
        new(Load(context, callerSpan, templatePath));

    /// <summary>Reads a template by its path relative to the templates folder, or by its display path.</summary>
    public (string DisplayPath, string Text) Read(string templateName, Func<string, Exception> error)
    {
        var (full, display) = Resolve(templateName, error);
        if (_sources.TryGetValue(display, out var cached)) return (display, cached);
        if (!File.Exists(full)) throw error(NotFound(templateName, display));
        var text = ReadUtf8(File.ReadAllBytes(full), error);
        if (transform is not null) text = transform(display, text);
        _sources[display] = text;
        return (display, text);
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

    private static string NotFound(string templateName, string display) => $"template \"{templateName}\" not found: no file {display}";

    public (string FullPath, string DisplayPath) Resolve(string templateName, Func<string, Exception> error)
    {
        if (_root is null) throw error($"template \"{templateName}\" cannot be included here: this text has no templates folder");
        var name = templateName.Replace('\\', '/');
        if (name.StartsWith(displayRoot + "/", StringComparison.Ordinal)) name = name[(displayRoot.Length + 1)..];
        if (name.Length == 0) throw error("template name is empty");
        if (Path.IsPathRooted(name) || name.StartsWith('/'))
            throw error($"template \"{templateName}\" is an absolute path; write a path relative to {displayRoot}/");

        var full = Path.GetFullPath(Path.Combine(_root, name));
        if (!full.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw error($"template \"{templateName}\" is outside {displayRoot}/: templates may only include files inside {displayRoot}/");
        if (IsLinkOut(full))
            throw error($"template \"{templateName}\" is a link that leads outside {displayRoot}/");

        var relative = Path.GetRelativePath(_root, full).Replace('\\', '/');
        return (full, $"{displayRoot}/{relative}");
    }

    // A symbolic link inside the folder could still point elsewhere; follow it and check again.
    private bool IsLinkOut(string full)
    {
        if (_root is null) return true;
        var info = new FileInfo(full);
        if (!info.Exists || info.LinkTarget is null) return false;
        var target = info.ResolveLinkTarget(returnFinalTarget: true)?.FullName;
        return target is null || !target.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal);
    }
}
