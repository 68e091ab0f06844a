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

/// <summary>A theory that needs an external tool, skipped like <see cref="ToolFactAttribute"/> where it is not installed.</summary>
internal sealed class ToolTheoryAttribute : TheoryAttribute
{
    public ToolTheoryAttribute(string tool)
    {
        if (!ToolFactAttribute.ToolExists(tool))
            Skip = $"'{tool}' is not installed (apt-get install qpdf poppler-utils)";
    }
}
