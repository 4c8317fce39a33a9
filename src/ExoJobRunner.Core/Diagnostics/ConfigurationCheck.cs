using ExoJobRunner.Core.Configuration;
using ExoJobRunner.Doctor;
using ExoJobRunner.Exchange.Connection;

namespace ExoJobRunner.Core.Diagnostics;

/// <summary>
/// The doctor's first check: the configuration loads without errors (the same loader and messages as every verb) and
/// names the profile to check — the one asked for, else <c>defaults: profile:</c>, else the only profile there is.
/// The checks after it read that profile from <see cref="Profile"/>.
/// </summary>
/// <param name="configurationPath">The configuration file, as <c>--config</c>, <c>EXOJOBS_CONFIG</c> or the current folder name it.</param>
/// <param name="profileName">The profile asked for with <c>--profile</c>, or null.</param>
public sealed class ConfigurationCheck(string configurationPath, string? profileName) : DoctorCheck
{
    private const string ErrorsFix =
        "Correct each line above (every id is explained in docs/configuration-errors.md), then run 'exojobs doctor' again.";

    public override string Name => "Configuration valid";

    /// <summary>The profile chosen, once the check has passed; null before, or when it failed.</summary>
    public ConnectionProfile? Profile { get; private set; }

    public override Task<DoctorCheckResult> RunAsync(CancellationToken cancellationToken)
    {
        var loaded = ConfigurationLoader.Load(configurationPath);
        if (loaded.Configuration is not { } configuration)
        {
            var errors = loaded.Diagnostics.Where(diagnostic => diagnostic.IsError).ToList();
            return Task.FromResult(DoctorCheckResult.Failed(
                DoctorFailureKind.Configuration,
                $"{errors.Count} error(s)",
                string.Join(Environment.NewLine, errors.Select(error => error.ToString())),
                ErrorsFix));
        }

        var (profile, failure) = ChooseProfile(configuration);
        if (profile is null)
        {
            return Task.FromResult(failure!);
        }

        Profile = profile;
        var summary = $"{configuration.FilePath}, profile '{profile.Name}' ({Describe(profile)})";
        var warnings = loaded.Diagnostics.Where(diagnostic => !diagnostic.IsError).ToList();
        return Task.FromResult(warnings.Count == 0
            ? DoctorCheckResult.Passed(summary)
            : DoctorCheckResult.Warning(
                $"{summary}; {warnings.Count} warning(s)",
                string.Join(Environment.NewLine, warnings.Select(warning => warning.ToString())),
                "Warnings do not stop jobs; correct them when you can (docs/configuration-errors.md explains every id)."));
    }

    private (ConnectionProfile? Profile, DoctorCheckResult? Failure) ChooseProfile(RunnerConfiguration configuration)
    {
        var known = configuration.Profiles.Count == 0
            ? "it defines no profiles under 'profiles:'"
            : "its profiles: " + string.Join(", ", configuration.Profiles.Keys.Order(StringComparer.OrdinalIgnoreCase));
        var name = profileName ?? configuration.Defaults.ProfileName;
        if (name is not null)
        {
            return configuration.Profiles.TryGetValue(name, out var named)
                ? (named, null)
                : (null, DoctorCheckResult.Failed(
                    DoctorFailureKind.Configuration,
                    $"no profile named '{name}'",
                    $"{configuration.FilePath} has no profile named '{name}'; {known}.",
                    "Pass one of them with --profile, or add the profile under 'profiles:'."));
        }

        if (configuration.Profiles.Count == 1)
        {
            return (configuration.Profiles.Values.Single(), null);
        }

        return (null, DoctorCheckResult.Failed(
            DoctorFailureKind.Configuration,
            "no profile chosen",
            $"{configuration.FilePath} sets no 'defaults: profile:', and {known}.",
            "Pass the profile to check with --profile <name>, or set 'defaults: profile:'."));
    }

    private static string Describe(ConnectionProfile profile) => profile.Environment switch
    {
        ExchangeEnvironment.Sandbox when profile.Sandbox?.Url is { } url => $"standalone sandbox at {url}",
        ExchangeEnvironment.Sandbox => "in-process sandbox",
        var cloud => $"{cloud}, {profile.Organization}",
    };
}
