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
