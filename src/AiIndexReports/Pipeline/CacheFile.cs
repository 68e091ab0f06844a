using System.Text.Json;
using AiIndexReports.Config;

namespace AiIndexReports.Pipeline;

/// <summary>
/// Reads and writes the files of output/.cache/. A cache is only a shortcut, so one that cannot be trusted never fails
/// a build: a folder, a named pipe or anything but a regular file in its place, a file cut short, `null` or another
/// shape than expected is a warning, counts as no cache, and is replaced by the next write.
/// </summary>
internal static class CacheFile
{
    /// <summary>Largest cache file read (the real ones are a few KB).</summary>
    private const long MaxBytes = 16L << 20;

    /// <returns>the parsed JSON, or null when the file is absent or could not be used (then a warning says why)</returns>
    public static JsonElement? Read(string path, string display, ICollection<Diagnostic> warnings)
    {
        var status = FileStatus.Of(path);
        if (status.Kind == EntryKind.Missing) return null;
        string? problem = null;
        if (!status.IsRegularFile) problem = $"it is {FileStatus.Describe(status.Kind)}, not a file";
        else if (status.Length > MaxBytes) problem = $"it is {InputRoot.Size(status.Length)}, more than a cache file can be";
        else
        {
            try
            {
                using var document = JsonDocument.Parse(File.ReadAllBytes(path));
                if (document.RootElement.ValueKind == JsonValueKind.Object) return document.RootElement.Clone();
                problem = $"it holds {document.RootElement.ValueKind.ToString().ToLowerInvariant()}, not a JSON object";
            }
            catch (JsonException e) { problem = $"it is not valid JSON: cut short or edited? (line {(e.LineNumber ?? 0) + 1})"; }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { problem = "it cannot be read"; }
        }
        Warn(display, problem, warnings);
        return null;
    }

    /// <summary>Reports a cache file whose content is unusable: ignored, rebuilt, rewritten.</summary>
    public static void Warn(string display, string problem, ICollection<Diagnostic> warnings) =>
        warnings.Add(new Diagnostic(new SourceLocation(display), $"the build cache file is unusable ({problem}): ignored and rewritten", Severity.Warning));

    /// <summary>Writes a cache file atomically; an empty folder in its place is removed first; a failure is a warning.</summary>
    public static void Write(string path, byte[] bytes, string display, ICollection<Diagnostic> warnings)
    {
        try
        {
            if (FileStatus.Of(path).Kind == EntryKind.Directory && new FileInfo(path).LinkTarget is null)
                Directory.Delete(path);   // only when empty: a folder holding files is someone's, not ours to remove
            AtomicFile.Write(path, bytes);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            warnings.Add(new Diagnostic(new SourceLocation(display),
                "the build cache file cannot be written (" + (e is UnauthorizedAccessException ? "permission denied" : "a folder or a read-only file system in its place?")
                + "): the next build cannot skip what is unchanged", Severity.Warning));
        }
    }
}
