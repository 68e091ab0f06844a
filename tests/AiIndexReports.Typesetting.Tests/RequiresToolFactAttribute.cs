namespace AiIndexReports.Typesetting.Tests;

/// <summary>A fact that is skipped, with the reason, when a command-line tool is not installed.</summary>
public sealed class RequiresToolFactAttribute : FactAttribute
{
    public RequiresToolFactAttribute(string tool)
    {
        if (FindTool(tool) is null) Skip = $"{tool} is not installed (apt-get install -y qpdf poppler-utils)";
    }

    public static string? FindTool(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(dir => Path.Combine(dir, tool)).FirstOrDefault(File.Exists);
}
