namespace ExoJobRunner.Sandbox.Tenancy;

/// <summary>
/// Hands out person names by ordinal: distinct ordinals always give distinct names. The name lists are shuffled by the seed,
/// and ordinals are spread over the pairs with a stride coprime to the pair count, so neighbours don't share a first name.
/// </summary>
internal sealed class PersonNamer
{
    /// <summary>Prime, and neither 2 nor 5, so it is coprime to 80 x 80 = 6,400 pairs.</summary>
    private const long Stride = 2_557;

    private readonly string[] firstNames;
    private readonly string[] lastNames;

    /// <summary>"Adele Vance" and "adele.vance" for every pair, made once: a large tenant reuses each pair many times.</summary>
    private readonly string[,] nameStems;
    private readonly string[,] aliasStems;

    public PersonNamer(int seed)
    {
        firstNames = Shuffle(NameCatalog.FirstNames, seed, salt: 0);
        lastNames = Shuffle(NameCatalog.LastNames, seed, salt: 1);
        nameStems = new string[firstNames.Length, lastNames.Length];
        aliasStems = new string[firstNames.Length, lastNames.Length];
        for (var first = 0; first < firstNames.Length; first++)
        {
            for (var last = 0; last < lastNames.Length; last++)
            {
                nameStems[first, last] = $"{firstNames[first]} {lastNames[last]}";
                aliasStems[first, last] = $"{firstNames[first]}.{lastNames[last]}".ToLowerInvariant();
            }
        }
    }

    public PersonName Name(int ordinal)
    {
        var pairs = firstNames.Length * lastNames.Length;
        var mixed = (int)(ordinal % pairs * Stride % pairs);
        var first = mixed % firstNames.Length;
        var last = mixed / firstNames.Length;
        return new PersonName(firstNames[first], lastNames[last], ordinal / pairs, nameStems[first, last], aliasStems[first, last]);
    }

    private static string[] Shuffle(IReadOnlyList<string> source, int seed, int salt)
    {
        var shuffled = source.ToArray();
        for (var i = shuffled.Length - 1; i > 0; i--)
        {
            var j = (int)(DeterministicHash.Of(seed, HashStream.NameShuffle, (salt * 1000) + i) % (ulong)(i + 1));
            (shuffled[i], shuffled[j]) = (shuffled[j], shuffled[i]);
        }

        return shuffled;
    }
}
