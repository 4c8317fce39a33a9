namespace ExoJobRunner.Core.Notifications;

/// <summary>One extra HTTP header sent with a webhook, such as an <c>Authorization</c> read from a secret.</summary>
public sealed record WebhookHeader(string Name, LiteralOrSecret Value);
