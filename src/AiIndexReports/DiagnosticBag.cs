namespace AiIndexReports;

/// <summary>Collects every problem of a load so the user sees them all at once, not one per run.</summary>
public sealed class DiagnosticBag
{
    private readonly List<Diagnostic> _errors = [];
    private readonly List<Diagnostic> _warnings = [];

    public IReadOnlyList<Diagnostic> Errors => _errors;
    public IReadOnlyList<Diagnostic> Warnings => _warnings;
    public bool HasErrors => _errors.Count > 0;

    public void Error(SourceLocation? at, string message) => _errors.Add(new Diagnostic(at, message));
    public void Warning(SourceLocation? at, string message) => _warnings.Add(new Diagnostic(at, message, Severity.Warning));

    /// <summary>A warning `build` prints in full (<see cref="Diagnostic.PrintInFull"/>).</summary>
    public void WarningInFull(SourceLocation? at, string message) =>
        _warnings.Add(new Diagnostic(at, message, Severity.Warning) { PrintInFull = true });

    /// <summary>Errors first (they decide the exit code), then warnings.</summary>
    public IReadOnlyList<Diagnostic> All => [.. _errors, .. _warnings];
}
