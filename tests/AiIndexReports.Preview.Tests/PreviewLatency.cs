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

    /// <summary>Runs only when <paramref name="variable"/> is 1 (and Chromium is there): a measurement or a docs refresh, not a test.</summary>
    public sealed class OptInFactAttribute : FactAttribute
    {
        public OptInFactAttribute(string variable, string what)
        {
            if (Environment.GetEnvironmentVariable(variable) != "1")
                Skip = $"{what}: set {variable}=1 to run it (README, \"Live preview in the browser\")";
            else if (!PreviewFixture.HasChromium)
                Skip = $"Chromium is not installed at {PreviewFixture.ChromiumPath}";
        }
    }

    /// <summary>
    /// The README's screenshots: the full 2025 brief after an edit of its second section (the pages that changed marked),
    /// its first chart selected; then a template error over the last good pages.
    /// <c>AIIR_UPDATE_DOCS=1 dotnet test tests/AiIndexReports.Preview.Tests --filter Screenshots_for_the_readme</c>.
    /// </summary>
    [OptInFact("AIIR_UPDATE_DOCS", "writes docs/preview*.png, the README's screenshots")]
    public async Task Screenshots_for_the_readme()
    {
        var preview = new PreviewFixture(smallBrief: false);
        await preview.InitializeAsync();
        try
        {
            var docs = Path.Combine(PreviewFixture.RepositoryRoot(), "docs");
            var page = await preview.OpenPage(1280, 820);
            var wait = new Microsoft.Playwright.PageWaitForFunctionOptions { Timeout = 60_000, PollingInterval = 20 };
            await page.WaitForFunctionAsync("() => +(document.body.dataset.shown || 0) >= 1", null, wait);
            await page.SelectOptionAsync("#brief", "2025/ai-index-brief");
            await page.WaitForFunctionAsync("() => document.getElementById('pages').dataset.brief === '2025/ai-index-brief' && document.querySelectorAll('#pages .page img[src]').length >= 8", null, wait);

            var file = Path.Combine(preview.Root, "templates", "brief", "02-AI모델.md.sbn");
            var original = File.ReadAllText(file);
            var shown = await page.EvaluateAsync<string>("() => document.body.dataset.shown");
            File.WriteAllText(file, original.Replace("미·중 양국이 전체 개발을 주도", "미·중 양국이 세계 개발을 주도", StringComparison.Ordinal));
            await page.WaitForFunctionAsync($"() => +(document.body.dataset.shown || 0) > {shown}", null, wait);

            // Page 2, its chart clicked: the template line that placed it and the numbers it draws.
            await page.ClickAsync("#thumbs .thumb[data-page='2']");
            var figure = page.Locator("#pages .page[data-page='2'] .sheet");
            var mapUrl = await page.GetAttributeAsync("#pages .page[data-page='2']", "data-map");
            using var map = System.Text.Json.JsonDocument.Parse(await preview.Http.GetStringAsync(mapUrl!.TrimStart('/')));
            var chart = map.RootElement.GetProperty("blocks").EnumerateArray().First(b => b.GetProperty("kind").GetString() == "figure");
            var box = (await figure.BoundingBoxAsync())!;
            var scale = box.Width / map.RootElement.GetProperty("width").GetDouble();
            await figure.ClickAsync(new() { Position = new() { X = (float)((chart.GetProperty("x").GetDouble() + chart.GetProperty("w").GetDouble() / 2) * scale), Y = (float)((chart.GetProperty("y").GetDouble() + 40) * scale) } });
            await page.WaitForFunctionAsync("() => document.body.dataset.selected !== undefined", null, wait);
            await page.EvaluateAsync("() => document.getElementById('pages').scrollBy(0, 260)");
            await page.ScreenshotAsync(new() { Path = Path.Combine(docs, "preview.png") });

            shown = await page.EvaluateAsync<string>("() => document.body.dataset.shown");
            File.WriteAllText(file, original.Replace("{{ m.models.aiindex.USA.count.value | num }}개, 중국이", "{{ m.models.aiindex.USA.cuont.value | num }}개, 중국이", StringComparison.Ordinal));
            await page.WaitForFunctionAsync("() => !document.getElementById('error-overlay').hidden", null, wait);
            await page.ScreenshotAsync(new() { Path = Path.Combine(docs, "preview-error.png") });
            File.WriteAllText(file, original);
            await page.Context.CloseAsync();
        }
        finally
        {
            await preview.DisposeAsync();
        }
    }

    [OptInFact("AIIR_MEASURE_PREVIEW", "a measurement, not a test")]
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
            var pages = await page.EvaluateAsync<int>("() => document.querySelectorAll('#pages .page').length");
            var report = string.Create(CultureInfo.InvariantCulture,
                $"save → visible, full 2025 brief ({pages} pages, {Environment.ProcessorCount} cores, load {File.ReadAllText("/proc/loadavg").Split(' ')[0]}): "
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
