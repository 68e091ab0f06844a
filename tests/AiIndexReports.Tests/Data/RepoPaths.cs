namespace AiIndexReports.Tests.Data;

/// <summary>Finds the repository root (the folder holding AiIndexReports.sln) from the test's output folder.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "AiIndexReports.sln"))) return dir.FullName;
        throw new InvalidOperationException("AiIndexReports.sln not found above " + AppContext.BaseDirectory);
    }
}
