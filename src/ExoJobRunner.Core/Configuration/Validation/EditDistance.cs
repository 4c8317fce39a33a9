namespace ExoJobRunner.Core.Configuration.Validation;

/// <summary>
/// Levenshtein distance, used to turn "unknown key 'schedul'" into "did you mean 'schedule'?".
/// Comparisons ignore case so that <c>timezone</c> still finds <c>timeZone</c>.
/// </summary>
internal static class EditDistance
{
    /// <summary>The number of single-character insertions, deletions or substitutions that turn one word into the other.</summary>
    public static int Between(string first, string second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);

        // Two rows of the classic table are enough: each row only reads the one above it.
        var previous = new int[second.Length + 1];
        var current = new int[second.Length + 1];
        for (var j = 0; j <= second.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= first.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= second.Length; j++)
            {
                var substitution = char.ToUpperInvariant(first[i - 1]) == char.ToUpperInvariant(second[j - 1]) ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + substitution);
            }

            (previous, current) = (current, previous);
        }

        return previous[second.Length];
    }

    /// <summary>
    /// The candidate closest to <paramref name="word"/>, or null when none is close enough to be a likely typo:
    /// at most a third of the candidate's letters may differ (at least one, at most three), so 'schedul' finds
    /// 'schedule' but 'csx' does not find 'ps1'.
    /// </summary>
    public static string? ClosestMatch(string word, IEnumerable<string> candidates)
    {
        ArgumentNullException.ThrowIfNull(candidates);

        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var distance = Between(word, candidate);
            var allowed = Math.Clamp(candidate.Length / 3, 1, 3);
            if (distance <= allowed && distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        return best;
    }
}
