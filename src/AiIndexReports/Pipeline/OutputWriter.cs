namespace AiIndexReports.Pipeline;

/// <summary>
/// Collects a brief's output files in memory and puts them in place only when the whole brief has built:
/// each file is written to a temp file beside its target, then renamed over it, so a failed or cancelled build
/// leaves the previous good outputs untouched and no temp files behind.
/// </summary>
public sealed class OutputWriter(string outputRoot)
{
    private readonly List<(string Path, byte[] Bytes)> _pending = [];

    public string OutputRoot { get; } = Path.GetFullPath(outputRoot);

    /// <summary>Queues a file; <paramref name="relativePath"/> is relative to output/ and may not leave it.</summary>
    public void Add(string relativePath, byte[] bytes)
    {
        var full = Path.GetFullPath(Path.Combine(OutputRoot, relativePath));
        if (!full.StartsWith(OutputRoot + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new BuildFailedException(new Diagnostic(null, $"output path '{relativePath}' escapes output/"));
        _pending.RemoveAll(p => p.Path == full);
        _pending.Add((full, bytes));
    }

    public IReadOnlyList<(string Path, byte[] Bytes)> Pending => _pending;

    /// <summary>Writes every queued file atomically (temp + rename). Temp files are removed on any failure.</summary>
    public void Commit(CancellationToken cancellation = default)
    {
        var temps = new List<(string Temp, string Target)>();
        var current = OutputRoot;
        try
        {
            foreach (var (path, bytes) in _pending)
            {
                cancellation.ThrowIfCancellationRequested();
                current = path;
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                var temp = path + ".tmp-" + Environment.ProcessId + "-" + Guid.NewGuid().ToString("N")[..8];
                temps.Add((temp, path));
                File.WriteAllBytes(temp, bytes);
            }
            cancellation.ThrowIfCancellationRequested();
            // Renames are the point of no return; they are quick and each one is atomic.
            foreach (var (temp, target) in temps)
            {
                current = target;
                File.Move(temp, target, overwrite: true);
            }
            temps.Clear();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A folder where the file should go, a read-only or full disk: the user's problem to fix, not a crash.
            var relative = "output/" + Path.GetRelativePath(OutputRoot, current).Replace('\\', '/');
            throw new BuildFailedException(new Diagnostic(new SourceLocation(relative), 
                "cannot write the output file: " + e.Message.Replace(OutputRoot + Path.DirectorySeparatorChar, "output/", StringComparison.Ordinal)));
        }
        finally
        {
            foreach (var (temp, _) in temps)
                try { File.Delete(temp); } catch (IOException) { }
        }
        _pending.Clear();
    }
}
