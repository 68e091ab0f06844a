using AiIndexReports.Config;
using AiIndexReports.Pipeline;
using Spectre.Console.Cli;

namespace AiIndexReports.Cli.Preview;

/// <summary>
/// `aiindex preview` (= `watch --serve`): the watcher's rebuilds, shown live in the browser. Prints the address, builds
/// once (everything, so every page is there), then rebuilds on every saved change until Ctrl+C.
/// </summary>
internal sealed class PreviewCommand : Command<PreviewSettings>
{
    public override int Execute(CommandContext context, PreviewSettings settings, CancellationToken cancellation) =>
        Serve(Program.RepoRoot(settings), settings.Request(SourceDateEpoch.FromEnvironment()), settings.Port, cancellation);

    /// <summary>Starts the server, then runs the watcher with it listening; stops the server when the watcher ends.</summary>
    public static int Serve(string root, BuildRequest request, int port, CancellationToken cancellation)
    {
        var state = new PreviewState(root);
        var server = PreviewServer.StartAsync(state, port).GetAwaiter().GetResult();
        try
        {
            Console.WriteLine($"preview: {server.Url} (open it in a browser; Ctrl+C stops)");
            // Ctrl+C reaches both; SIGTERM only the web host, which then stops the watcher too.
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation, server.Stopping);
            return new Watcher(root, request, state).Run(stop.Token);
        }
        finally
        {
            server.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }
}
