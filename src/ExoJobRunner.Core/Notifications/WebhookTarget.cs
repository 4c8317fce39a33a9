namespace ExoJobRunner.Core.Notifications;

/// <summary>An HTTP POST of the run's outcome (<c>- webhook: { url: …, format: …, headers: … }</c>).</summary>
/// <param name="Url">The URL, written in the file or read from a secret (webhook URLs often are the credential).</param>
/// <param name="Format">The body's shape.</param>
/// <param name="Headers">Extra headers, in the order written.</param>
public sealed record WebhookTarget(LiteralOrSecret Url, WebhookFormat Format, IReadOnlyList<WebhookHeader> Headers) : NotificationTarget;
