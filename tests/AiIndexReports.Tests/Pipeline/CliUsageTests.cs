using AiIndexReports.Tests.BadInputs;

namespace AiIndexReports.Tests.Pipeline;

/// <summary>The typed command line (Spectre.Console.Cli) through the real entry point: usage errors, help, exit codes.</summary>
[Collection(ConsoleCollection.Name)]
public class CliUsageTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    [Theory]
    [InlineData(new[] { "build", "--jobs", "0" }, "aiindex: --jobs expects a number from 1 to 64, found '0'")]
    [InlineData(new[] { "build", "--jobs", "many" }, "aiindex: --jobs expects a number from 1 to 64, found 'many'")]
    [InlineData(new[] { "build", "--shard", "4/3" }, "aiindex: --shard 4/3: k must be between 1 and n (n ≥ 1)")]
    [InlineData(new[] { "build", "--shard", "2" }, "aiindex: --shard expects k/n such as 2/3, found '2'")]
    [InlineData(new[] { "publish" }, "aiindex: Unknown command 'publish'.")]
    [InlineData(new[] { "build", "--edition", "25" }, "aiindex: --edition expects a year such as 2025, found '25'")]
    [InlineData(new[] { "build", "--edition", "4294969321" }, "aiindex: --edition expects a year such as 2025, found '4294969321'")]
    [InlineData(new[] { "build", "--edition", "2025", "--all-editions" }, "aiindex: --edition and --all-editions cannot be used together")]
    [InlineData(new[] { "build", "--fast" }, "aiindex: Unknown option 'fast'.")]
    [InlineData(new[] { "build", "--json" }, "aiindex: Unknown option 'json'.")]
    [InlineData(new[] { "metrics", "--brief", "x" }, "aiindex: Unknown option 'brief'.")]
    [InlineData(new[] { "metrics", "--strict" }, "aiindex: Unknown option 'strict'.")]
    [InlineData(new[] { "new-edition", "next" }, "aiindex: new-edition expects a year such as 2026, found 'next'")]
    [InlineData(new[] { "new-edition", "20266" }, "aiindex: new-edition expects a year such as 2026, found '20266'")]
    [InlineData(new[] { "coverage", "--edition", "1999" }, "aiindex: --edition expects a year such as 2025, found '1999'")]
    [InlineData(new[] { "build", "--pdf-standard", "pdf/x" }, "aiindex: --pdf-standard expects ua1+a2a or none, found 'pdf/x'")]
    [InlineData(new[] { "watch", "--pdf-standard", "" }, "aiindex: --pdf-standard expects ua1+a2a or none, found ''")]
    [InlineData(new[] { "preview", "--port", "80" }, "aiindex: --port expects a number from 1024 to 65535, found '80'")]
    [InlineData(new[] { "preview", "--port", "http" }, "aiindex: --port expects a number from 1024 to 65535, found 'http'")]
    [InlineData(new[] { "preview", "--shard", "1/2" }, "aiindex: Unknown option 'shard'.")]
    [InlineData(new[] { "preview", "--serve" }, "aiindex: Unknown option 'serve'.")]
    [InlineData(new[] { "watch", "--port", "8765" }, "aiindex: --port goes with --serve (or use `aiindex preview`)")]
    [InlineData(new[] { "build", "--serve" }, "aiindex: Unknown option 'serve'.")]
    public void Usage_errors_exit_with_2_and_say_what_is_wrong(string[] args, string message)
    {
        var run = CliRunner.Invoke([.. args, "--root", TestRepo.Root], Limit);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith(message + "\n", run.Output);
    }

    [Fact]
    public void Coverage_of_an_edition_not_in_data_is_a_usage_error_naming_the_editions_there()
    {
        var run = CliRunner.Invoke(["coverage", "--edition", "2090", "--root", TestRepo.Root], Limit);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("aiindex: --edition 2090: no such edition in data/ (available: 2024, 2025", run.Output);
    }

    [Fact]
    public void Help_lists_every_command_and_build_help_its_options()
    {
        var all = CliRunner.Invoke(["help"], Limit);
        Assert.Equal(0, all.ExitCode);
        foreach (var command in new[] { "build", "check", "metrics", "watch", "preview", "new-edition", "coverage", "help" }) Assert.Contains($"    {command} ", all.Output);

        var build = CliRunner.Invoke(["help", "build"], Limit);
        Assert.Equal(0, build.ExitCode);
        foreach (var option in new[] { "--edition <YEAR>", "--all-editions", "--brief <ID>", "--jobs <N>", "--shard <K/N>", "--force", "--previews", "--pdf-standard <STANDARD>", "--timings", "--strict", "--root <DIR>", "--verbose" })
            Assert.Contains(option, build.Output);
        Assert.DoesNotContain("--json", build.Output);

        var scaffold = CliRunner.Invoke(["help", "new-edition"], Limit);
        Assert.Equal(0, scaffold.ExitCode);
        Assert.Contains("<YEAR>", scaffold.Output);
        var coverage = CliRunner.Invoke(["help", "coverage"], Limit);
        Assert.Equal(0, coverage.ExitCode);
        foreach (var option in new[] { "--edition <YEAR>", "--strict" }) Assert.Contains(option, coverage.Output);
    }

    [Fact]
    public void Pdf_standard_none_builds_an_untagged_pdf_and_the_default_rebuilds_it_tagged()
    {
        using var copy = RepoCopy.OfRepository();
        string[] brief = ["build", "--edition", "2025", "--brief", "ai-index-summary", "--root", copy.Root];

        var plain = CliRunner.Invoke([.. brief, "--pdf-standard", "none"], Limit);
        Assert.True(plain.ExitCode == 0, plain.Output);
        Assert.False(Catalog(copy).ContainsKey("StructTreeRoot"));
        Assert.False(Catalog(copy).ContainsKey("MarkInfo"));

        // The standard is part of the inputs' fingerprint: without the option (ua1+a2a) the brief is not "up to date".
        var tagged = CliRunner.Invoke(brief, Limit);
        Assert.True(tagged.ExitCode == 0, tagged.Output);
        Assert.Contains("built    2025/ai-index-summary", tagged.Output);
        Assert.True(Catalog(copy).ContainsKey("StructTreeRoot"));
        Assert.True(Catalog(copy).ContainsKey("MarkInfo"));
    }

    [Fact]
    public void Preview_and_watch_help_name_the_server_options()
    {
        var preview = CliRunner.Invoke(["help", "preview"], Limit);
        Assert.Equal(0, preview.ExitCode);
        foreach (var option in new[] { "--port <PORT>", "--edition <YEAR>", "--brief <ID>", "--strict" }) Assert.Contains(option, preview.Output);
        var watch = CliRunner.Invoke(["help", "watch"], Limit);
        Assert.Equal(0, watch.ExitCode);
        foreach (var option in new[] { "--serve", "--port <PORT>" }) Assert.Contains(option, watch.Output);
    }

    [Fact]
    public void A_build_says_in_full_which_printed_value_may_be_a_transcription_slip()
    {
        // 2025's Korean patents per 100,000 people typed without the decimal point: 173 instead of 17.3.
        using var copy = RepoCopy.OfRepository();
        var csv = copy.PathOf("data/shared/aiindex/indicators.csv");
        var text = File.ReadAllText(csv);
        const string row = "2025,ai_patents_granted_per_100k,South Korea,KOR,2023,17.3,";
        Assert.Contains(row, text);
        File.WriteAllText(csv, text.Replace(row, "2025,ai_patents_granted_per_100k,South Korea,KOR,2023,173,", StringComparison.Ordinal));

        var build = CliRunner.Invoke(["build", "--edition", "2025", "--brief", "ai-index-summary", "--root", copy.Root], Limit);

        Assert.True(build.ExitCode == 0, build.Output);
        Assert.Contains("warning: value: ai_patents_granted_per_100k (South Korea, 2023) is 173, 16.9× more than the 2024 edition's 10.26 (2022, line", build.Output);
    }

    [Fact]
    public void A_build_never_loads_the_web_server()
    {
        // The preview's ASP.NET Core is for `preview` and `watch --serve` only: `build` and `help` do not pay for loading it.
        // (No test in this assembly starts the preview in-process; tests/AiIndexReports.Preview.Tests runs it as a process.)
        using var copy = RepoCopy.OfRepository();
        var build = CliRunner.Invoke(["build", "--edition", "2025", "--brief", "ai-index-summary", "--root", copy.Root], Limit);
        Assert.True(build.ExitCode == 0, build.Output);
        Assert.Equal(0, CliRunner.Invoke(["help", "preview"], Limit).ExitCode);
        var web = AppDomain.CurrentDomain.GetAssemblies().Select(a => a.GetName().Name!)
            .Where(n => n.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal) || n.StartsWith("Microsoft.Extensions.Hosting", StringComparison.Ordinal));
        Assert.Empty(web);
    }

    /// <summary>The built summary's document catalog (its keys).</summary>
    private static IReadOnlyDictionary<string, UglyToad.PdfPig.Tokens.IToken> Catalog(RepoCopy copy)
    {
        using var pdf = UglyToad.PdfPig.PdfDocument.Open(File.ReadAllBytes(copy.PathOf("output/2025/ai-index-summary.pdf")));
        return pdf.Structure.Catalog.CatalogDictionary.Data;
    }
}
