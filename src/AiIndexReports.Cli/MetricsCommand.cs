using System.Globalization;
using AiIndexReports.Data;
using AiIndexReports.Metrics;
using Spectre.Console;
using Spectre.Console.Cli;

namespace AiIndexReports.Cli;

/// <summary>`aiindex metrics`: an edition's metrics, the variables templates read as metrics.&lt;id&gt;.value.</summary>
internal sealed class MetricsCommand : Command<MetricsSettings>
{
    public override int Execute(CommandContext context, MetricsSettings settings, CancellationToken cancellation)
    {
        var dataset = new DatasetLoader().Load(Program.RepoRoot(settings), settings.Edition);
        var metrics = new MetricsCalculator().Compute(dataset);
        if (settings.Json)
        {
            Console.Write(MetricsJson.Serialize(metrics));
            return Program.Ok;
        }
        var table = new Table().AddColumns("id", "value", "unit", "label");
        foreach (var m in metrics.All)
        {
            var value = !m.Available ? "(n/a) " + m.UnavailableReason
                : m.Number is { } n ? n.ToString("G6", CultureInfo.InvariantCulture)
                : m.Text ?? (m.Series is { } s ? $"series of {s.Count}" : m.Rows is { } rows ? $"{rows.Count} rows" : "");
            table.AddRow(Markup.Escape(m.Id), Markup.Escape(value), Markup.Escape(m.Unit), Markup.Escape(m.Label));
        }
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Out) });
        console.Profile.Width = Math.Max(console.Profile.Width, 160);
        console.Write(table);
        Console.WriteLine($"{metrics.All.Count()} metrics of edition {metrics.Edition}; templates read them as metrics.<id>.value");
        return Program.Ok;
    }
}
