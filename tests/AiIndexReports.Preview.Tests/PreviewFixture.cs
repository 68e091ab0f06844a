using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;

namespace AiIndexReports.Preview.Tests;

/// <summary>
/// One `aiindex preview` for the tests of the collection: a scratch copy of the repository whose manifest lists two small
/// briefs — "preview-test" (template folder templates/ptest/, edition 2025: one section of two pages — a list, a figure
/// and a paragraph, then a page break and a paragraph) and "second-brief" (one page, templates/ptest2/) — the CLI started on it as a child process on a free port, and — where Debian's Chromium is installed —
/// one headless Chromium driven by Playwright. Tests edit the section on disk and restore it.
/// </summary>
public sealed class PreviewFixture : IAsyncLifetime
{
    private readonly bool smallBrief;
    private readonly bool browser;

    /// <summary>The small brief of the tests.</summary>
    public PreviewFixture() : this(smallBrief: true) { }

    /// <param name="smallBrief">false: the repository's own manifest and templates (measurements)</param>
    /// <param name="browser">false: no Chromium (a test of the process alone)</param>
    internal PreviewFixture(bool smallBrief, bool browser = true) => (this.smallBrief, this.browser) = (smallBrief, browser);

    /// <summary>Debian's Chromium; Playwright drives it instead of downloading a browser of its own.</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    public const string Section = "templates/ptest/01-본문.md.sbn";

    /// <summary>The section as the tests know it: line numbers below are this text's.</summary>
    public const string SectionText =
        "{{~ m = metrics ~}}\n" +                                                           // 1
        "# 미리보기 시험\n" +                                                                  // 2
        "\n" +                                                                              // 3
        "- 미국의 주목할 만한 AI 모델은 {{ m.models.aiindex.USA.count.value | num }}개\n" +      // 4
        "  - 둘째 수준 항목\n" +                                                              // 5
        "\n" +                                                                              // 6
        "{{ figure \"models_by_country\" }}\n" +                                            // 7
        "\n" +                                                                              // 8
        "마지막 문단의 처음 문장입니다.\n" +                                                     // 9
        "\n" +                                                                             // 10
        "{{ page_break }}\n" +                                                             // 11
        "\n" +                                                                             // 12
        "둘째 쪽의 문단입니다.\n";                                                              // 13

    /// <summary>The data file a test edits: line 58 is the AI Index's count of US models in 2024 (40).</summary>
    public const string Indicators = "data/shared/aiindex/indicators.csv";

    private Process? _process;
    private readonly StringBuilder _log = new();

