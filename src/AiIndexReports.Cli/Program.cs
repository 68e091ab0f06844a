using System.Diagnostics;
using AiIndexReports;
using AiIndexReports.Build;
using AiIndexReports.Data;
using AiIndexReports.Metrics;
using Spectre.Console;

namespace AiIndexReports.Cli;

/// <summary>aiindex build | check | metrics | watch. Exit codes: 0 success, 1 a build or check failed, 2 usage error.</summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        if (!CommandLine.TryParse(args, out var options, out var usageError))
        {
            Console.Error.WriteLine("aiindex: " + usageError);
            Console.Error.WriteLine();
            Console.Error.WriteLine(CommandLine.Usage);
            return 2;
        }
        if (options.Command == CommandKind.Help)
        {
            Console.WriteLine(CommandLine.Usage);
            return 0;
        }

        var root = options.Root is { } r ? Path.GetFullPath(r) : FindRepoRoot(Directory.GetCurrentDirectory());
        if (root is null)
        {
            Console.Error.WriteLine("aiindex: no repository found (a folder with templates/briefs.toml and data/) here or above; use --root DIR");
            return 2;
        }

        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;   // finish cleanly: temp files removed, previous outputs untouched
            cancel.Cancel();
        };

        try
        {
            return options.Command switch
            {
                CommandKind.Check => Check(root, options),
                CommandKind.Metrics => PrintMetrics(root, options),
                CommandKind.NewEdition => NewEdition(root, options.NewEditionYear!.Value),
                CommandKind.Coverage => Coverage(root, options),
                CommandKind.Watch => new Watcher(root, options).Run(cancel.Token),
                _ => BuildCommand.Run(root, options, cancel.Token),
            };
        }
        catch (UsageException e)
        {
            Console.Error.WriteLine("aiindex: " + e.Message);
            return 2;
        }
        catch (BuildFailedException e)
        {
            Report.Errors(e.Diagnostics);
            return 1;
        }
        catch (OperationCanceledException)
        {
            Console.Error.WriteLine("aiindex: cancelled; previous outputs left as they were");
            return 1;
        }
    }

    private static string? FindRepoRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, BriefManifest.DefaultPath)) && Directory.Exists(Path.Combine(dir.FullName, "data")))
                return dir.FullName;
        return null;
    }

    /// <summary>Loads and validates data, manifest, theme and templates of an edition; writes nothing.</summary>
    private static int Check(string root, CommandLineOptions options)
    {
        var diagnostics = new DatasetLoader().Check(root, options.Edition, options.Strict).ToList();
        var errors = diagnostics.Where(d => d.Severity == Severity.Error).ToList();
        if (errors.Count == 0)
        {
            var manifest = BriefManifest.Load(root);
            _ = AiIndexReports.Briefs.BriefTheme.Load(root);
            using var builder = new BriefBuilder(root, new BuildSettings { Strict = options.Strict });
            var edition = options.Edition ?? new DatasetLoader().AvailableEditions(root).Max();
            foreach (var job in builder.Plan(manifest, options with { Briefs = options.Briefs, Edition = edition, AllEditions = false }))
                builder.CheckTemplates(job);
            // What each brief leaves out or replaces for lack of data, as `coverage` prints it.
            diagnostics.AddRange(AiIndexReports.Editions.CoverageReport.Warnings(AiIndexReports.Editions.CoverageReport.Of(root, edition, options.Strict)));
        }
        Report.Errors(diagnostics);
        if (errors.Count > 0) return 1;
        var checkedEdition = options.Edition ?? new DatasetLoader().AvailableEditions(root).Max();
        Console.WriteLine($"check: edition {checkedEdition} OK: data, manifest, theme and templates ({diagnostics.Count} warnings)");
        return 0;
    }

    /// <summary>`new-edition YEAR`: writes data/YEAR/edition.toml and says what to do next.</summary>
    private static int NewEdition(string root, int year)
    {
        var result = AiIndexReports.Editions.EditionScaffolder.Scaffold(root, year);
        foreach (var fact in result.Facts) Console.WriteLine(fact);
        foreach (var warning in result.Warnings) Console.WriteLine($"{result.EditionFile}: warning: {warning}");
        Console.WriteLine("next:");
        for (var i = 0; i < result.NextSteps.Count; i++) Console.WriteLine($"  {i + 1}. {result.NextSteps[i]}");
        return 0;
    }

    /// <summary>`coverage --edition YEAR`: what every section, paragraph, table, figure and headline uses, or why it is left out.</summary>
    private static int Coverage(string root, CommandLineOptions options)
    {
        var edition = options.Edition ?? new DatasetLoader().AvailableEditions(root).DefaultIfEmpty().Max();
        if (!new DatasetLoader().AvailableEditions(root).Contains(edition))
            throw new UsageException($"--edition {edition}: no such edition in data/ (available: {string.Join(", ", new DatasetLoader().AvailableEditions(root))})");
        foreach (var line in AiIndexReports.Editions.CoverageReport.Lines(edition, AiIndexReports.Editions.CoverageReport.Of(root, edition, options.Strict)))
            Console.WriteLine(line);
        return 0;
    }

    private static int PrintMetrics(string root, CommandLineOptions options)
    {
        var dataset = new DatasetLoader().Load(root, options.Edition);
        var metrics = new MetricsCalculator().Compute(dataset);
        if (options.Json)
        {
            Console.Write(MetricsJson.Serialize(metrics));
            return 0;
        }
        var table = new Table().AddColumns("id", "value", "unit", "label");
        foreach (var m in metrics.All)
        {
            var value = !m.Available ? "(n/a) " + m.UnavailableReason
                : m.Number is { } n ? n.ToString("G6", System.Globalization.CultureInfo.InvariantCulture)
                : m.Text ?? (m.Series is { } s ? $"series of {s.Count}" : m.Rows is { } rows ? $"{rows.Count} rows" : "");
            table.AddRow(Markup.Escape(m.Id), Markup.Escape(value), Markup.Escape(m.Unit), Markup.Escape(m.Label));
        }
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Out) });
        console.Profile.Width = Math.Max(console.Profile.Width, 160);
        console.Write(table);
        Console.WriteLine($"{metrics.All.Count()} metrics of edition {metrics.Edition}; templates read them as metrics.<id>.value");
        return 0;
    }
}
