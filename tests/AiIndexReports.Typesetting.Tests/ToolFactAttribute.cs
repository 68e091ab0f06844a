namespace AiIndexReports.Typesetting.Tests;

/// <summary>
/// A fact that needs an external tool (qpdf, pdffonts, pdftotext); skipped with the reason where the tool is not
/// installed. CI installs poppler-utils and qpdf. Also compiled into AiIndexReports.Tests (linked file).
/// </summary>
internal sealed class ToolFactAttribute : FactAttribute
{
    public ToolFactAttribute(string tool)
    {
        if (!ToolExists(tool))
            Skip = $"'{tool}' is not installed (apt-get install qpdf poppler-utils)";
    }

    public static bool ToolExists(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Any(dir => File.Exists(Path.Combine(dir, tool)));
}