    public string Root { get; } = Directory.CreateTempSubdirectory("aiindex-preview-").FullName;
    public Uri Url { get; private set; } = new("http://127.0.0.1/");
    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(30) };
    public IPlaywright? Playwright { get; private set; }
    public IBrowser? Browser { get; private set; }

    public static bool HasChromium => File.Exists(ChromiumPath);

    /// <summary>What the CLI printed so far (for failure messages).</summary>
    public string Log
    {
        get { lock (_log) return _log.ToString(); }
    }

    public async Task InitializeAsync()
    {
        LayRepository();
        await StartPreview();
        await WaitForState(s => s.GetProperty("build").GetInt32() >= 1 && !s.GetProperty("building").GetBoolean(), TimeSpan.FromMinutes(2));
        if (browser && HasChromium)
        {
            Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
            Browser = await Playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ChromiumPath,
                Headless = true,
                // As on this machine's "known to work" list: no sandbox as root, no GPU, and no calls home (the network is closed).
                Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync"],
            });
        }
    }

    /// <summary>templates/ (fonts, theme, partials) and data/ of the repository, with a manifest of one small brief.</summary>
    private void LayRepository()
    {
        var repo = RepositoryRoot();
        CopyTree(Path.Combine(repo, "templates"), Path.Combine(Root, "templates"));
        CopyTree(Path.Combine(repo, "data"), Path.Combine(Root, "data"));
        _indicators = File.ReadAllText(Path.Combine(Root, Indicators));
        if (!smallBrief) return;   // the repository's own manifest and templates
        File.WriteAllText(Path.Combine(Root, "templates", "briefs.toml"),
            "[defaults]\npublisher = \"AI정책연구센터\"\nauthors = [\"시험\"]\nseries = \"AI 정책 브리프\"\n\n" +
            "[[brief]]\nid = \"preview-test\"\ntemplate = \"ptest\"\nvariant = \"summary\"\noutput = \"{edition}/{id}.pdf\"\n" +
            "title = \"미리보기 시험 {edition}\"\nsubtitle = \"두 쪽짜리 시험 브리프\"\n\n" +
            "[[brief]]\nid = \"second-brief\"\ntemplate = \"ptest2\"\nvariant = \"summary\"\noutput = \"{edition}/{id}.pdf\"\n" +
            "title = \"둘째 시험 {edition}\"\n");
        Directory.CreateDirectory(Path.Combine(Root, "templates", "ptest"));
        WriteSection(SectionText);
        // A second brief for the brief switcher: one page, its own template folder (not rebuilt when ptest/ changes).
        Directory.CreateDirectory(Path.Combine(Root, "templates", "ptest2"));
        File.WriteAllText(Path.Combine(Root, "templates", "ptest2", "01.md.sbn"), "# 둘째 브리프\n\n둘째 브리프의 문단입니다.\n");
    }

    public void WriteSection(string text) => File.WriteAllText(Path.Combine(Root, Section), text);

    private string _indicators = "";

    public string IndicatorsText => _indicators;

    public void WriteIndicators(string text) => File.WriteAllText(Path.Combine(Root, Indicators), text);

    /// <summary>Puts back the files tests edit; true if one had to be.</summary>
    public bool Restore()
    {
        var restored = false;
        if (smallBrief && File.ReadAllText(Path.Combine(Root, Section)) != SectionText)
        {
            WriteSection(SectionText);
            restored = true;
        }
        if (File.ReadAllText(Path.Combine(Root, Indicators)) != _indicators)
        {
            WriteIndicators(_indicators);
            restored = true;
        }
        return restored;
    }

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "AiIndexReports.sln"))) return dir.FullName;
        throw new InvalidOperationException("AiIndexReports.sln not found above " + AppContext.BaseDirectory);
    }

    private static void CopyTree(string from, string to)
    {
        foreach (var dir in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, dir)));
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)), overwrite: true);
    }

    private async Task StartPreview()
    {
        // AIIR_PREVIEW_BINARY=…/aiindex runs the tests against another build of the CLI, e.g. the native (AOT) one.
        var binary = Environment.GetEnvironmentVariable("AIIR_PREVIEW_BINARY");
        var info = new ProcessStartInfo(binary is { Length: > 0 } ? binary : "dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (binary is not { Length: > 0 }) info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "aiindex.dll"));
        foreach (var arg in new[] { "preview", "--root", Root, "--edition", "2025", "--jobs", "1" })
            info.ArgumentList.Add(arg);
        info.Environment.Remove("CI");
        info.Environment.Remove("SOURCE_DATE_EPOCH");
        var url = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        _process = Process.Start(info)!;
        _process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (_log) _log.AppendLine(e.Data);
            // "preview: http://127.0.0.1:PORT/ (open it in a browser; Ctrl+C stops)"
            if (e.Data.StartsWith("preview: http://127.0.0.1:", StringComparison.Ordinal))
                url.TrySetResult(new Uri(e.Data.Split(' ')[1]));
        };
        _process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null) lock (_log) _log.AppendLine(e.Data);
        };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        var exited = _process.WaitForExitAsync();
        var first = await Task.WhenAny(url.Task, exited, Task.Delay(TimeSpan.FromSeconds(60)));
        if (first != url.Task) throw new InvalidOperationException("aiindex preview did not print its address:\n" + Log);
        Url = url.Task.Result;
        Http.BaseAddress = Url;
    }

    /// <summary>Sends SIGTERM (as `kill`, `timeout` or a service manager do) and waits; the exit code, or null if it did not exit.</summary>
    public async Task<int?> Terminate(TimeSpan within)
    {
        using (var kill = Process.Start("kill", ["-TERM", _process!.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])) await kill.WaitForExitAsync();
        using var timeout = new CancellationTokenSource(within);
        try { await _process.WaitForExitAsync(timeout.Token); }
        catch (OperationCanceledException) { return null; }
        return _process.ExitCode;
    }

    /// <summary>/api/state as JSON.</summary>
    public async Task<JsonElement> State()
    {
        using var response = await Http.GetAsync("api/state");
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>())!;
    }

    /// <summary>Polls /api/state until <paramref name="done"/> holds.</summary>
    public async Task<JsonElement> WaitForState(Func<JsonElement, bool> done, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var state = await State();
            if (done(state)) return state;
            if (clock.Elapsed > timeout) throw new TimeoutException($"the preview's state did not get there in {timeout}: {state}\n{Log}");
            await Task.Delay(100);
        }
    }

    /// <summary>A fresh page (own browser context: no cache or storage from another test) at the preview's address.</summary>
    public async Task<IPage> OpenPage(int width = 1400, int height = 1000)
    {
        var context = await Browser!.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height }, Locale = "ko-KR" });
        var page = await context.NewPageAsync();
        await page.GotoAsync(Url.ToString());
        return page;
    }

    /// <summary>Where screenshots go: next to the test assembly, kept after the run for a person to look at.</summary>
    public static string ScreenshotPath(string name)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name);
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        Playwright?.Dispose();
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process?.Dispose();
        Http.Dispose();
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}

[CollectionDefinition(Name)]
public sealed class PreviewCollection : ICollectionFixture<PreviewFixture>
{
    public const string Name = "preview server";
}

/// <summary>A browser test: skipped, saying why, where Debian's Chromium is not installed.</summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (!PreviewFixture.HasChromium)
            Skip = $"Chromium is not installed at {PreviewFixture.ChromiumPath} (apt-get install chromium; .ci/run installs it when CI=true)";
    }
}
