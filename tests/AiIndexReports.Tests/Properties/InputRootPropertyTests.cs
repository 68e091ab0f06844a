using AiIndexReports.Config;
using CsCheck;

namespace AiIndexReports.Tests.Properties;

/// <summary>
/// The one place input files are opened (<see cref="InputRoot"/>) on random folder trees: files, folders, named pipes and
/// symbolic links — relative and absolute, into the root, out of it, to devices, to nothing, in loops — at random places.
/// Whatever the tree, every file it lists or resolves is a regular file whose real path is inside the root, nothing
/// outside is ever read, a pipe is never opened (the guard would see the hang), and no message quotes an outside file.
/// </summary>
public sealed class InputRootPropertyTests : IDisposable
{
    private const string Secret = "OUTSIDE-SECRET";
    private static readonly string[] Names = ["a", "b", "c"];

    private readonly string _base = Directory.CreateTempSubdirectory("aiindex-tree-").FullName;

    public void Dispose() => Directory.Delete(_base, recursive: true);

    private abstract record Entry(string Path);
    private sealed record FileEntry(string Path) : Entry(Path);
    private sealed record FolderEntry(string Path) : Entry(Path);
    private sealed record PipeEntry(string Path) : Entry(Path);
    private sealed record LinkEntry(string Path, string Target) : Entry(Path);

    /// <summary>Paths of one to three parts among a few names, so entries land inside each other.</summary>
    private static readonly Gen<string> PathGen = Gen.Int[0, Names.Length - 1].Select(i => Names[i]).Array[1, 3].Select(parts => string.Join('/', parts));

    private static readonly string[] FixedTargets =
        ["..", "../..", "../../outside", "../../outside/f", "../outside/d", ".", "/dev/zero", "/nonexistent",
         "{outside}", "{outside}/f", "{outside}/d", "{root}", "{root}/a"];

    private static readonly Gen<string> TargetGen = Gen.OneOf(
        PathGen,                                                  // a path inside, relative to the link's folder
        PathGen.Select(p => "../" + p),
        Gen.Int[0, FixedTargets.Length - 1].Select(i => FixedTargets[i]));

    private static readonly Gen<Entry> EntryGen = Gen.Frequency(
        (3, PathGen.Select(p => (Entry)new FileEntry(p))),
        (2, PathGen.Select(p => (Entry)new FolderEntry(p))),
        (1, PathGen.Select(p => (Entry)new PipeEntry(p))),
        (4, Gen.Select(PathGen, TargetGen, (p, t) => (Entry)new LinkEntry(p, t))));

    [Fact]
    public void Random_trees_give_only_regular_files_inside_the_root_and_never_read_outside()
    {
        var sample = 0;
        EntryGen.Array[1, 12].Sample(entries =>
        {
            var folder = Path.Combine(_base, (sample++).ToString(System.Globalization.CultureInfo.InvariantCulture));
            var (rootPath, outside) = (Path.Combine(folder, "root"), Path.Combine(folder, "outside"));
            Build(entries, rootPath, outside);
            var description = string.Join("; ", entries.Select(e => e.ToString()));
            HangGuard.Run(() =>
            {
                var root = new InputRoot(rootPath, "root");
                var realRoot = InputRoot.RealPath(rootPath).Path;
                var warnings = new List<Diagnostic>();
                foreach (var file in root.Enumerate("", warnings))
                    AssertInside(file, realRoot, description);
                foreach (var path in AllPaths())
                {
                    var found = root.Resolve(path, 1 << 20);
                    if (found.File is { } file) AssertInside(file, realRoot, description);
                    else Assert.NotEqual(InputProblem.None, found.Problem);
                    Assert.DoesNotContain(folder, found.Message);
                }
                Assert.All(warnings, w => Assert.DoesNotContain(folder, w.ToString()));
                return 0;
            }, description);
            Directory.Delete(folder, recursive: true);
        }, iter: 300, threads: 1);
    }

    private static void AssertInside(CheckedFile file, string realRoot, string description)
    {
        Assert.True(file.RealPath.StartsWith(realRoot + Path.DirectorySeparatorChar, StringComparison.Ordinal), $"{file.RealPath} listed for {description}");
        Assert.Equal(EntryKind.RegularFile, FileStatus.Of(file.RealPath).Kind);
        Assert.DoesNotContain(Secret, File.ReadAllText(file.RealPath));
    }

    private static IEnumerable<string> AllPaths() =>
        from a in Names
        from tail in new[] { "", "/a", "/b", "/c", "/a/b", "/c/a" }
        select a + tail;

    private static void Build(IEnumerable<Entry> entries, string root, string outside)
    {
        Directory.CreateDirectory(root);
        Directory.CreateDirectory(Path.Combine(outside, "d"));
        File.WriteAllText(Path.Combine(outside, "f"), Secret);
        File.WriteAllText(Path.Combine(outside, "d", "a"), Secret);
        foreach (var entry in entries)
        {
            var full = Path.Combine(root, entry.Path);
            // Never create through a link: that could write anywhere (a link to /nonexistent, to "../..").
            var parts = entry.Path.Split('/');
            if (Enumerable.Range(1, parts.Length - 1).Any(i => new FileInfo(Path.Combine(root, string.Join('/', parts[..i]))).LinkTarget is not null))
                continue;
            try
            {
                Directory.CreateDirectory(Path.GetDirectoryName(full)!);
                if (Path.Exists(full) || new FileInfo(full).LinkTarget is not null) continue;
                switch (entry)
                {
                    case FileEntry: File.WriteAllText(full, "inside"); break;
                    case FolderEntry: Directory.CreateDirectory(full); break;
                    case PipeEntry: Assert.Equal(0, MakeFifo(full, Convert.ToUInt32("644", 8))); break;
                    case LinkEntry link:
                        File.CreateSymbolicLink(full, link.Target.Replace("{outside}", outside, StringComparison.Ordinal).Replace("{root}", root, StringComparison.Ordinal));
                        break;
                }
            }
            catch (IOException) { }   // a part of the path is a file, a pipe or a link to one: the entry cannot be made
            catch (UnauthorizedAccessException) { }
        }
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "mkfifo", SetLastError = true)]
    private static extern int MakeFifo(string path, uint mode);
}
