using System.Runtime.ExceptionServices;

namespace AiIndexReports.Typesetting;

/// <summary>Independent pieces of one document (fonts to subset, pages to finish) run on every core, results by index.</summary>
internal static class ParallelWork
{
    /// <summary>Runs <paramref name="body"/> for 0..count-1 in parallel; the first failure is rethrown as itself.</summary>
    public static void For(int count, Action<int> body)
    {
        try
        {
            Parallel.For(0, count, body);
        }
        catch (AggregateException error)
        {
            ExceptionDispatchInfo.Capture(error.InnerExceptions[0]).Throw();
            throw;
        }
    }
}
