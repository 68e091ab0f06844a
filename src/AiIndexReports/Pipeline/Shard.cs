namespace AiIndexReports.Pipeline;

/// <summary>"--shard k/n": the k-th of n deterministic slices of the job list (by position in the sorted list).</summary>
public readonly record struct Shard(int Index, int Count)
{
    public static Shard All => new(1, 1);

    public static bool TryParse(string text, out Shard shard, out string error)
    {
        shard = All;
        error = "";
        var parts = text.Split('/');
        if (parts.Length != 2 || !int.TryParse(parts[0], out var k) || !int.TryParse(parts[1], out var n))
        {
            error = $"--shard expects k/n such as 2/3, found '{text}'";
            return false;
        }
        if (n < 1 || k < 1 || k > n)
        {
            error = $"--shard {text}: k must be between 1 and n (n ≥ 1)";
            return false;
        }
        shard = new Shard(k, n);
        return true;
    }

    public IReadOnlyList<T> Select<T>(IReadOnlyList<T> sortedJobs)
    {
        var (index, count) = (Index, Count);
        return sortedJobs.Where((_, i) => i % count == index - 1).ToList();
    }
}
