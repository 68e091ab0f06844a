using AiIndexReports.Config;

namespace AiIndexReports.Pipeline;

/// <summary>
/// Collects a brief's output files in memory and puts them in place only when the whole brief has built:
/// each file is written to a temp file beside its target, then renamed over it (<see cref="AtomicFile"/>), so a failed or cancelled build
/// leaves the previous good outputs untouched and no temp files behind.
/// </summary>
public sealed class OutputWriter(string outputRoot)
{
    private readonly List<(string Path, byte[] Bytes)> _pending = [];

    public string OutputRoot { get; } = Path.GetFullPath(outputRoot);

    /// <summary>
    /// Queues a file; <paramref name="relativePath"/> is relative to output/ and may not leave it, neither by its name nor
    /// through a symbolic link in a folder on the way (output/ itself may be a link).
    /// </summary>
    public void Add(string relativePath, byte[] bytes)
    {
        var full = Path.GetFullPath(Path.Combine(OutputRoot, relativePath));
        if (!full.StartsWith(OutputRoot + Path.DirectorySeparatorChar, StringComparison.Ordinal) || relativePath.Contains('\0', StringComparison.Ordinal))
            throw new BuildFailedException(new Diagnostic(null, $"output path '{Echo.Clip(relativePath.Replace("\0", "\\0", StringComparison.Ordinal))}' escapes output/"));
        var realRoot = InputRoot.RealPath(OutputRoot).Path;
        var (real, _, loop) = InputRoot.RealPath(Path.GetDirectoryName(full)!);
        if (loop || (real != realRoot && !real.StartsWith(realRoot + Path.DirectorySeparatorChar, StringComparison.Ordinal)))
            throw new BuildFailedException(new Diagnostic(new SourceLocation("output/" + relativePath.Replace('\\', '/')),
                "a symbolic link on the way leads outside output/: refusing to write through it (remove the link)"));
        _pending.RemoveAll(p => p.Path == full);
        _pending.Add((full, bytes));
    }

    public IReadOnlyList<(string Path, byte[] Bytes)> Pending => _pending;

    /// <summary>Writes every queued file atomically (<see cref="AtomicFile"/>). Temp files are removed on any failure.</summary>
    public void Commit(CancellationToken cancellation = default)
    {
        AtomicFile.WriteAll(_pending, cancellation, (path, e) =>
        {
            // A folder where the file should go, a read-only or full disk: the user's problem to fix, not a crash.
            var relative = "output/" + Path.GetRelativePath(OutputRoot, path.Length == 0 ? OutputRoot : path).Replace('\\', '/');
            throw new BuildFailedException(new Diagnostic(new SourceLocation(relative),
                "cannot write the output file: " + e.Message.Replace(OutputRoot + Path.DirectorySeparatorChar, "output/", StringComparison.Ordinal)));
        });
        _pending.Clear();
    }
}
