using System.Security.Cryptography;

namespace AiIndexReports.Config;

/// <summary>An input file that passed every check: its real path (links resolved), how messages name it, its size.</summary>
public sealed record CheckedFile(string RealPath, string DisplayPath, long Length);

/// <summary>Why an input path cannot be opened.</summary>
public enum InputProblem { None, Missing, Outside, NotRegular, TooLarge, LinkLoop }

/// <summary>What <see cref="InputRoot.Resolve"/> found: the file, or the problem and a message that names no content.</summary>
public sealed record InputResolution(CheckedFile? File, InputProblem Problem, string Message)
{
    public bool Ok => File is not null;
}

/// <summary>
/// A folder the tool reads inputs from (templates/, data/) and the one place where an input path becomes a file to open.
/// Every path is resolved to its real path — a symbolic link in any folder above the file counts, not only the file
/// itself — and must stay inside the root's real path; it must be a regular file (a named pipe or a device would block
/// or never end) and no larger than its reader accepts, checked before a byte is read. Messages name the path as the
/// repository shows it and never quote what a refused file contains or where a link leads.
/// </summary>
public sealed class InputRoot
{
    /// <summary>Largest file any reader accepts (a CSV table); nothing larger is ever read or hashed.</summary>
    public const long MaxInputBytes = 256L << 20;

    private const int MaxLinkHops = 40;   // as the kernel's ELOOP

    private readonly string _path;
    private string? _realPath;

    /// <param name="path">the folder on disk</param>
    /// <param name="displayName">how messages name it: "templates", "data"</param>
    public InputRoot(string path, string displayName)
    {
        _path = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
        DisplayName = displayName;
    }

    /// <summary>The root a repository path belongs to, its first folder (templates/, data/); "data" alone is that root.</summary>
    public static InputRoot ForRepoPath(string repoRoot, string repoPath, out string relative)
    {
        var normalized = repoPath.Replace('\\', '/').Trim('/');
        var slash = normalized.IndexOf('/');
        relative = slash < 0 ? "" : normalized[(slash + 1)..];
        var top = slash < 0 ? normalized : normalized[..slash];
        return new InputRoot(Path.Combine(repoRoot, top), top);
    }

    public string DisplayName { get; }

    /// <summary>The folder on disk as given (not resolved).</summary>
    public string FullPath => _path;

    private string RealRoot => _realPath ??= RealPath(_path).Path;

    /// <summary>
    /// The root itself (templates/, data/) must be a folder of the repository that holds it: a root that is a link to a
    /// folder elsewhere would make everything there an input.
    /// </summary>
    private bool LeavesRepository => _leaves ??= Path.GetDirectoryName(_path) is { } parent
        && !Within(RealRoot, RealPath(parent).Path);

    private bool? _leaves;

    private string RootLeaves => $"{DisplayName}/ is a link that leads outside the repository; {DisplayName}/ must be a folder of the repository";

