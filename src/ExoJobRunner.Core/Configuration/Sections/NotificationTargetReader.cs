using ExoJobRunner.Core.Configuration.Validation;
using ExoJobRunner.Core.Configuration.Yaml;
using ExoJobRunner.Core.Notifications;

namespace ExoJobRunner.Core.Configuration.Sections;

/// <summary>Reads one item of <c>onFailure:</c> or <c>onSuccess:</c>: <c>- webhook: {…}</c> or <c>- command: {…}</c>.</summary>
internal static class NotificationTargetReader
{
    private const string Example = "- webhook: { url: … } or - command: { program: … }";

    private static readonly MappingKeys Keys = new("a notification target", "webhook", "command");

    public static NotificationTarget? Read(YamlNode item, string listName, YamlFile file)
    {
        if (item is not YamlMapping mapping)
        {
            var found = item is YamlScalar { IsNull: true } ? "empty" : item.Description;
            file.Error(
                ConfigurationDiagnosticIds.WrongType,
                $"each item of '{listName}' must be a target such as {Example}, not {found}",
                item);
            return null;
        }

        var keys = Keys.Select(mapping, file);
        if (keys.Count == 0)
        {
            // Unknown keys have been reported already, with their "did you mean".
            if (mapping.Entries.Count == 0)
            {
                file.Error(ConfigurationDiagnosticIds.InvalidNotificationTarget, $"an item of '{listName}' names no target; write {Example}", mapping);
            }

            return null;
        }

        if (keys.Count > 1)
        {
            file.Error(
                ConfigurationDiagnosticIds.InvalidNotificationTarget,
                $"an item of '{listName}' is either a webhook or a command, not both; write each as its own '- ' item",
                keys["command"].Key);
            return null;
        }

        return keys.TryGetValue("webhook", out var webhook)
            ? WebhookTargetReader.Read(webhook, file)
            : CommandTargetReader.Read(keys["command"], file);
    }
}
