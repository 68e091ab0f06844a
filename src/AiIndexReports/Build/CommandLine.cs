using System.Globalization;

namespace AiIndexReports.Build;

public enum CommandKind { Build, Check, Metrics, Watch, Help, NewEdition, Coverage }

/// <summary>A command line that names something that does not exist (an edition, a brief): exit code 2, like a parse error.</summary>
public sealed class UsageException(string message) : Exception(message);

/// <summary>What the user asked for on the command line.</summary>
public sealed record CommandLineOptions
{
    public CommandKind Command { get; init; } = CommandKind.Build;
    public int? Edition { get; init; }
    public bool AllEditions { get; init; }
    public IReadOnlyList<string> Briefs { get; init; } = [];
    public int Jobs { get; init; } = Environment.ProcessorCount;
    public Shard Shard { get; init; } = Shard.All;
    public bool Force { get; init; }
    public bool Timings { get; init; }
    public bool Previews { get; init; }
    public bool Json { get; init; }
    public bool Strict { get; init; }
    public string? Root { get; init; }

    /// <summary>The year of `new-edition YEAR`.</summary>
    public int? NewEditionYear { get; init; }
}

/// <summary>
/// Parses "aiindex &lt;command&gt; [options]". Usage errors come back as text (the CLI prints them with the usage and
/// exits 2); they never throw.
/// </summary>
public static class CommandLine
{
    public const string Usage = """
        usage: aiindex <command> [options]

        commands:
          build     build briefs into output/ (default: every brief of the newest edition)
          check     load and validate an edition's data, manifest and templates without writing anything
          metrics   print an edition's metrics (the variables templates can use); --json for JSON
          watch     rebuild a brief and its PNG previews whenever a template, theme, manifest or data file changes
          new-edition YEAR  write data/YEAR/edition.toml from the newest edition and say what to add next
          coverage  print what each section, paragraph, table, figure and headline of an edition's briefs uses (or omits, and why)

        options:
          --edition N       AI Index edition to use (default: newest folder in data/)
          --all-editions    every edition in data/ (build)
          --brief ID        only this brief (repeatable)
          --jobs N          briefs built in parallel (default: number of cores)
          --shard k/n       build the k-th of n deterministic slices of the brief list (CI matrices)
          --force           rebuild even when inputs did not change
          --previews        also write PNG previews of every page
          --timings         print per-stage timings
          --json            metrics as JSON
          --strict          unknown indicator names, units and release dates are errors, not warnings (check, build, coverage)
          --root DIR        repository root (default: found from the current directory)
        """;

    public static bool TryParse(IReadOnlyList<string> args, out CommandLineOptions options, out string error)
    {
        options = new CommandLineOptions();
        error = "";
        var i = 0;
        if (args.Count > 0 && !args[0].StartsWith('-'))
        {
            var command = args[0] switch
            {
                "build" => CommandKind.Build,
                "check" => CommandKind.Check,
                "metrics" => CommandKind.Metrics,
                "watch" => CommandKind.Watch,
                "help" => CommandKind.Help,
                "new-edition" => CommandKind.NewEdition,
                "coverage" => CommandKind.Coverage,
                _ => (CommandKind?)null,
            };
            if (command is null)
            {
                error = $"unknown command '{args[0]}' (expected build, check, metrics, watch, new-edition or coverage)";
                return false;
            }
            options = options with { Command = command.Value };
            i = 1;
            if (command == CommandKind.NewEdition)
            {
                if (args.Count < 2 || !int.TryParse(args[1], NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year < 2000 || year > 2100)
                {
                    error = $"new-edition expects a year such as 2026, found {(args.Count < 2 ? "nothing" : $"'{args[1]}'")}";
                    return false;
                }
                options = options with { NewEditionYear = year };
                i = 2;
            }
        }

        var briefs = new List<string>();
        var missingValue = "";
        for (; i < args.Count; i++)
        {
            var arg = args[i];
            string? Value()
            {
                if (i + 1 < args.Count) return args[++i];
                missingValue = $"{arg} needs a value";
                return null;
            }

            switch (arg)
            {
                case "-h" or "--help":
                    options = options with { Command = CommandKind.Help };
                    break;
                case "--edition":
                    if (Value() is not { } e) { error = missingValue; return false; }
                    if (!int.TryParse(e, NumberStyles.None, CultureInfo.InvariantCulture, out var edition) || edition < 2000 || edition > 2100)
                    {
                        error = $"--edition expects a year such as 2025, found '{e}'";
                        return false;
                    }
                    options = options with { Edition = edition };
                    break;
                case "--all-editions":
                    options = options with { AllEditions = true };
                    break;
                case "--brief":
                    if (Value() is not { } b) { error = missingValue; return false; }
                    briefs.Add(b);
                    break;
                case "--jobs":
                    if (Value() is not { } j) { error = missingValue; return false; }
                    if (!int.TryParse(j, NumberStyles.None, CultureInfo.InvariantCulture, out var jobs) || jobs < 1 || jobs > 64)
                    {
                        error = $"--jobs expects a number from 1 to 64, found '{j}'";
                        return false;
                    }
                    options = options with { Jobs = jobs };
                    break;
                case "--shard":
                    if (Value() is not { } s) { error = missingValue; return false; }
                    if (!Shard.TryParse(s, out var shard, out error)) return false;
                    options = options with { Shard = shard };
                    break;
                case "--force":
                    options = options with { Force = true };
                    break;
                case "--timings":
                    options = options with { Timings = true };
                    break;
                case "--previews":
                    options = options with { Previews = true };
                    break;
                case "--json":
                    options = options with { Json = true };
                    break;
                case "--strict":
                    options = options with { Strict = true };
                    break;
                case "--root":
                    if (Value() is not { } r) { error = missingValue; return false; }
                    options = options with { Root = r };
                    break;
                default:
                    error = $"unknown option '{arg}'";
                    return false;
            }
        }

        if (options.Edition is not null && options.AllEditions)
        {
            error = "--edition and --all-editions cannot be used together";
            return false;
        }
        options = options with { Briefs = briefs };
        return true;
    }
}