    private static bool Within(string real, string folder) =>
        real == folder || real.StartsWith(Path.EndsInDirectorySeparator(folder) ? folder : folder + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    /// <summary>How messages name a path inside the root.</summary>
    public string Display(string relative)
    {
        var r = relative.Replace('\\', '/').TrimStart('/');
        return r.Length == 0 ? DisplayName : $"{DisplayName}/{r}";
    }

    /// <summary>
    /// Checks <paramref name="relative"/> (relative to the root) as an input of at most <paramref name="maxBytes"/> bytes.
    /// </summary>
    public InputResolution Resolve(string relative, long maxBytes)
    {
        var display = Display(relative);
        if (LeavesRepository) return new(null, InputProblem.Outside, RootLeaves);
        var full = Path.Combine(_path, relative);
        var (real, complete, loop) = RealPath(full);
        if (loop) return new(null, InputProblem.LinkLoop, $"{display} is a symbolic link in a loop");
        if (!IsInside(real))
            return new(null, InputProblem.Outside, $"{display} {LinkOut(relative)}");
        if (!complete) return new(null, InputProblem.Missing, $"{display} does not exist");

        var status = FileStatus.Of(real);
        if (status.Kind == EntryKind.Missing) return new(null, InputProblem.Missing, $"{display} does not exist");
        if (!status.IsRegularFile)
            return new(null, InputProblem.NotRegular, $"{display} is {FileStatus.Describe(status.Kind)}, not a regular file; inputs must be regular files");
        if (status.Length > maxBytes)
            return new(null, InputProblem.TooLarge, $"{display} is {Size(status.Length)}; a file of this kind may be at most {Size(maxBytes)}");
        return new(new CheckedFile(real, display, status.Length), InputProblem.None, "");
    }

    /// <summary>Whether a folder exists inside the root (its real path included).</summary>
    public bool HasFolder(string relative)
    {
        if (LeavesRepository) return false;
        var (real, complete, loop) = RealPath(Path.Combine(_path, relative));
        return complete && !loop && IsInside(real) && FileStatus.Of(real).Kind == EntryKind.Directory;
    }

    /// <summary>
    /// Every regular file under <paramref name="relativeFolder"/> (or that file itself), in ordinal order of its path.
    /// Anything else found there — a named pipe, a device, a socket, a link leading outside the root, a link loop, a
    /// file larger than any input — is never opened: it is skipped with a warning (a brief that names it gets the error).
    /// </summary>
    public IReadOnlyList<CheckedFile> Enumerate(string relativeFolder, ICollection<Diagnostic> warnings)
    {
        var found = new List<CheckedFile>();
        if (LeavesRepository && Directory.Exists(_path))
        {
            warnings.Add(new Diagnostic(new SourceLocation(DisplayName), $"not read, not part of any build: {RootLeaves}", Severity.Warning));
            return found;
        }
        var start = Path.Combine(_path, relativeFolder);
        var (real, complete, loop) = RealPath(start);
        if (!complete && !loop) return found;   // an optional folder that is absent
        var visited = new HashSet<string>(StringComparer.Ordinal);
        Visit(relativeFolder.Replace('\\', '/').Trim('/'), real, loop, found, visited, warnings);
        return found.OrderBy(f => f.DisplayPath, StringComparer.Ordinal).ToList();
    }

    private void Visit(string relative, string real, bool loop, List<CheckedFile> found, HashSet<string> visited, ICollection<Diagnostic> warnings)
    {
        var display = Display(relative);
        void Skip(string why) => warnings.Add(new Diagnostic(new SourceLocation(display), $"not read, not part of any build: it {why}", Severity.Warning));

        if (loop) { Skip("is a symbolic link in a loop"); return; }
        if (!IsInside(real)) { Skip(LinkOut(relative)); return; }
        var status = FileStatus.Of(real);
        switch (status.Kind)
        {
            case EntryKind.RegularFile when status.Length > MaxInputBytes:
                Skip($"is {Size(status.Length)}, larger than any input may be ({Size(MaxInputBytes)})");
                return;
            case EntryKind.RegularFile:
                found.Add(new CheckedFile(real, display, status.Length));
                return;
            case EntryKind.Directory:
                if (!visited.Add(real)) return;   // the same folder reached again through a link inside the root
                IEnumerable<string> entries;
                try { entries = Directory.EnumerateFileSystemEntries(real).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToList(); }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException) { Skip("is a folder that cannot be listed"); return; }
                foreach (var name in entries)
                {
                    var child = relative.Length == 0 ? name : $"{relative}/{name}";
                    var (childReal, complete, childLoop) = RealPath(Path.Combine(real, name));
                    if (!complete && !childLoop) { warnings.Add(new Diagnostic(new SourceLocation(Display(child)), "not read, not part of any build: it is a symbolic link to nothing", Severity.Warning)); continue; }
                    Visit(child, childReal, childLoop, found, visited, warnings);
                }
                return;
            case EntryKind.Missing:
                return;
            default:
                Skip($"is {FileStatus.Describe(status.Kind)}, not a regular file");
                return;
        }
    }

