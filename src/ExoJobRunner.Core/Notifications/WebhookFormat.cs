namespace ExoJobRunner.Core.Notifications;

/// <summary>The shape of the body a webhook is sent (<c>format:</c>).</summary>
public enum WebhookFormat
{
    /// <summary>The run's data as a JSON object (<see cref="NotificationPayload"/>), for receivers of our own.</summary>
    Json,

    /// <summary>A message with an Adaptive Card, as Teams channel webhooks (Workflows) accept.</summary>
    Teams,

    /// <summary>A <c>text</c> message, as Slack incoming webhooks (and Mattermost, Rocket.Chat) accept.</summary>
    Slack,
}
