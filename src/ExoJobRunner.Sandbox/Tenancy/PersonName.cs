using System.Globalization;

namespace ExoJobRunner.Sandbox.Tenancy;

/// <summary>
/// A generated person's name; <see cref="Cycle"/> counts how many times the pair was used before ("Adele Vance 3");
/// the stems are the pair as a name and as an alias, shared by every person with that pair.
/// </summary>
internal readonly record struct PersonName(string First, string Last, int Cycle, string NameStem, string AliasStem)
{
    public string DisplayName => Cycle == 0 ? NameStem : string.Create(CultureInfo.InvariantCulture, $"{NameStem} {Cycle + 1}");

    /// <summary><c>adele.vance</c>, <c>adele.vance3</c>: also the local part of the person's addresses.</summary>
    public string Alias => Cycle == 0 ? AliasStem : string.Create(CultureInfo.InvariantCulture, $"{AliasStem}{Cycle + 1}");
}
