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

    public PersonNamer(int seed)
    {
        firstNames = Shuffle(NameCatalog.FirstNames, seed, salt: 0);
        lastNames = Shuffle(NameCatalog.LastNames, seed, salt: 1);
    }

    public PersonName Name(int ordinal)
    {
        var pairs = firstNames.Length * lastNames.Length;
        var mixed = (int)(ordinal % pairs * Stride % pairs);
        return new PersonName(firstNames[mixed % firstNames.Length], lastNames[mixed / firstNames.Length], ordinal / pairs);
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
