using ExoJobRunner.Core.Configuration.Validation;
using ExoJobRunner.Core.Configuration.Yaml;
using ExoJobRunner.Core.Notifications;

namespace ExoJobRunner.Core.Configuration.Sections;

/// <summary>
/// Reads <c>notify: { onFailure: [...], onSuccess: [...], completedWithErrors: onFailure|onSuccess }</c>, under
/// <c>defaults:</c> or in a job file. A list the job names replaces the inherited one (<c>onFailure: []</c> turns it
/// off); a list it does not name is inherited, and so is which list a run that completed with errors goes to.
/// </summary>
internal static class NotifyReader
{
    public const string KeyName = "notify";

    private static readonly MappingKeys Keys = new("the notify setting", "onFailure", "onSuccess", "completedWithErrors");

    public static JobNotifications Read(YamlEntry entry, JobNotifications inherited, YamlFile file)
    {
        var mapping = file.ReadMapping(entry);
        if (mapping is null)
        {
            return inherited;
        }

        var keys = Keys.Select(mapping, file);
        var onFailure = keys.TryGetValue("onFailure", out var failureEntry) ? ReadTargets(failureEntry, file) : null;
        var onSuccess = keys.TryGetValue("onSuccess", out var successEntry) ? ReadTargets(successEntry, file) : null;
        var completedWithErrorsAsSuccess = keys.TryGetValue("completedWithErrors", out var completedEntry)
            ? file.ReadChoice(completedEntry, ("onFailure", false), ("onSuccess", true))
            : null;
        return new JobNotifications(onFailure ?? inherited.OnFailure, onSuccess ?? inherited.OnSuccess)
        {
            CompletedWithErrorsAsSuccess = completedWithErrorsAsSuccess ?? inherited.CompletedWithErrorsAsSuccess,
        };
    }

    /// <summary>The list's targets; null when the key is empty (as if it were not written) or not a list.</summary>
    private static List<NotificationTarget>? ReadTargets(YamlEntry entry, YamlFile file)
    {
        switch (entry.Value)
        {
            case YamlScalar { IsNull: true }:
                return null;
            case YamlSequence sequence:
                var targets = new List<NotificationTarget>();
                foreach (var item in sequence.Items)
                {
                    if (NotificationTargetReader.Read(item, entry.Name, file) is { } target)
                    {
                        targets.Add(target);
                    }
                }

                return targets;
            default:
                file.Error(
                    ConfigurationDiagnosticIds.WrongType,
                    $"'{entry.Name}' must be a list of targets (- webhook: {{ url: … }} or - command: {{ program: … }}), not {entry.Value.Description}",
                    entry.Value);
                return null;
        }
    }
}
