using AiIndexReports.Build;

namespace AiIndexReports.Cli;

/// <summary>
/// `aiindex watch`: rebuilds (with PNG previews) whenever a file under templates/ or data/ changes, debounced, and
/// keeps running after an error — the error is printed with its location and the last good output stays.
/// </summary>
internal sealed class Watcher(string root, CommandLineOptions options)
{
    private static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(150);

    public int Run(CancellationToken cancellation)
    {
        using var changed = new SemaphoreSlim(0);
        using var templates = Watch(Path.Combine(root, "templates"), changed);
        using var data = Watch(Path.Combine(root, "data"), changed);
        Console.WriteLine("watch: rebuilding on changes under templates/ and data/ (Ctrl+C stops)");
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
        return 0;
    }

    private void BuildOnce(CancellationToken cancellation)
    {
        try
        {
            var code = BuildCommand.Run(root, options with { Previews = true }, cancellation);
            Console.WriteLine(code == 0 ? $"watch: previews updated under output/ ({DateTime.Now:HH:mm:ss})" : "watch: build failed; last good output kept");
        }
        catch (BuildFailedException e)
        {
            Report.Errors(e.Diagnostics);
            Console.WriteLine("watch: build failed; last good output kept");
        }
    }

    private static FileSystemWatcher Watch(string folder, SemaphoreSlim changed)
    {
        var watcher = new FileSystemWatcher(folder) { IncludeSubdirectories = true, NotifyFilter = NotifyFilters.LastWrite | NotifyFilters.FileName | NotifyFilters.Size };
        FileSystemEventHandler signal = (_, _) => changed.Release();
        watcher.Changed += signal;
        watcher.Created += signal;
        watcher.Deleted += signal;
        watcher.Renamed += (_, _) => changed.Release();
        watcher.EnableRaisingEvents = true;
        return watcher;
    }
}
