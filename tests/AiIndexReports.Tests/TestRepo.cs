namespace AiIndexReports.Tests;

/// <summary>Paths of the real repository the tests run in, and scratch copies of it.</summary>
internal static class TestRepo
{
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "AiIndexReports.sln"))) return dir.FullName;
        throw new InvalidOperationException("AiIndexReports.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>Copies a folder with everything below it (files overwritten), e.g. the real templates/ into a temp repo.</summary>
    public static void CopyTree(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var dir in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(System.IO.Path.Combine(to, System.IO.Path.GetRelativePath(from, dir)));
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
            File.Copy(file, System.IO.Path.Combine(to, System.IO.Path.GetRelativePath(from, file)), overwrite: true);
    }

    /// <summary>The editions the repository's tests are written for: a copy holds these, whatever else data/ holds.</summary>
    public static readonly int[] TestedEditions = [2024, 2025];

    /// <summary>
    /// Copies data/ (shared tables, catalog) with only the given edition folders (default <see cref="TestedEditions"/>), so a
    /// test's outcome does not change when an editor adds next year's edition to the repository.
    /// </summary>
    public static void CopyData(string to, params int[] editions) => LayData(to, share: false, editions);

    /// <summary>As <see cref="CopyData"/>, but files are hard links (<see cref="ShareTree"/>) except a trimmed indicators.csv.</summary>
    public static void ShareData(string to) => LayData(to, share: true, TestedEditions);

    private static void LayData(string to, bool share, int[] editions)
    {
        if (editions.Length == 0) editions = TestedEditions;
        var from = System.IO.Path.Combine(Root, "data");
        foreach (var entry in Directory.EnumerateFileSystemEntries(from))
        {
            var name = System.IO.Path.GetFileName(entry);
            var target = System.IO.Path.Combine(to, name);
            if (File.Exists(entry))
            {
                Directory.CreateDirectory(to);
                if (!share || OperatingSystem.IsWindows() || HardLink(entry, target) != 0) File.Copy(entry, target, overwrite: true);
            }
            else if (!(name.Length == 4 && name.All(char.IsAsciiDigit)) || editions.Contains(int.Parse(name, System.Globalization.CultureInfo.InvariantCulture)))
            {
                if (share) ShareTree(entry, target);
                else CopyTree(entry, target);
            }
        }
        // Rows an editor appended for a later edition go too: the copy is the repository as these tests know it.
        var indicators = System.IO.Path.Combine(to, "shared", "aiindex", "indicators.csv");
        if (File.Exists(indicators))
        {
            var newest = editions.Max();
            var text = File.ReadAllText(indicators);
            var lines = File.ReadAllLines(indicators);
            var kept = lines.Where(line =>
                line.Length < 5 || line[4] != ',' || !line[..4].All(char.IsAsciiDigit) || int.Parse(line[..4], System.Globalization.CultureInfo.InvariantCulture) <= newest).ToList();
            var newline = text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
            if (kept.Count < lines.Length)
            {
                Unshare(indicators);   // never write through a hard link into the repository's own file
                File.WriteAllText(indicators, string.Join(newline, kept) + newline);
            }
        }
    }

    /// <summary>
    /// Lays a read-only view of a folder at <paramref name="to"/>: every file is a hard link to the original (same
    /// file system) or a copy (elsewhere). A hard link is a real file inside the scratch repository — no symlink leads
    /// out of it — but writing through it would change the original: whoever changes a shared file must first
    /// <see cref="Unshare"/> it. The bad-input corpus shares data/ and templates/ (17 MB of fonts) this way instead of
    /// copying them for each of its cases.
    /// </summary>
    public static void ShareTree(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var dir in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(System.IO.Path.Combine(to, System.IO.Path.GetRelativePath(from, dir)));
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = System.IO.Path.Combine(to, System.IO.Path.GetRelativePath(from, file));
            if (OperatingSystem.IsWindows() || HardLink(file, target) != 0) File.Copy(file, target, overwrite: true);
        }
    }

    /// <summary>Makes a shared file the scratch repository's own (removes the link), so it can be changed safely.</summary>
    public static void Unshare(string path)
    {
        if (!File.Exists(path)) return;
        var bytes = File.ReadAllBytes(path);
        File.Delete(path);
        File.WriteAllBytes(path, bytes);
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "link", SetLastError = true)]
    private static extern int HardLink(string existing, string created);

    /// <summary>A fresh empty temp directory, removed when disposed.</summary>
    public static TempDir Temp() => new();

    public sealed class TempDir : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("aiindex-test-").FullName;

        public string Write(string relative, string text)
        {
            var full = System.IO.Path.Combine(Path, relative);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
            File.WriteAllText(full, text);
            return full;
        }

        public void Dispose()
        {
            try { Directory.Delete(Path, recursive: true); } catch (IOException) { }
        }
    }
}
