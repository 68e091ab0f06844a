using AiIndexReports;

namespace AiIndexReports.Cli;

/// <summary>Prints diagnostics for people: one "file:line:col: error: message" line each, on standard error.</summary>
internal static class Report
{
    public static void Errors(IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var d in diagnostics) Console.Error.WriteLine(d.ToString());
    }
}
