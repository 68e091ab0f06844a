using System.Reflection;

namespace AiIndexReports.Tests.BadInputs;

/// <summary>
/// Runs the aiindex command line in this process through its real entry point (Main of the Cli assembly), with standard
/// output and error captured: the exact code path a user runs, without a child process's start-up cost per case.
/// Console redirection is process-wide, so callers run in the non-parallel <see cref="ConsoleCollection"/>.
/// </summary>
internal static class CliRunner
{
    private static readonly MethodInfo Main = Assembly.Load("aiindex").EntryPoint
        ?? throw new InvalidOperationException("the aiindex assembly has no entry point");

    public sealed record Run(int? ExitCode, string Output, Exception? Unhandled, TimeSpan Elapsed, bool TimedOut);

    /// <param name="environment">variables set for the run (and restored after it)</param>
    /// <param name="stdoutFull">standard output throws "No space left on device" on every write, like /dev/full</param>
    public static Run Invoke(string[] args, TimeSpan timeLimit, IReadOnlyDictionary<string, string>? environment = null, bool stdoutFull = false)
    {
        var output = new StringWriter();
        var (previousOut, previousError) = (Console.Out, Console.Error);
        var variables = new Dictionary<string, string>(environment ?? new Dictionary<string, string>()) { ["CI"] = "true" };
        var previous = variables.Keys.ToDictionary(k => k, Environment.GetEnvironmentVariable);
        int? exit = null;
        Exception? unhandled = null;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        // One line per brief instead of Spectre's live display, as in CI.
        foreach (var (name, value) in variables) Environment.SetEnvironmentVariable(name, value);
        var captured = TextWriter.Synchronized(output);
        Console.SetOut(stdoutFull ? new FullDeviceWriter() : captured);
        Console.SetError(captured);
        try
        {
            // A big stack like the main thread's, so only a real runaway recursion overflows it.
            var thread = new Thread(() =>
            {
                try { exit = (int)Main.Invoke(null, [args])!; }
                catch (TargetInvocationException e) { unhandled = e.InnerException ?? e; }
            }, maxStackSize: 8 * 1024 * 1024) { IsBackground = true };
            thread.Start();
            var finished = thread.Join(timeLimit);
            return new Run(exit, output.ToString(), unhandled, clock.Elapsed, TimedOut: !finished);
        }
        finally
        {
            Console.SetOut(previousOut);
            Console.SetError(previousError);
            foreach (var (name, value) in previous) Environment.SetEnvironmentVariable(name, value);
        }
    }
}

/// <summary>A standard output on a full disk: every write fails as it does on /dev/full.</summary>
internal sealed class FullDeviceWriter : TextWriter
{
    public override System.Text.Encoding Encoding => System.Text.Encoding.UTF8;
    public override void Write(char value) => throw new IOException("No space left on device");
    public override void Write(string? value) => throw new IOException("No space left on device");
    public override void Flush() => throw new IOException("No space left on device");
}

/// <summary>Tests that redirect the process's console: run alone, after the parallel ones.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ConsoleCollection
{
    public const string Name = "console";
}
