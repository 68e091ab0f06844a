using AiIndexReports.Config;

namespace AiIndexReports.Data.Catalog;

/// <summary>
/// data/names.toml: the Korean names a brief prints for institutions and models that the source data spells in English
/// ("LG AI Research" → "LG AI연구원", "EXAONE 3.5 32B" → "엑사원 3.5 32B"). Editors extend the file; a name it lacks is
/// printed as the data spells it, and `check` warns about the Korean ones.
/// </summary>
public sealed class NameTable
{
    public const string FileName = "names.toml";
    public const string RepoPath = "data/" + FileName;

    private static readonly TomlTableSchema Entry = new(
        new TomlKey("name", TomlType.Text, Required: true, Help: "the name as the source data writes it"),
        new TomlKey("korean", TomlType.Text, Required: true, Help: "the Korean name the brief prints"));

    private static readonly TomlTableSchema Schema = new(
        new TomlKey("organization", TomlType.TableArray, Help: "an institution: one name of Epoch AI's Organization column (a comma-separated list)", Schema: Entry),
        new TomlKey("model", TomlType.TableArray, Help: "the first words of a model name (\"EXAONE\" also names \"EXAONE 3.5 32B\")", Schema: Entry),
        new TomlKey("benchmark", TomlType.TableArray, Help: "a benchmark of Epoch AI's price tables: its short name and the family it is grouped under", Schema: new(
            new TomlKey("name", TomlType.Text, Required: true, Help: "the benchmark as the data writes it, e.g. \"LMSys Chatbot Arena ELO\""),
            new TomlKey("korean", TomlType.Text, Required: true, Help: "its short name in the brief, e.g. \"챗봇 아레나\""),
            new TomlKey("family", TomlType.Text, Required: true, Help: "the group it is shown under, e.g. \"수학(MATH)\""))));

    private readonly Dictionary<string, string> _organizations;
    private readonly List<(string Prefix, string Korean)> _models;
    private readonly Dictionary<string, (string Korean, string Family)> _benchmarks;

    private NameTable(Dictionary<string, string> organizations, List<(string, string)> models, Dictionary<string, (string, string)> benchmarks)
    {
        _organizations = organizations;
        _models = models;
        _benchmarks = benchmarks;
    }

    public static NameTable Empty { get; } = new(new(StringComparer.Ordinal), [], new(StringComparer.Ordinal));

    /// <summary>A benchmark's short name and family in the brief; the name as written (its own family) when the table lacks it.</summary>
    public (string Korean, string Family) Benchmark(string name) =>
        _benchmarks.TryGetValue(name.Trim(), out var b) ? b : (name, name);

    /// <summary>The Korean name of one institution, or null when the table has none.</summary>
    public string? Organization(string name) => _organizations.GetValueOrDefault(name.Trim());

    /// <summary>"Korea University, KAIST, LG" → "고려대학교·KAIST·LG": each institution by its Korean name where the table has one.</summary>
    public string Organizations(string list) =>
        string.Join("·", Split(list).Select(o => Organization(o) ?? o));

    /// <summary>The institutions of a list that have no Korean name in the table.</summary>
    public IEnumerable<string> Unnamed(string list) => Split(list).Where(o => Organization(o) is null);

    /// <summary>"EXAONE 3.5 32B" → "엑사원 3.5 32B": the longest listed first words replaced; the name as written otherwise.</summary>
    public string Model(string name)
    {
        foreach (var (prefix, korean) in _models.OrderByDescending(m => m.Prefix.Length))
            if (name.StartsWith(prefix, StringComparison.Ordinal) && (name.Length == prefix.Length || name[prefix.Length] is ' ' or '-'))
                return korean + name[prefix.Length..];
        return name;
    }

    private static IEnumerable<string> Split(string list) =>
        list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal);

    /// <summary>Reads data/names.toml; a repository without it gets <see cref="Empty"/> (every name as the data writes it).</summary>
    public static NameTable Read(string repoRoot, List<Diagnostic> diagnostics)
    {
        if (!File.Exists(Path.Combine(repoRoot, "data", FileName))) return Empty;
        var errors = new List<Diagnostic>();
        var root = TomlConfigReader.Read(repoRoot, RepoPath, Schema, errors);
        if (root is null || errors.Count > 0)
        {
            diagnostics.AddRange(errors);
            return Empty;
        }
        var organizations = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var o in root.Tables("organization"))
            if (!organizations.TryAdd(o.Text("name")!.Trim(), o.Text("korean")!))
                errors.Add(new Diagnostic(o.WhereIs("name"), $"organization \"{Echo.Clip(o.Text("name")!)}\" is listed twice"));
        var models = new List<(string, string)>();
        foreach (var m in root.Tables("model"))
        {
            var name = m.Text("name")!.Trim();
            if (models.Any(x => x.Item1 == name)) errors.Add(new Diagnostic(m.WhereIs("name"), $"model \"{Echo.Clip(name)}\" is listed twice"));
            else models.Add((name, m.Text("korean")!));
        }
        var benchmarks = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        foreach (var b in root.Tables("benchmark"))
            if (!benchmarks.TryAdd(b.Text("name")!.Trim(), (b.Text("korean")!, b.Text("family")!)))
                errors.Add(new Diagnostic(b.WhereIs("name"), $"benchmark \"{Echo.Clip(b.Text("name")!)}\" is listed twice"));
        diagnostics.AddRange(errors);
        return errors.Count > 0 ? Empty : new NameTable(organizations, models, benchmarks);
    }
}
