using System.Collections.Concurrent;
using AiIndexReports.Config;
using AiIndexReports.Pipeline;
using Spectre.Console.Cli;

namespace AiIndexReports.Cli;

/// <summary>
/// `aiindex watch`: rebuilds (with PNG previews) whenever a file under templates/ or data/ changes, debounced, and
/// keeps running after an error — the error is printed with its location and the last good output stays.
/// Between rebuilds it keeps the loaded data, metrics, figures and fonts unless a change touched them, so a
/// template edit rebuilds in a fraction of a second.
/// </summary>
internal sealed class Watcher(string root, BuildRequest request, IWatchObserver? observer = null)
{
    private static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(60);
    private readonly BuildRequest _request = request;
    private int _runs;
    private readonly ConcurrentQueue<string> _changes = new();
    private BriefBuilder? _builder;

    public int Run(CancellationToken cancellation)
    {
        using var changed = new SemaphoreSlim(0);
        using var templates = Watch(Path.Combine(root, "templates"), changed);
        using var data = Watch(Path.Combine(root, "data"), changed);
        Console.WriteLine("watch: rebuilding on changes under templates/ and data/ (Ctrl+C stops)");
        try
        {
            BuildOnce(cancellation);
            while (!cancellation.IsCancellationRequested)
            {
                try
                {
                    changed.Wait(cancellation);
                    // Editors save several files at once: wait until the burst is over, then build once.
                    while (changed.Wait(Debounce, cancellation)) { }
                }
                catch (OperationCanceledException)
                {
                    break;
                }
                BuildOnce(cancellation);
            }
        }
        finally
        {
            _builder?.Dispose();
        }
        return 0;
    }

    private void BuildOnce(CancellationToken cancellation)
    {
        var changes = new List<string>();
        while (_changes.TryDequeue(out var path)) changes.Add(path);
        if (_builder is not null && TouchesSharedInputs(changes))
        {
            _builder.Dispose();
            _builder = null;
        }
        var number = ++_runs;
        var changed = changes.Select(c => Path.GetRelativePath(root, c).Replace('\\', '/')).Distinct().Order(StringComparer.Ordinal).ToList();
        observer?.Building(number, changed);
        try
        {
            _builder ??= BuildCommand.NewBuilder(root, _request);
            // The first run of a preview rebuilds what is up to date too: the preview needs every page's outputs.
            var request = number == 1 && observer is not null ? _request with { Settings = _request.Settings with { Force = true } } : _request;
            var outcome = BuildCommand.Execute(root, request, timings: false, cancellation, _builder);
            Console.WriteLine(outcome.ExitCode == 0 ? $"watch: previews updated under output/ ({DateTime.Now:HH:mm:ss})" : "watch: build failed; last good output kept");
            observer?.Built(new WatchRun(number, changed, outcome, []));
        }
        catch (InvalidRequestException e)
        {
            var message = e.Field is null ? e.Message : $"--{e.Field} {e.Value}: {e.Message}";
            Console.Error.WriteLine("aiindex: " + message);
            Console.WriteLine("watch: build failed; last good output kept");
            observer?.Built(new WatchRun(number, changed, null, [new Diagnostic(null, message)]));
        }
        catch (BuildFailedException e)
        {
            Report.Errors(e.Diagnostics);
            Console.WriteLine("watch: build failed; last good output kept");
            // The failure may have come from the data or theme the builder loaded: start fresh next time.
            _builder?.Dispose();
            _builder = null;
            observer?.Built(new WatchRun(number, changed, null, e.Diagnostics));
        }
    }

    /// <summary>
    /// True when a change is to something the builder loads once (data/, theme, fonts, files at the top of
    /// templates/) rather than to a template folder, which every build reads afresh.
    /// </summary>
    private bool TouchesSharedInputs(IEnumerable<string> changes)
    {
        var templates = Path.Combine(root, "templates");
        foreach (var path in changes)
        {
            var relative = Path.GetRelativePath(templates, path).Replace('\\', '/');
            var parts = relative.Split('/');
            if (relative.StartsWith("..", StringComparison.Ordinal) || parts.Length < 2 || parts[0] == "fonts") return true;
        }
        return false;
    }

    private FileSystemWatcher Watch(string folder, SemaphoreSlim changed)
    {
        var watcher = new FileSystemWatcher(folder) { IncludeSubdirectories = true, NotifyFilter = NotifyFilters.LastWrite | NotifyFilters.FileName | NotifyFilters.Size };
        void Signal(string path)
        {
            _changes.Enqueue(path);
            changed.Release();
        }
        watcher.Changed += (_, e) => Signal(e.FullPath);
        watcher.Created += (_, e) => Signal(e.FullPath);
        watcher.Deleted += (_, e) => Signal(e.FullPath);
        watcher.Renamed += (_, e) =>
        {
            _changes.Enqueue(e.OldFullPath);
            Signal(e.FullPath);
        };
        watcher.EnableRaisingEvents = true;
        return watcher;
    }
}

/// <summary>What the live preview hears from the watcher (<see cref="Preview.PreviewServer"/>).</summary>
internal interface IWatchObserver
{
    /// <summary>A rebuild starts, for these changed files (repository paths; none for the first build).</summary>
    void Building(int number, IReadOnlyList<string> changed);

    /// <summary>A rebuild ended: with its outcome, or with the errors that stopped it before any brief was built.</summary>
    void Built(WatchRun run);
}

/// <summary>One rebuild: its number (1 = the first build), the files that changed, what it built, errors that stopped it.</summary>
internal sealed record WatchRun(int Number, IReadOnlyList<string> Changed, BuildCommand.Outcome? Outcome, IReadOnlyList<Diagnostic> Errors);

/// <summary>`aiindex watch`: see <see cref="Watcher"/>; with --serve, the live preview (`aiindex preview`).</summary>
internal sealed class WatchCommand : Command<WatchServeSettings>
{
    public override int Execute(CommandContext context, WatchServeSettings settings, CancellationToken cancellation)
    {
        var root = Program.RepoRoot(settings);
        var request = settings.Request(SourceDateEpoch.FromEnvironment());
        return settings.Serve
            ? Preview.PreviewCommand.Serve(root, request, settings.Port, cancellation)
            : new Watcher(root, request).Run(cancellation);
    }
}
