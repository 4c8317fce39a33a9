using System.Globalization;

namespace ExoJobRunner.Sandbox.Tenancy;

/// <summary>A generated person's name; <see cref="Cycle"/> counts how many times the pair was used before ("Adele Vance 3").</summary>
internal readonly record struct PersonName(string First, string Last, int Cycle)
{
    public string DisplayName => Cycle == 0
        ? $"{First} {Last}"
        : string.Create(CultureInfo.InvariantCulture, $"{First} {Last} {Cycle + 1}");

    /// <summary><c>adele.vance</c>, <c>adele.vance3</c>: also the local part of the person's addresses.</summary>
    public string Alias => Cycle == 0
        ? $"{First}.{Last}".ToLowerInvariant()
        : string.Create(CultureInfo.InvariantCulture, $"{First}.{Last}{Cycle + 1}").ToLowerInvariant();
}
