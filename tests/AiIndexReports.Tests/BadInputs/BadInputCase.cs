using System.Text;

namespace AiIndexReports.Tests.BadInputs;

/// <summary>
/// One folder of the bad-input corpus (BadInputs/cases/&lt;name&gt;/): broken files at their repo-relative paths, plus
/// expect.txt with lines "about: …", "run: &lt;command and options&gt;", "exit: N", "expect: &lt;text the output must contain&gt;"
/// (repeatable), "generate: …" (files too big to commit, made at test time; see <see cref="Generate"/>) and
/// "env: NAME=VALUE" (an environment variable set for the run, repeatable) and "stdout: full" (standard output fails
/// like a full disk, as `aiindex … > /dev/full` does) and "absent: &lt;text the output must not contain&gt;" (repeatable).
/// </summary>
public sealed record BadInputCase(string Name, string Folder, string About, IReadOnlyList<string> Args, int Exit,
    IReadOnlyList<string> Expect, IReadOnlyList<string> Generators, IReadOnlyDictionary<string, string> Environment, bool StdoutFull)
{
    /// <summary>Texts the output must not contain ("absent:" lines).</summary>
    public IReadOnlyList<string> Absent { get; init; } = [];

    public const string ExpectFile = "expect.txt";

    public static string CorpusRoot => Path.Combine(TestRepo.Root, "tests", "AiIndexReports.Tests", "BadInputs", "cases");

    public static IReadOnlyList<BadInputCase> All() =>
        Directory.GetDirectories(CorpusRoot).Order(StringComparer.Ordinal).Select(Read).ToList();

    public static BadInputCase Read(string folder)
    {
        string? about = null, run = null;
        int? exit = null;
        var expect = new List<string>();
        var absent = new List<string>();
        var generate = new List<string>();
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        var stdoutFull = false;
        foreach (var line in File.ReadAllLines(Path.Combine(folder, ExpectFile)))
        {
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var colon = line.IndexOf(": ", StringComparison.Ordinal);
            if (colon < 0) throw new FormatException($"{folder}/{ExpectFile}: expected 'key: value', found '{line}'");
            var (key, value) = (line[..colon], line[(colon + 2)..]);
            switch (key)
            {
                case "about": about = value; break;
                case "run": run = value; break;
                case "exit": exit = int.Parse(value, System.Globalization.CultureInfo.InvariantCulture); break;
                case "expect": expect.Add(value); break;
                case "absent": absent.Add(value); break;
                case "generate": generate.Add(value); break;
                case "stdout": stdoutFull = value == "full" ? true : throw new FormatException($"{folder}/{ExpectFile}: stdout: expects 'full'"); break;
                case "env": environment[value[..value.IndexOf('=')]] = value[(value.IndexOf('=') + 1)..]; break;
                default: throw new FormatException($"{folder}/{ExpectFile}: unknown key '{key}'");
            }
        }
        var name = Path.GetFileName(folder);
        if (about is null || run is null || exit is null || expect.Count == 0)
            throw new FormatException($"{name}/{ExpectFile}: needs about, run, exit and at least one expect line");
        return new BadInputCase(name, folder, about, run.Split(' ', StringSplitOptions.RemoveEmptyEntries), exit.Value, expect, generate, environment, stdoutFull) { Absent = absent };
    }

    /// <summary>The case's files (expect.txt excluded), repo-relative with forward slashes.</summary>
    public IEnumerable<string> Files =>
        Directory.GetFiles(Folder, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Folder, f).Replace('\\', '/'))
            .Where(f => f != ExpectFile)
            .Order(StringComparer.Ordinal);

    /// <summary>
    /// A folder beside the repository copy (outside it) that "symlink" generators may point into with {outside}: it
    /// holds files whose every line is <see cref="OutsideSecret"/>, which no output of the run may show.
    /// </summary>
    public static string OutsideFolder(string repoCopy) => repoCopy + "-outside";

    public const string OutsideSecret = "SECRET-OUTSIDE-CONTENT";

    /// <summary>
    /// Copies the case's files over a repository view (<see cref="TestRepo.ShareTree"/>), then runs its generators
    /// there. A shared file is replaced or unshared first, never written through.
    /// </summary>
    public void Apply(string repoCopy)
    {
        if (Generators.Any(g => g.Contains("{outside}", StringComparison.Ordinal)))
        {
            var outside = OutsideFolder(repoCopy);
            Directory.CreateDirectory(Path.Combine(outside, "folder"));
            Directory.CreateDirectory(Path.Combine(outside, "empty"));
            Directory.CreateDirectory(Path.Combine(outside, "folder", "2025"));
            foreach (var name in new[] { "secret.md.sbn", "secret.csv", "secret.toml", "secret.ttf", "folder/secret.md.sbn", "folder/indicators.csv", "folder/edition.toml", "folder/2025/edition.toml" })
                File.WriteAllText(Path.Combine(outside, name), $"{OutsideSecret},{OutsideSecret}\n{OutsideSecret}\n");
        }
        foreach (var file in Files)
        {
            var target = Path.Combine(repoCopy, file);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            if (File.Exists(target)) File.Delete(target);
            File.Copy(Path.Combine(Folder, file), target);
        }
        foreach (var generator in Generators) Generate(repoCopy, generator);
    }

    /// <summary>
    /// "random PATH BYTES": PATH becomes BYTES seeded random bytes.
    /// "truncate PATH BYTES": the repository's file at PATH is cut after BYTES bytes.
    /// "cell PATH ROW COLUMN LENGTH TEXT": in the (UTF-8, unquoted) CSV at PATH, the cell at 0-based ROW (0 = header) and
    /// COLUMN becomes TEXT repeated until it is LENGTH characters long.
    /// "fill PATH MARKER LENGTH TEXT": in the case's file at PATH, MARKER becomes TEXT repeated until it is LENGTH characters
    /// long (in TEXT, \s stands for a space).
    /// "symlink PATH TARGET": PATH (replaced if present) becomes a symbolic link to TARGET, written as given; {outside} in
    /// TARGET is <see cref="OutsideFolder"/>.
    /// "fifo PATH": PATH (replaced if present) becomes a named pipe with no writer: opening it for reading would block forever.
    /// "zero-table PATH TAG": in the font at PATH, the bytes of the table TAG (e.g. glyf, loca) become zeros: the font still
    /// loads and shapes, and draws nothing.
    /// </summary>
    private static void Generate(string repoCopy, string generator)
    {
        var parts = generator.Split(' ');
        var path = Path.Combine(repoCopy, parts[1]);
        if (parts[0] is "symlink" or "fifo")
        {
            if (File.Exists(path) || new FileInfo(path).LinkTarget is not null) File.Delete(path);
            else if (Directory.Exists(path)) Directory.Delete(path, recursive: true);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            if (parts[0] == "symlink") File.CreateSymbolicLink(path, parts[2].Replace("{outside}", OutsideFolder(repoCopy), StringComparison.Ordinal));
            else if (MakeFifo(path, Convert.ToUInt32("644", 8)) != 0) throw new IOException($"mkfifo {path} failed");
            return;
        }
        TestRepo.Unshare(path);
        switch (parts[0])
        {
            case "random":
                var bytes = new byte[long.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture)];
                new Random(20250224).NextBytes(bytes);
                File.WriteAllBytes(path, bytes);
                break;
            case "truncate":
                var kept = File.ReadAllBytes(path)[..int.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture)];
                File.WriteAllBytes(path, kept);
                break;
            case "cell":
                var lines = File.ReadAllText(path, Encoding.UTF8).Split('\n');
                var (row, column, length) = (int.Parse(parts[2]), int.Parse(parts[3]), int.Parse(parts[4]));
                var cells = lines[row].Split(',');
                cells[column] = new StringBuilder(length).Insert(0, parts[5], length / parts[5].Length).ToString();
                lines[row] = string.Join(',', cells);
                File.WriteAllText(path, string.Join('\n', lines), new UTF8Encoding(false));
                break;
            case "fill":
                var unit = parts[4].Replace("\\s", " ", StringComparison.Ordinal);
                var filler = new StringBuilder(int.Parse(parts[3])).Insert(0, unit, int.Parse(parts[3]) / unit.Length).ToString();
                File.WriteAllText(path, File.ReadAllText(path, Encoding.UTF8).Replace(parts[2], filler, StringComparison.Ordinal), new UTF8Encoding(false));
                break;
            case "zero-table":
                var font = File.ReadAllBytes(path);
                var tables = System.Buffers.Binary.BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(4));
                for (var i = 0; i < tables; i++)
                {
                    var record = font.AsSpan(12 + 16 * i, 16);
                    if (Encoding.ASCII.GetString(record[..4]) != parts[2]) continue;
                    var (offset, size) = (System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(record[8..]), System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(record[12..]));
                    font.AsSpan(offset, size).Clear();
                }
                File.WriteAllBytes(path, font);
                break;
            default:
                throw new FormatException($"unknown generator '{generator}'");
        }
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "mkfifo", SetLastError = true)]
    private static extern int MakeFifo(string path, uint mode);

    public override string ToString() => Name;
}
