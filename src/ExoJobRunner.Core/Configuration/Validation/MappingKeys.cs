using System.Globalization;
using ExoJobRunner.Core.Configuration.Yaml;
using ExoJobRunner.Shared;

namespace ExoJobRunner.Core.Configuration.Validation;

/// <summary>
/// The keys one section of a YAML file accepts. Sections declare theirs in a single list, so accepting a new key
/// (say <c>retries</c> under <c>defaults:</c>) is one more name there; every other key is reported as unknown,
/// with a "did you mean" suggestion when it looks like a typo of a known one.
/// </summary>
internal sealed class MappingKeys
{
    private readonly string section;
    private readonly string[] names;

    /// <param name="section">How the section is named in messages, e.g. "the defaults section".</param>
    /// <param name="names">The accepted keys, spelled exactly as users must write them.</param>
    public MappingKeys(string section, params string[] names)
    {
        this.section = section;
        this.names = names;
    }

    public IReadOnlyList<string> Names => names;

    /// <summary>Reports every unknown key of <paramref name="mapping"/> and returns the known ones by name.</summary>
    public IReadOnlyDictionary<string, YamlEntry> Select(YamlMapping mapping, YamlFile file)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        ArgumentNullException.ThrowIfNull(file);

        var known = new Dictionary<string, YamlEntry>(StringComparer.Ordinal);
        foreach (var entry in mapping.Entries)
        {
            if (names.Contains(entry.Name, StringComparer.Ordinal))
            {
                known.Add(entry.Name, entry);
                continue;
            }

            var suggestion = EditDistance.ClosestMatch(entry.Name, names);
            var advice = suggestion is null
                ? $"expected one of: {string.Join(", ", names)}"
                : $"did you mean '{suggestion}'?";
            file.Error(
                ConfigurationDiagnosticIds.UnknownKey,
                string.Create(CultureInfo.InvariantCulture, $"unknown key '{entry.Name}' in {section}; {advice}"),
                entry.Key);
        }

        return known;
    }
}
