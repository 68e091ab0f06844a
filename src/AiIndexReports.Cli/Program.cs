using System.Diagnostics.CodeAnalysis;
using AiIndexReports.Config;
using Spectre.Console;
using Spectre.Console.Cli;

namespace AiIndexReports.Cli;

/// <summary>
/// aiindex build | check | metrics | watch | preview | new-edition | coverage | help. Exit codes: 0 success, 1 a build or check failed, 2 usage error
/// (an unknown command or option, a value out of range, an edition or brief that does not exist, a malformed
/// SOURCE_DATE_EPOCH), 70 an internal error (a bug: one line, the stack trace only with --verbose).
/// </summary>
internal static class Program
{
    public const int Ok = 0, Failed = 1, Usage = 2, InternalError = 70;

    private static int Main(string[] args)
    {
        ToolCulture.UseForProcess();
        try
        {
            using (Trace.Span("main"))
                return Run(args);
        }
        catch (Exception e)
        {
            // The last resort: whatever escaped every handler is a bug to report, not a stack trace to read.
            Console.Error.WriteLine($"aiindex: internal error: {Echo.Clip(e.Message.ReplaceLineEndings(" "))}; please report it with output/build-manifest.json");
            if (args.Contains("--verbose")) Console.Error.WriteLine(e);
            return InternalError;
        }
        finally
        {
            Trace.Flush();
        }
    }

    private static int Run(string[] args)
    {
        using var cancel = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true;   // finish cleanly: temp files removed, previous outputs untouched
            cancel.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        try
        {
            return App().Run(args, cancel.Token);
        }
        catch (CommandAppException e)
        {
            Console.Error.WriteLine("aiindex: " + UsageMessage(e));
            Console.Error.WriteLine("(aiindex help lists the commands; aiindex help <command> its options)");
            return Usage;
        }
        catch (InvalidRequestException e)
        {
            Console.Error.WriteLine("aiindex: " + (e.Field is null ? e.Message : $"--{e.Field} {e.Value}: {e.Message}"));
            return Usage;
        }
        catch (BuildFailedException e)
        {
            Report.Errors(e.Diagnostics);
            return Failed;
        }
        catch (OperationCanceledException)
        {
            Console.Error.WriteLine("aiindex: cancelled; previous outputs left as they were");
            return Failed;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }

    /// <summary>The commands, their settings and help; exceptions come back to <see cref="Run"/> to get their exit codes.</summary>
    /// <remarks>
    /// Native AOT: Spectre.Console.Cli binds settings by reflection. What it reflects on is kept whole (this assembly and
    /// Spectre.Console.Cli are trimmer roots, see the project file: every command and settings type with its constructors,
    /// properties and attributes), and what it would generate at run time is never reached: the options are only text,
    /// flags and text arrays (no converters of other types, no dictionaries, no branches). Every command and option is
    /// run in the native binary by .ci/run (.ci/native-check).
    /// </remarks>
    [UnconditionalSuppressMessage("AOT", "IL3050", Justification = "Settings are string, bool and string[] only; no branches: nothing generic is instantiated at run time (see remarks).")]
    public static CommandApp App()
    {
        var app = new CommandApp();
        app.SetDefaultCommand<BuildCommand>();
        app.Configure(config =>
        {
            config.SetApplicationName("aiindex");
            config.PropagateExceptions();
            config.SetInterceptor(new RunHeap.OneShotCommands());
            config.Settings.StrictParsing = true;   // an unknown option is a usage error, never silently ignored
            // Help goes to the process's current standard output (tests redirect it), never to a console cached earlier.
            config.Settings.Console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Out) });
            config.AddCommand<BuildCommand>("build")
                .WithDescription("build briefs into output/ (default: every brief of the newest edition)")
                .WithExample("build", "--edition", "2024", "--brief", "ai-index-brief")
                .WithExample("build", "--all-editions", "--shard", "2/3");
            config.AddCommand<CheckCommand>("check")
                .WithDescription("load and validate an edition's data, manifest, theme and templates without writing anything");
            config.AddCommand<MetricsCommand>("metrics")
                .WithDescription("print an edition's metrics (the variables templates can use); --json for JSON");
            config.AddCommand<WatchCommand>("watch")
                .WithDescription("rebuild briefs and their PNG previews whenever a template, theme, manifest or data file changes");
            config.AddCommand<Preview.PreviewCommand>("preview")
                .WithDescription("rebuild on every change and show the pages live in the browser (a server on 127.0.0.1), with errors where they happened and the template line behind each paragraph, table and figure")
                .WithExample("preview", "--brief", "ai-index-brief")
                .WithExample("preview", "--port", "8765");
            config.AddCommand<NewEditionCommand>("new-edition")
                .WithDescription("write data/YEAR/edition.toml from the newest edition and say what to add next")
                .WithExample("new-edition", "2026");
            config.AddCommand<CoverageCommand>("coverage")
                .WithDescription("print what each section, paragraph, table, figure and headline of an edition's briefs uses (or omits, and why)")
                .WithExample("coverage", "--edition", "2025");
            config.AddCommand<HelpCommand>("help").WithDescription("show the commands, or one command's options");
        });
        return app;
    }

    /// <summary>Spectre's parse and validation messages, without its markup.</summary>
    private static string UsageMessage(CommandAppException e) => Markup.Remove(e.Message).Trim();

    /// <summary>The repository a command works on: --root, or the first folder up from here with templates/briefs.toml and data/.</summary>
    public static string RepoRoot(GlobalSettings settings)
    {
        if (settings.Root is { } root) return Path.GetFullPath(root);
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, BriefManifest.DefaultPath)) && Directory.Exists(Path.Combine(dir.FullName, "data")))
                return dir.FullName;
        throw new InvalidRequestException("no repository found (a folder with templates/briefs.toml and data/) here or above; use --root DIR");
    }
}

/// <summary>`aiindex help [command]`: the generated help of the application or of one command.</summary>
internal sealed class HelpCommand : Command<HelpSettings>
{
    public override int Execute(CommandContext context, HelpSettings settings, CancellationToken cancellation) =>
        Program.App().Run(settings.Command is { } command ? [command, "--help"] : ["--help"], cancellation);
}
