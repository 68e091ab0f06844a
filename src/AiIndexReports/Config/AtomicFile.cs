using System.Globalization;
using System.Text.RegularExpressions;

namespace AiIndexReports.Config;

/// <summary>
/// The one way the tool writes a file: the bytes go to a temp file of our own naming beside the target
/// ("name.tmp-&lt;pid&gt;-&lt;8 hex&gt;"), then it is renamed over the target, so a reader, a crash or a concurrent build never
/// sees half a file. A set of files is written all-temps-first, then renamed, so a failure before the renames leaves
/// every previous file as it was; temp files are removed on any failure.
/// </summary>
public static partial class AtomicFile
{
    /// <summary>The marker in a temp file's name; a file with it is ours and never a real output.</summary>
    public const string TempMarker = ".tmp-";

    public static string TempPathFor(string target) =>
        target + TempMarker + Environment.ProcessId + "-" + Guid.NewGuid().ToString("N")[..8];

    /// <summary>Writes one file atomically; its folder is created if needed.</summary>
    public static void Write(string path, byte[] bytes) => WriteAll([(path, bytes)]);

    /// <summary>
    /// Writes every file atomically: temps first, then the renames (each one atomic, quick, the point of no return).
    /// </summary>
    /// <param name="onFailure">called with the path being written when an I/O error stops the set; may throw a friendlier error</param>
    public static void WriteAll(IReadOnlyList<(string Path, byte[] Bytes)> files, CancellationToken cancellation = default,
        Action<string, Exception>? onFailure = null)
    {
        var temps = new List<(string Temp, string Target)>();
        var current = "";
        try
        {
            foreach (var (path, bytes) in files)
            {
                cancellation.ThrowIfCancellationRequested();
                current = path;
                Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
                var temp = TempPathFor(path);
                temps.Add((temp, path));
                File.WriteAllBytes(temp, bytes);
            }
            cancellation.ThrowIfCancellationRequested();
            foreach (var (temp, target) in temps)
            {
                current = target;
                File.Move(temp, target, overwrite: true);
            }
            temps.Clear();
        }
        catch (Exception e) when (onFailure is not null && e is IOException or UnauthorizedAccessException)
        {
            onFailure(current, e);
            throw;
        }
        finally
        {
            foreach (var (temp, _) in temps)
                try { File.Delete(temp); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    /// <summary>
    /// Removes the temp files of our own naming under <paramref name="folder"/> that a process killed between writing and
    /// renaming left behind: only those whose process is no longer running (a build running beside this one keeps its own).
    /// Links are not followed.
    /// </summary>
    /// <returns>the paths removed</returns>
    public static IReadOnlyList<string> RemoveStaleTemps(string folder)
    {
        var removed = new List<string>();
        if (!Directory.Exists(folder)) return removed;
        var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint, IgnoreInaccessible = true };
        foreach (var path in Directory.EnumerateFiles(folder, "*" + TempMarker + "*", options))
        {
            var match = TempName().Match(Path.GetFileName(path));
            if (!match.Success || !int.TryParse(match.Groups[1].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var pid)) continue;
            if (pid == Environment.ProcessId || IsRunning(pid)) continue;
            try
            {
                File.Delete(path);
                removed.Add(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
        }
        removed.Sort(StringComparer.Ordinal);
        return removed;
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }

    [GeneratedRegex(@"\.tmp-([0-9]+)-[0-9a-f]{8}$")]
    private static partial Regex TempName();
}