    /// <summary>Reads a checked file whole; a file that grew past its checked size since is an I/O error.</summary>
    public static byte[] ReadAllBytes(CheckedFile file)
    {
        using var stream = OpenRead(file);
        var bytes = new byte[file.Length];
        stream.ReadExactly(bytes);
        if (stream.ReadByte() >= 0) throw new IOException($"{file.DisplayPath} changed while it was read");
        return bytes;
    }

    public static FileStream OpenRead(CheckedFile file) =>
        new(file.RealPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);

    /// <summary>SHA-256 (lowercase hex) of a checked file, streamed.</summary>
    public static string Sha256(CheckedFile file)
    {
        using var stream = OpenRead(file);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    private bool IsInside(string real) => Within(real, RealRoot);

    /// <summary>Names the first folder or file on the way that leads outside the root (a link, or "..").</summary>
    private string LinkOut(string relative)
    {
        var parts = relative.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 1; i <= parts.Length; i++)
        {
            var prefix = string.Join('/', parts[..i]);
            var (real, _, _) = RealPath(Path.Combine(_path, prefix));
            if (IsInside(real)) continue;
            return parts[i - 1] == ".."
                ? $"is outside {DisplayName}/"
                : i == parts.Length
                    ? $"is a link that leads outside {DisplayName}/"
                    : $"leads outside {DisplayName}/ through the link {Display(prefix)}";
        }
        return $"is outside {DisplayName}/";
    }

    /// <summary>
    /// realpath(3) in managed code: the path with every symbolic link resolved and "." and ".." taken physically.
    /// When a part does not exist the rest is appended as written and Complete is false.
    /// </summary>
    internal static (string Path, bool Complete, bool Loop) RealPath(string path)
    {
        var hops = 0;
        var full = System.IO.Path.IsPathFullyQualified(path) ? path : System.IO.Path.Combine(Directory.GetCurrentDirectory(), path);
        var root = System.IO.Path.GetPathRoot(full)!;
        var result = Walk(root, full[root.Length..], ref hops);
        return (result.Path, result.Complete, hops > MaxLinkHops);
    }

    private static (string Path, bool Complete) Walk(string current, string rest, ref int hops)
    {
        var parts = rest.Split([System.IO.Path.DirectorySeparatorChar, System.IO.Path.AltDirectorySeparatorChar], StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < parts.Length; i++)
        {
            var part = parts[i];
            if (part == ".") continue;
            if (part == "..")
            {
                current = System.IO.Path.GetDirectoryName(current) ?? current;
                continue;
            }
            var next = System.IO.Path.Combine(current, part);
            string? target;
            try { target = new FileInfo(next).LinkTarget; }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { target = null; }
            if (target is null)
            {
                if (!System.IO.Path.Exists(next)) return (System.IO.Path.Combine([next, .. parts[(i + 1)..]]), false);
                current = next;
                continue;
            }
            if (++hops > MaxLinkHops) return (next, false);
            var targetRoot = System.IO.Path.IsPathRooted(target) ? System.IO.Path.GetPathRoot(target)! : current;
            var (resolved, complete) = Walk(targetRoot, System.IO.Path.IsPathRooted(target) ? target[targetRoot.Length..] : target, ref hops);
            if (!complete) return (System.IO.Path.Combine([resolved, .. parts[(i + 1)..]]), false);
            current = resolved;
        }
        return (current, true);
    }

    /// <summary>A size for people: "3.2 MB".</summary>
    public static string Size(long bytes) => bytes switch
    {
        >= 1L << 30 => FormattableString.Invariant($"{bytes / (double)(1L << 30):0.#} GB"),
        >= 1L << 20 => FormattableString.Invariant($"{bytes / (double)(1L << 20):0.#} MB"),
        >= 1L << 10 => FormattableString.Invariant($"{bytes / (double)(1L << 10):0.#} KB"),
        _ => FormattableString.Invariant($"{bytes} bytes"),
    };
}
