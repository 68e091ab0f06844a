using System.Diagnostics;
using System.Globalization;
using Xunit.Abstractions;

namespace AiIndexReports.Preview.Tests;

/// <summary>
/// Not a test: the measurement behind the README's "save → page updated" figure. On a copy of the repository with its
/// real briefs (the 12-page brief and the summary of 2025), a template line of the full brief is changed on disk again
/// and again, and the time from the write to the browser showing the new pages (body[data-shown], set once every page
/// image of the build has loaded) is taken. Runs only when asked:
/// <c>AIIR_MEASURE_PREVIEW=1 dotnet test tests/AiIndexReports.Preview.Tests --filter PreviewLatency --logger "console;verbosity=detailed"</c>.
/// </summary>
public sealed class PreviewLatency(ITestOutputHelper output)
{
    private const int Rounds = 12;

    public sealed class MeasureFactAttribute : FactAttribute
    {
        public MeasureFactAttribute()
        {
            if (Environment.GetEnvironmentVariable("AIIR_MEASURE_PREVIEW") != "1")
                Skip = "a measurement, not a test: set AIIR_MEASURE_PREVIEW=1 to run it (README, Editing)";
            else if (!PreviewFixture.HasChromium)
                Skip = $"Chromium is not installed at {PreviewFixture.ChromiumPath}";
        }
    }

    [MeasureFact]
    public async Task Save_to_visible_for_a_template_edit_of_the_full_brief()
    {
        var preview = new PreviewFixture(smallBrief: false);
        await preview.InitializeAsync();
        try
        {
            var page = await preview.OpenPage();
            var wait = new Microsoft.Playwright.PageWaitForFunctionOptions { Timeout = 60_000, PollingInterval = 10 };
            await page.WaitForFunctionAsync("() => +(document.body.dataset.shown || 0) >= 1", null, wait);
            var file = Path.Combine(preview.Root, "templates", "brief", "07-시사점.md.sbn");
            var original = File.ReadAllText(file);
            var lines = original.Split('\n');
            var target = Array.FindIndex(lines, l => l.StartsWith("- ", StringComparison.Ordinal));
            var times = new List<double>();
            var builds = new List<long>();
            for (var round = 0; round < Rounds; round++)
            {
                var shown = int.Parse(await page.EvaluateAsync<string>("() => document.body.dataset.shown"), CultureInfo.InvariantCulture);
                var edited = (string[])lines.Clone();
                edited[target] += round % 2 == 0 ? " (측정)" : "";
                await Task.Delay(500);   // the previous build's files settled; the watcher idle
                var clock = Stopwatch.StartNew();
                File.WriteAllText(file, string.Join('\n', edited));
                await page.WaitForFunctionAsync($"() => +(document.body.dataset.shown || 0) > {shown}", null, wait);
                times.Add(clock.Elapsed.TotalMilliseconds);
                builds.Add((await preview.State()).GetProperty("elapsedMs").GetInt64());
            }
            File.WriteAllText(file, original);
            // The first rounds warm the JIT and the builder: reported, but not in the summary.
            var steady = times.Skip(2).Order().ToList();
            var report = string.Create(CultureInfo.InvariantCulture,
                $"save → visible, full 2025 brief (12 pages, {Environment.ProcessorCount} cores, load {File.ReadAllText("/proc/loadavg").Split(' ')[0]}): "
                + $"median {steady[steady.Count / 2]:0} ms, min {steady[0]:0} ms, max {steady[^1]:0} ms over {steady.Count} saves; "
                + $"build alone (server) median {builds.Skip(2).Order().ElementAt(steady.Count / 2)} ms; all rounds: {string.Join(", ", times.Select(t => t.ToString("0", CultureInfo.InvariantCulture)))} ms");
            output.WriteLine(report);
            File.WriteAllText(Path.Combine(AppContext.BaseDirectory, "preview-latency.txt"), report + "\n");
            await page.Context.CloseAsync();
        }
        finally
        {
            await preview.DisposeAsync();
        }
    }
}
