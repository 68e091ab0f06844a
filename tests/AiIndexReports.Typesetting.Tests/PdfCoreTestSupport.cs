using System.Diagnostics;
using SkiaSharp;

namespace AiIndexReports.Typesetting.Tests;

/// <summary>Shared by the font-subsetting and PDF post-processing tests: repo paths and the poppler/qpdf command-line tools.</summary>
internal static class PdfCoreTestSupport
{
    public static readonly DateTime FixedUtc = new(2025, 4, 16, 0, 0, 0, DateTimeKind.Utc);

    private static readonly Lazy<string> RepoRoot = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AiIndexReports.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException($"No AiIndexReports.sln above {AppContext.BaseDirectory}.");
    });

    public static string FontPath(string fileName) => Path.Combine(RepoRoot.Value, "templates", "fonts", fileName);

    public static byte[] FontBytes(string fileName) => File.ReadAllBytes(FontPath(fileName));

    public static int[] CodePoints(string text) => text.EnumerateRunes().Select(r => r.Value).ToArray();

    /// <summary>A one-page PDF with <paramref name="draw"/> on an A4 page, dates pinned so the bytes are reproducible.</summary>
    public static byte[] CreatePdf(Action<SKCanvas> draw, int pageCount = 1)
    {
        using var stream = new MemoryStream();
        var metadata = new SKDocumentPdfMetadata { Title = "시험 문서", Creation = FixedUtc, Modified = FixedUtc };
        using (var document = SKDocument.CreatePdf(stream, metadata))
        {
            for (var page = 0; page < pageCount; page++)
            {
                draw(document.BeginPage(595, 842));
                document.EndPage();
            }
            document.Close();
        }
        return stream.ToArray();
    }

    /// <summary>Runs a command-line tool on <paramref name="pdf"/> (written to a temp file) and returns exit code and output.</summary>
    public static (int ExitCode, string Output) RunTool(string tool, byte[] pdf, params string[] argumentsBeforeFile) =>
        RunTool(tool, pdf, argumentsBeforeFile, []);

    /// <summary>The text pdftotext gives for <paramref name="pdf"/> with <paramref name="options"/> ("-raw", "-bbox"…).</summary>
    public static string PdfToText(byte[] pdf, params string[] options)
    {
        var (exitCode, output) = RunTool("pdftotext", pdf, options, ["-"]);
        Assert.True(exitCode == 0, output);
        return output;
    }

    static (int ExitCode, string Output) RunTool(string tool, byte[] pdf, string[] argumentsBeforeFile, string[] argumentsAfterFile)
    {
        var path = Path.Combine(Path.GetTempPath(), $"pdfcore-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(path, pdf);
        try
        {
            var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var argument in argumentsBeforeFile)
                start.ArgumentList.Add(argument);
            start.ArgumentList.Add(path);
            foreach (var argument in argumentsAfterFile)
                start.ArgumentList.Add(argument);
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            process.WaitForExit();
            return (process.ExitCode, stdout.Result + stderr.Result);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
