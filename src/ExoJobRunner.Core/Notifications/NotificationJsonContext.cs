using System.Text.Json.Serialization;

namespace ExoJobRunner.Core.Notifications;

/// <summary>The payload's JSON shape, generated at build time: camelCase like every other JSON exojobs writes.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(NotificationPayload))]
internal sealed partial class NotificationJsonContext : JsonSerializerContext;
