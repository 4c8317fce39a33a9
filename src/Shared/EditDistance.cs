using System;
using System.Collections.Generic;

namespace ExoJobRunner.Shared;

/// <summary>
/// Levenshtein distance, used to turn "unknown key 'schedul'" into "did you mean 'schedule'?" wherever a name is
/// misspelled: configuration keys, profiles, time zones, rule ids, and the cmdlet manifest the generator reads.
/// Comparisons ignore case so that <c>timezone</c> still finds <c>timeZone</c>.
/// </summary>
/// <remarks>
/// One source file compiled into each project that needs it (see src/Shared/README.md): the source generator runs inside
/// the compiler as netstandard2.0 and can reference no project of ours, so this file sticks to what netstandard2.0 has.
/// </remarks>
internal static class EditDistance
{
    /// <summary>The number of single-character insertions, deletions or substitutions that turn one word into the other.</summary>
    public static int Between(string first, string second)
    {
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
    /// 'schedule' but 'csx' does not find 'ps1'. Of equally close candidates the first one wins.
    /// </summary>
    public static string? ClosestMatch(string word, IEnumerable<string> candidates)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var distance = Between(word, candidate);
            var allowed = Math.Max(1, Math.Min(3, candidate.Length / 3));
            if (distance <= allowed && distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        return best;
    }
}
