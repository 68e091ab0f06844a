namespace AiIndexReports;

/// <summary>Where a value or a problem comes from: a repo-relative path (forward slashes), 1-based line and column (0 = unknown).</summary>
public sealed record SourceLocation(string File, int Line = 0, int Column = 0)
{
    /// <summary>Write "file(line,col)", the style Scriban and MSBuild use and template editors see, instead of "file:line:col".</summary>
    public bool Parenthesized { get; init; }

    public override string ToString() =>
        Line <= 0 ? File
        : Parenthesized ? (Column <= 0 ? $"{File}({Line})" : $"{File}({Line},{Column})")
        : Column <= 0 ? $"{File}:{Line}" : $"{File}:{Line}:{Column}";
}

public enum Severity { Error, Warning }

/// <summary>One problem found by a stage, for people: where, what was expected, what was found.</summary>
public sealed record Diagnostic(SourceLocation? Location, string Message, Severity Severity = Severity.Error)
{
    /// <summary>A warning about a value the brief will print (a likely transcription slip): `build` says it in full
    /// instead of only counting it.</summary>
    public bool PrintInFull { get; init; }

    public override string ToString() =>
        (Location is null ? "" : Location + ": ") + (Severity == Severity.Warning ? "warning: " : "error: ") + Message;
}

/// <summary>Thrown by a stage that collected errors; the CLI prints each diagnostic on its own line and exits 1.</summary>
public sealed class BuildFailedException(IReadOnlyList<Diagnostic> diagnostics)
    : Exception(string.Join(Environment.NewLine, diagnostics))
{
    public IReadOnlyList<Diagnostic> Diagnostics { get; } = diagnostics;

    public BuildFailedException(Diagnostic diagnostic) : this([diagnostic]) { }
}

/// <summary>How much of a value from an input file a message may quote.</summary>
public static class Echo
{
    public const int MaxChars = 200;

    /// <summary>
    /// The value itself when short, else its first <see cref="MaxChars"/> characters and how long it really is:
    /// a 100 MB string in a TOML file must not come back whole in an error message.
    /// </summary>
    public static string Clip(string value) =>
        value.Length <= MaxChars ? value : $"{value[..MaxChars]}… ({value.Length:N0} characters)";
}

/// <summary>
/// A request that cannot be carried out as asked: an edition or brief that does not exist, an environment setting that
/// is malformed. The CLI reports it like a usage error (exit code 2); nothing was built.
/// </summary>
/// <param name="field">what the request named ("edition", "brief"), for the CLI to say which option was wrong</param>
/// <param name="value">the value asked for</param>
public sealed class InvalidRequestException(string message, string? field = null, string? value = null) : Exception(message)
{
    public string? Field { get; } = field;
    public string? Value { get; } = value;
}
