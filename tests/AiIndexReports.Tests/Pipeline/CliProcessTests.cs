using System.Diagnostics;
using System.Text.Json;

namespace AiIndexReports.Tests.Pipeline;

/// <summary>The aiindex CLI as a separate process: time zones, CI logs, exit codes, failed builds, watch.</summary>
[Collection(BuiltRepositoryCollection.Name)]
public class CliProcessTests(BuiltRepository built)
{
    [Theory]
    [InlineData("--shard", "4/3", "aiindex: --shard 4/3: k must be between 1 and n (n ≥ 1)")]
    [InlineData("--jobs", "0", "aiindex: --jobs expects a number from 1 to 64, found '0'")]
    [InlineData("--brief", "nope", "aiindex: --brief nope: no such brief in templates/briefs.toml (known: ai-index-brief, ai-index-summary)")]
    [InlineData("--edition", "2030", "aiindex: --edition 2030: no such edition in data/ (available: 2024, 2025)")]
    public void Usage_errors_exit_with_2(string option, string value, string message)
    {
        var run = Cli.Execute(null, "build", option, value, "--root", built.Repo.Root);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith(message + "\n", run.Stderr);
        Assert.Equal("", run.Stdout);
    }

    [FactInAnotherTimeZone]
    public void Another_time_zone_and_locale_give_identical_bytes_and_ci_logs_one_line_per_brief()
    {
        using var copy = RepoCopy.OfRepository();
        // The in-process build ran in this process's zone; the child runs in a zone nine hours away (or UTC if this is Seoul).
        var zone = FactInAnotherTimeZoneAttribute.Zone;
        var run = Cli.Execute(new Dictionary<string, string> { ["TZ"] = zone, ["LANG"] = "ko_KR.UTF-8", ["CI"] = "true" },
            "build", "--all-editions", "--jobs", "2", "--root", copy.Root);

        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
        var outputs = copy.Outputs();
        Assert.Equal(built.Outputs.Keys, outputs.Keys);
        foreach (var (path, bytes) in built.Outputs) Assert.True(bytes.AsSpan().SequenceEqual(outputs[path]), $"{path} differs under TZ={zone}");

        var lines = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        foreach (var job in new[] { "2024/ai-index-brief", "2024/ai-index-summary", "2025/ai-index-brief", "2025/ai-index-summary" })
            Assert.Single(lines, l => l.StartsWith($"built    {job}: output/{job}.pdf (", StringComparison.Ordinal));
        Assert.Equal("build: 4 built, 0 up to date, 0 failed in ", lines[^1][..42]);
        Assert.DoesNotContain('\u001b', run.Stdout);   // no ANSI escapes (no live progress display) under CI=true

        // The run manifest: every input with its SHA-256, every output with its hash, pages and timings.
        using var manifest = JsonDocument.Parse(File.ReadAllBytes(copy.PathOf("output/build-manifest.json")));
        var inputs = manifest.RootElement.GetProperty("inputs").EnumerateArray().Select(i => i.GetProperty("path").GetString()).ToList();
        Assert.Contains("templates/brief/01-개요.md.sbn", inputs);
        Assert.Contains("templates/fonts/Pretendard-Regular.ttf", inputs);
        var brief = manifest.RootElement.GetProperty("briefs").EnumerateArray().Single(b => b.GetProperty("job").GetString() == "2025/ai-index-brief");
        Assert.Equal("built", brief.GetProperty("status").GetString());
        Assert.Equal(64, brief.GetProperty("fingerprint").GetString()!.Length);
        Assert.Contains(brief.GetProperty("outputs").EnumerateArray(), o => o.GetProperty("path").GetString() == "output/2025/ai-index-brief.pdf"
            && o.GetProperty("sha256").GetString() == Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(outputs["2025/ai-index-brief.pdf"])));
        foreach (var stage in new[] { "write", "typeset", "outputs" })
            Assert.True(brief.GetProperty("timings_ms").TryGetProperty(stage, out _), $"no {stage} timing");
    }

    [Fact]
    public void A_broken_template_fails_its_briefs_with_exit_1_keeps_the_previous_pdf_and_builds_the_others()
    {
        using var copy = built.Repo.Clone();
        copy.Append("templates/brief/01-개요.md.sbn", "\n{{ if }}\n");
        copy.Append("templates/summary/02-시사점.md.sbn", "\n");   // the summaries have a real change to build

        var run = Cli.Execute(new Dictionary<string, string> { ["CI"] = "true" }, "build", "--all-editions", "--root", copy.Root);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("FAILED   2025/ai-index-brief: previous output left untouched", run.Stderr);
        Assert.Contains("templates/brief/01-개요.md.sbn", run.Stderr);
        Assert.Contains("built    2025/ai-index-summary: ", run.Stdout);
        Assert.Contains("build: 2 built, 0 up to date, 2 failed in ", run.Stdout);
        var after = copy.Outputs();
        Assert.Equal(built.Outputs["2025/ai-index-brief.pdf"], after["2025/ai-index-brief.pdf"]);
        Assert.Equal(built.Outputs["2024/ai-index-brief.pdf"], after["2024/ai-index-brief.pdf"]);
        Assert.Empty(copy.TempFiles());
    }

    [Fact]
    public void Watch_survives_a_broken_template_and_updates_the_png_preview_after_the_fix()
    {
        using var copy = built.Repo.Clone();
        var previews = copy.PathOf("output/2025/ai-index-summary/preview");
        using var process = Process.Start(Cli.StartInfo(null, "watch", "--edition", "2025", "--brief", "ai-index-summary", "--root", copy.Root))!;
        var log = new System.Collections.Concurrent.ConcurrentQueue<string>();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) log.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) log.Enqueue(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            Dictionary<string, byte[]> Previews() => Directory.Exists(previews)
                ? Directory.GetFiles(previews, "page-*.png").ToDictionary(f => Path.GetFileName(f), File.ReadAllBytes)
                : [];
            bool WaitFor(Func<bool> condition)
            {
                var clock = Stopwatch.StartNew();
                while (clock.Elapsed < TimeSpan.FromSeconds(20))
                {
                    if (condition()) return true;
                    Thread.Sleep(100);
                }
                return false;
            }

            Assert.True(WaitFor(() => log.Any(l => l.StartsWith("watch: previews updated", StringComparison.Ordinal))),
                "no first build within 20 s:\n" + string.Join('\n', log));
            var before = Previews();
            Assert.Equal(["page-01.png", "page-02.png"], before.Keys.Order());

            // A broken template: the error is printed with its file, the watcher keeps running, the previews stay.
            var template = copy.PathOf("templates/summary/02-시사점.md.sbn");
            var original = File.ReadAllText(template);
            File.WriteAllText(template, original + "\n{{ if }}\n");
            Assert.True(WaitFor(() => log.Any(l => l == "watch: build failed; last good output kept")),
                "no failed build reported within 20 s of breaking the template:\n" + string.Join('\n', log));
            Assert.Contains(log, l => l.Contains("templates/summary/02-시사점.md.sbn", StringComparison.Ordinal));
            Assert.All(Previews(), p => Assert.Equal(before[p.Key], p.Value));

            File.WriteAllText(template, original.Replace("차별화", "차별화 (미리보기 시험)"));

            Assert.True(WaitFor(() => Previews() is var now && now.Any(p => !before.TryGetValue(p.Key, out var old) || !old.AsSpan().SequenceEqual(p.Value))),
                "no preview changed within 20 s of the edit:\n" + string.Join('\n', log));
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
    }
}

/// <summary>
/// A test that runs the CLI in a time zone other than this process's: Asia/Seoul (or UTC when this is Seoul). Without
/// tzdata .NET silently falls back to UTC and the test would prove nothing, so it is skipped, saying why.
/// </summary>
public sealed class FactInAnotherTimeZoneAttribute : FactAttribute
{
    public static string Zone { get; } = TimeZoneInfo.Local.BaseUtcOffset == TimeSpan.FromHours(9) ? "UTC" : "Asia/Seoul";

    public FactInAnotherTimeZoneAttribute()
    {
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(Zone, out var zone) || zone.BaseUtcOffset == TimeZoneInfo.Local.BaseUtcOffset)
            Skip = $"time zone {Zone} is not in this machine's tzdata (apt-get install tzdata): a child process would fall back to UTC";
    }
}
