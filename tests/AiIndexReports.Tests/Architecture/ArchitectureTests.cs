using ArchUnitNET.Domain;
using ArchUnitNET.Loader;
using ArchUnitNET.xUnit;
using static ArchUnitNET.Fluent.ArchRuleDefinition;

namespace AiIndexReports.Tests.Architecture;

/// <summary>
/// docs/ARCHITECTURE.md's stage table, enforced on the compiled assemblies: a stage uses only the stages its row
/// allows, the shared kernel uses no stage, and no two stages depend on each other in a cycle.
/// </summary>
public class ArchitectureTests
{
    private sealed record Stage(string Name, string Namespace, IReadOnlyList<string> MayUse);

    private static readonly ArchUnitNET.Domain.Architecture Code = new ArchLoader().LoadAssemblies(
        typeof(AiIndexReports.Data.DatasetLoader).Assembly, typeof(AiIndexReports.Typesetting.Typesetter).Assembly, System.Reflection.Assembly.Load("aiindex")).Build();

    private static readonly IReadOnlyList<Stage> Stages = ReadStages();

    /// <summary>The rows between the markers of docs/ARCHITECTURE.md: | stage | `namespace` | entry | may use |.</summary>
    private static IReadOnlyList<Stage> ReadStages()
    {
        var lines = File.ReadAllLines(Path.Combine(TestRepo.Root, "docs", "ARCHITECTURE.md"));
        var start = Array.FindIndex(lines, l => l.StartsWith("<!-- stages:", StringComparison.Ordinal));
        var end = Array.FindIndex(lines, l => l.StartsWith("<!-- end of stages", StringComparison.Ordinal));
        return lines[(start + 3)..end].Select(line =>
        {
            var cells = line.Split('|', StringSplitOptions.TrimEntries)[1..^1];
            var uses = cells[3] == "—" ? [] : cells[3].Split(',', StringSplitOptions.TrimEntries);
            return new Stage(cells[0], cells[1].Trim('`'), uses);
        }).ToList();
    }

    private static string InNamespace(string ns) => "^" + System.Text.RegularExpressions.Regex.Escape(ns) + @"(\..+)?$";

    public static TheoryData<string> StageNames() => new(Stages.Select(s => s.Name));

    [Fact]
    public void The_table_names_every_stage_once_and_only_known_stages()
    {
        Assert.Equal(["Config", "Data", "Metrics", "Charts", "Text", "Briefs", "Pipeline", "Editions", "Cli", "Typesetting"], Stages.Select(s => s.Name));
        Assert.All(Stages.SelectMany(s => s.MayUse), used => Assert.Contains(used, Stages.Select(s => s.Name)));
    }

    [Theory]
    [MemberData(nameof(StageNames))]
    public void A_stage_uses_only_the_stages_its_row_allows(string name)
    {
        var stage = Stages.Single(s => s.Name == name);
        foreach (var other in Stages.Where(s => s != stage && !stage.MayUse.Contains(s.Name)))
            Types().That().ResideInNamespaceMatching(InNamespace(stage.Namespace))
                .Should().NotDependOnAny(Types().That().ResideInNamespaceMatching(InNamespace(other.Namespace)))
                .Because($"docs/ARCHITECTURE.md: {stage.Name} may use {(stage.MayUse.Count == 0 ? "no stage" : string.Join(", ", stage.MayUse))}, not {other.Name}")
                .Check(Code);
    }

    [Fact]
    public void The_kernel_uses_no_stage()
    {
        foreach (var stage in Stages)
            Types().That().ResideInNamespace("AiIndexReports")
                .Should().NotDependOnAny(Types().That().ResideInNamespaceMatching(InNamespace(stage.Namespace)))
                .Because("the root namespace is the kernel every stage shares")
                .Check(Code);
    }

    /// <summary>
    /// The code's arrows are a subset of the table's (the theory above), so the table being acyclic means the stages are.
    /// </summary>
    [Fact]
    public void The_allowed_arrows_form_no_cycle()
    {
        var done = new HashSet<string>();
        var path = new List<string>();
        void Visit(string name)
        {
            if (done.Contains(name)) return;
            Assert.False(path.Contains(name), "cycle: " + string.Join(" → ", path.SkipWhile(p => p != name).Append(name)));
            path.Add(name);
            foreach (var used in Stages.Single(s => s.Name == name).MayUse) Visit(used);
            path.RemoveAt(path.Count - 1);
            done.Add(name);
        }
        foreach (var stage in Stages) Visit(stage.Name);
    }

    [Fact]
    public void A_forbidden_arrow_is_caught()
    {
        // The rule itself must be able to fail: Pipeline does use Briefs, so forbidding it must report a violation.
        var rule = Types().That().ResideInNamespaceMatching(InNamespace("AiIndexReports.Pipeline"))
            .Should().NotDependOnAny(Types().That().ResideInNamespaceMatching(InNamespace("AiIndexReports.Briefs")));
        Assert.False(rule.HasNoViolations(Code));
    }
}
