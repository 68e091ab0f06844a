namespace AiIndexReports;

/// <summary>"Did you mean" for people: the candidate with the smallest edit distance, ignoring case.</summary>
public static class NearestName
{
    /// <summary>The closest candidate, or null when none is close enough to be a plausible misspelling or rename.</summary>
    public static string? Find(string wanted, IEnumerable<string> candidates)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var d = Distance(wanted.Trim().ToLowerInvariant(), candidate.ToLowerInvariant());
            if (d < bestDistance) (best, bestDistance) = (candidate, d);
        }
        // Beyond half the word changed, a suggestion is noise rather than help.
        return best is not null && bestDistance <= Math.Max(3, wanted.Length / 2) ? best : null;
    }

    /// <summary>Levenshtein distance (case-sensitive: lower both sides for a case-blind comparison).</summary>
    public static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
