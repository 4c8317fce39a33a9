using System;
using System.Collections.Generic;
using System.Linq;

namespace ExoJobRunner.Exchange.Generators.Manifest;

/// <summary>Finds the known name a misspelled one was most likely meant to be ("manadatory" → "mandatory").</summary>
internal static class NameSuggester
{
    public static string? Suggest(string misspelled, IEnumerable<string> known)
    {
        var best = known
            .Select(candidate => (Candidate: candidate, Distance: Distance(misspelled.ToUpperInvariant(), candidate.ToUpperInvariant())))
            .OrderBy(pair => pair.Distance)
            .FirstOrDefault();

        // Beyond a third of the word's length the "suggestion" is a different word.
        return best.Candidate is not null && best.Distance <= Math.Max(1, misspelled.Length / 3) ? best.Candidate : null;
    }

    /// <summary>Levenshtein distance: the fewest single-character insertions, deletions and substitutions.</summary>
    private static int Distance(string from, string to)
    {
        var previous = new int[to.Length + 1];
        var current = new int[to.Length + 1];
        for (var column = 0; column <= to.Length; column++)
        {
            previous[column] = column;
        }

        for (var row = 1; row <= from.Length; row++)
        {
            current[0] = row;
            for (var column = 1; column <= to.Length; column++)
            {
                var substitution = previous[column - 1] + (from[row - 1] == to[column - 1] ? 0 : 1);
                current[column] = Math.Min(substitution, Math.Min(previous[column] + 1, current[column - 1] + 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[to.Length];
    }
}
