using ExoJobRunner.Core.Configuration.Validation;
using ExoJobRunner.Core.Configuration.Yaml;
using ExoJobRunner.Shared;

namespace ExoJobRunner.Core.Configuration.Sections;

/// <summary>Checks a <c>profile:</c> value (in defaults or a job) against the profiles exojobs.yaml defines.</summary>
internal static class ProfileReference
{
    /// <summary>The profile name, or null (reported) when no profile of that name is defined.</summary>
    public static string? Resolve(YamlScalar value, IReadOnlyCollection<string> knownProfiles, YamlFile file)
    {
        var name = value.Value.Trim();
        if (knownProfiles.Contains(name, StringComparer.Ordinal))
        {
            return name;
        }

        string advice;
        if (knownProfiles.Count == 0)
        {
            advice = "exojobs.yaml defines no profiles: add it under 'profiles:'";
        }
        else
        {
            var suggestion = EditDistance.ClosestMatch(name, knownProfiles);
            var hint = suggestion is null ? string.Empty : $"did you mean '{suggestion}'? ";
            advice = $"{hint}known profiles: {string.Join(", ", knownProfiles.Order(StringComparer.Ordinal))}";
        }

        file.Error(ConfigurationDiagnosticIds.UnknownProfile, $"unknown profile '{name}'; {advice}", value);
        return null;
    }
}
