using System.Diagnostics;
using System.Globalization;

namespace AiIndexReports.Tests.Pipeline;

/// <summary>The aiindex process in environments it does not choose: a locale with another calendar, files it may not read.</summary>
[Collection(BuiltRepositoryCollection.Name)]
public class HostileEnvironmentTests(BuiltRepository built)
{
    /// <summary>
    /// Thai (Buddhist calendar: 2025 is 2568), Persian (Solar Hijri, "/" decimals) and Arabic (Umm al-Qura) locales: the
    /// tool writes in the invariant culture whatever the process locale, so every byte equals the in-process build's.
    /// </summary>
    [TheoryWithCultureData]
    [InlineData("th_TH.UTF-8")]
    [InlineData("fa_IR.UTF-8")]
    [InlineData("ar_SA.UTF-8")]
    public void A_locale_with_another_calendar_gives_the_same_bytes_and_gregorian_dates(string lang)
    {
        using var copy = RepoCopy.OfRepository();

        var run = Cli.Execute(new Dictionary<string, string> { ["LANG"] = lang, ["LC_ALL"] = lang, ["CI"] = "true" },
            "build", "--edition", "2025", "--brief", "ai-index-summary", "--root", copy.Root);

        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
        var outputs = copy.Outputs();
        Assert.NotEmpty(outputs);
        foreach (var (path, bytes) in outputs)
            Assert.True(bytes.AsSpan().SequenceEqual(built.Outputs[path]), $"{path} differs under LANG={lang}");
        using var pdf = UglyToad.PdfPig.PdfDocument.Open(outputs["2025/ai-index-summary.pdf"]);
        Assert.Equal("D:20250416000000+00'00'", pdf.Information.CreationDate);
    }

    /// <summary>
    /// A template or a table the user may not read: an error at the file, exit 1, no stack trace. Root reads anything,
    /// so under root the check runs as "nobody" (setpriv); without setpriv it is skipped with that reason.
    /// </summary>
    [FactWhenFilesCanBeUnreadable]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void An_unreadable_template_or_table_is_an_error_at_the_file()
    {
        using var copy = RepoCopy.OfRepository();
        var table = copy.PathOf("data/shared/epoch/mmlu_scores_by_model.csv");
        var template = copy.PathOf("templates/summary/01-핵심수치.md.sbn");
        foreach (var path in Directory.EnumerateFileSystemEntries(copy.Root, "*", SearchOption.AllDirectories).Append(copy.Root))
            File.SetUnixFileMode(path, Directory.Exists(path) ? (UnixFileMode)Convert.ToInt32("755", 8) : (UnixFileMode)Convert.ToInt32("644", 8));

        File.SetUnixFileMode(table, UnixFileMode.None);
        var data = RunAsUnprivileged("check", "--edition", "2025", "--root", copy.Root);
        Assert.Equal(1, data.ExitCode);
        Assert.Contains("data/shared/epoch/mmlu_scores_by_model.csv: error: cannot read the file: permission denied\n", data.Stderr);

        File.SetUnixFileMode(table, (UnixFileMode)Convert.ToInt32("644", 8));
        File.SetUnixFileMode(template, UnixFileMode.None);
        var templates = RunAsUnprivileged("check", "--edition", "2025", "--root", copy.Root);
        Assert.Equal(1, templates.ExitCode);
        Assert.Contains("templates/summary/01-핵심수치.md.sbn: error: cannot read the file: permission denied\n", templates.Stderr);
        foreach (var run in new[] { data, templates })
        {
            Assert.DoesNotContain("   at ", run.Stderr);
            Assert.DoesNotContain(copy.Root, run.Stderr);
        }
    }

    private static Cli.Run RunAsUnprivileged(params string[] args)
    {
        var start = Cli.StartInfo(new Dictionary<string, string> { ["CI"] = "true", ["HOME"] = "/tmp", ["DOTNET_CLI_HOME"] = "/tmp" }, args);
        if (Environment.UserName == "root")
        {
            // setpriv --reuid=65534 --regid=65534 --clear-groups dotnet aiindex.dll …
            start.ArgumentList.Insert(0, start.FileName);
            foreach (var option in new[] { "--clear-groups", "--regid=65534", "--reuid=65534" }) start.ArgumentList.Insert(0, option);
            start.FileName = "setpriv";
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(2)), "aiindex did not finish in 2 minutes");
        return new Cli.Run(process.ExitCode, stdout.Result, stderr.Result);
    }
}

/// <summary>Runs when a file can be made unreadable to the tool: as a normal user, or as root with setpriv to drop to nobody.</summary>
public sealed class FactWhenFilesCanBeUnreadableAttribute : FactAttribute
{
    public FactWhenFilesCanBeUnreadableAttribute()
    {
        if (OperatingSystem.IsWindows()) Skip = "Unix file modes";
        else if (Environment.UserName == "root" && !File.Exists("/usr/bin/setpriv") && !File.Exists("/bin/setpriv"))
            Skip = "running as root, which reads any file, and without setpriv (util-linux) to run the tool as another user";
    }
}

/// <summary>
/// A theory that needs ICU's culture data (the Thai calendar): without it .NET ignores LANG, and a locale test could not
/// fail; it is skipped with that reason instead.
/// </summary>
public sealed class TheoryWithCultureDataAttribute : TheoryAttribute
{
    public TheoryWithCultureDataAttribute()
    {
        if (CultureInfo.GetCultureInfo("th-TH").Calendar is not ThaiBuddhistCalendar)
            Skip = "this machine has no ICU culture data (InvariantGlobalization or no libicu): a child process would ignore LANG";
    }
}
