using AiIndexReports.Data;
using AiIndexReports.Editions;
using AiIndexReports.Pipeline;
using Spectre.Console.Cli;

namespace AiIndexReports.Cli;

/// <summary>`aiindex new-edition YEAR`: writes data/YEAR/edition.toml from the newest edition and says what to add next.</summary>
internal sealed class NewEditionCommand : Command<NewEditionSettings>
{
    public override int Execute(CommandContext context, NewEditionSettings settings, CancellationToken cancellation)
    {
        var result = EditionScaffolder.Scaffold(Program.RepoRoot(settings), settings.Year!.Value);
        foreach (var fact in result.Facts) Console.WriteLine(fact);
        foreach (var warning in result.Warnings) Console.WriteLine($"{result.EditionFile}: warning: {warning}");
        Console.WriteLine("next:");
        for (var i = 0; i < result.NextSteps.Count; i++) Console.WriteLine($"  {i + 1}. {result.NextSteps[i]}");
        return Program.Ok;
    }
}

/// <summary>`aiindex coverage --edition YEAR`: what every section, paragraph, table, figure and headline uses, or why it is left out.</summary>
internal sealed class CoverageCommand : Command<CoverageSettings>
{
    public override int Execute(CommandContext context, CoverageSettings settings, CancellationToken cancellation)
    {
        var root = Program.RepoRoot(settings);
        var available = new DatasetLoader().AvailableEditions(root);
        var edition = settings.Edition ?? available.DefaultIfEmpty().Max();
        if (!available.Contains(edition))
            throw new InvalidRequestException($"no such edition in data/ (available: {string.Join(", ", available)})", "edition", edition.ToString(System.Globalization.CultureInfo.InvariantCulture));
        foreach (var line in CoverageReport.Lines(edition, CoverageReport.Of(root, edition, settings.Strict)))
            Console.WriteLine(line);
        return Program.Ok;
    }
}
