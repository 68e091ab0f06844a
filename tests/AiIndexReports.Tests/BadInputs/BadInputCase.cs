using System.Text;

namespace AiIndexReports.Tests.BadInputs;

/// <summary>
/// One folder of the bad-input corpus (BadInputs/cases/&lt;name&gt;/): broken files at their repo-relative paths, plus
/// expect.txt with lines "about: …", "run: &lt;command and options&gt;", "exit: N", "expect: &lt;text the output must contain&gt;"
/// (repeatable), "generate: …" (files too big to commit, made at test time; see <see cref="Generate"/>) and
/// "env: NAME=VALUE" (an environment variable set for the run, repeatable) and "stdout: full" (standard output fails
/// like a full disk, as `aiindex … > /dev/full` does).
/// </summary>
public sealed record BadInputCase(string Name, string Folder, string About, IReadOnlyList<string> Args, int Exit,
    IReadOnlyList<string> Expect, IReadOnlyList<string> Generators, IReadOnlyDictionary<string, string> Environment, bool StdoutFull)
{
    public const string ExpectFile = "expect.txt";

    public static string CorpusRoot => Path.Combine(TestRepo.Root, "tests", "AiIndexReports.Tests", "BadInputs", "cases");

    public static IReadOnlyList<BadInputCase> All() =>
        Directory.GetDirectories(CorpusRoot).Order(StringComparer.Ordinal).Select(Read).ToList();

    public static BadInputCase Read(string folder)
    {
        string? about = null, run = null;
        int? exit = null;
        var expect = new List<string>();
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
                case "generate": generate.Add(value); break;
                case "stdout": stdoutFull = value == "full" ? true : throw new FormatException($"{folder}/{ExpectFile}: stdout: expects 'full'"); break;
                case "env": environment[value[..value.IndexOf('=')]] = value[(value.IndexOf('=') + 1)..]; break;
                default: throw new FormatException($"{folder}/{ExpectFile}: unknown key '{key}'");
            }
        }
        var name = Path.GetFileName(folder);
        if (about is null || run is null || exit is null || expect.Count == 0)
            throw new FormatException($"{name}/{ExpectFile}: needs about, run, exit and at least one expect line");
        return new BadInputCase(name, folder, about, run.Split(' ', StringSplitOptions.RemoveEmptyEntries), exit.Value, expect, generate, environment, stdoutFull);
    }

    /// <summary>The case's files (expect.txt excluded), repo-relative with forward slashes.</summary>
    public IEnumerable<string> Files =>
        Directory.GetFiles(Folder, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Folder, f).Replace('\\', '/'))
            .Where(f => f != ExpectFile)
            .Order(StringComparer.Ordinal);

    /// <summary>
    /// Copies the case's files over a repository view (<see cref="TestRepo.ShareTree"/>), then runs its generators
    /// there. A shared file is replaced or unshared first, never written through.
    /// </summary>
    public void Apply(string repoCopy)
    {
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
    /// "fill PATH MARKER LENGTH TEXT": in the case's file at PATH, MARKER becomes TEXT repeated until it is LENGTH characters long.
    /// </summary>
    private static void Generate(string repoCopy, string generator)
    {
        var parts = generator.Split(' ');
        var path = Path.Combine(repoCopy, parts[1]);
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
                var filler = new StringBuilder(int.Parse(parts[3])).Insert(0, parts[4], int.Parse(parts[3]) / parts[4].Length).ToString();
                File.WriteAllText(path, File.ReadAllText(path, Encoding.UTF8).Replace(parts[2], filler, StringComparison.Ordinal), new UTF8Encoding(false));
                break;
            default:
                throw new FormatException($"unknown generator '{generator}'");
        }
    }

    public override string ToString() => Name;
}
