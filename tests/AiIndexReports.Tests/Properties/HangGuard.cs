namespace AiIndexReports.Tests.Properties;

/// <summary>
/// Runs one generated case on a worker thread and fails if it has not finished after a limit far above its normal
/// time (milliseconds): a hang detector for property tests, not a speed test.
/// </summary>
internal static class HangGuard
{
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(20);

    public static T Run<T>(Func<T> work, string what)
    {
        var task = Task.Factory.StartNew(work, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        Assert.True(task.Wait(Limit), $"still running after {Limit.TotalSeconds} s: {what}");
        return task.GetAwaiter().GetResult();   // the work's own exception, not an AggregateException
    }
}
