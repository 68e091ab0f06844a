using AiIndexReports.Config;
using AiIndexReports.Data;
using AiIndexReports.Editions;
using AiIndexReports.Pipeline;
using Spectre.Console.Cli;

namespace AiIndexReports.Cli;

/// <summary>`aiindex check`: loads and validates an edition's data, the manifest, the theme and the templates; writes nothing.</summary>
internal sealed class CheckCommand : Command<CheckSettings>
{
    public override int Execute(CommandContext context, CheckSettings settings, CancellationToken cancellation)
    {
        var root = Program.RepoRoot(settings);
        var loader = new DatasetLoader();
        var diagnostics = loader.Check(root, settings.Edition, settings.Strict).ToList();
        var edition = settings.Edition ?? loader.AvailableEditions(root).DefaultIfEmpty().Max();
        if (diagnostics.All(d => d.Severity != Severity.Error))
        {
            var manifest = BriefManifest.Load(root);
            _ = Briefs.BriefTheme.Load(root);
            using var builder = new BriefBuilder(root, new BuildSettings { Strict = settings.Strict });
            foreach (var job in builder.Plan(manifest, new BuildRequest { Edition = edition, Briefs = settings.Briefs }))
                builder.CheckTemplates(job);
            // What each brief leaves out or replaces for lack of data, as `coverage` prints it.
            diagnostics.AddRange(CoverageReport.Warnings(CoverageReport.Of(root, edition, settings.Strict)));
        }
        Report.Errors(diagnostics);
        if (diagnostics.Any(d => d.Severity == Severity.Error)) return Program.Failed;
        Console.WriteLine($"check: edition {edition} OK: data, manifest, theme and templates ({diagnostics.Count} warnings)");
        return Program.Ok;
    }
}
