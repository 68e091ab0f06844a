namespace AiIndexReports.Preview.Tests;

/// <summary>The preview ends like any command when asked: SIGTERM stops the web server and the watcher, exit code 0.</summary>
public sealed class PreviewShutdownTests
{
    [Fact]
    public async Task SIGTERM_stops_the_preview()
    {
        if (!OperatingSystem.IsLinux()) return;   // the signal as Linux sends it
        var preview = new PreviewFixture(smallBrief: true, browser: false);
        await preview.InitializeAsync();
        try
        {
            // The web host catches SIGTERM to stop gracefully; the watcher must stop with it rather than keep the process alive.
            Assert.Equal(0, await preview.Terminate(TimeSpan.FromSeconds(15)));
            Assert.Contains("preview: http://127.0.0.1:", preview.Log, StringComparison.Ordinal);
        }
        finally
        {
            await preview.DisposeAsync();
        }
    }
}
