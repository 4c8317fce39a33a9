namespace ExoJobRunner.Core.Notifications;

/// <summary>One target made ready to send to: its secrets read, its body built. Attempts may be repeated.</summary>
internal interface INotificationDelivery
{
    /// <summary>The target as logged (a webhook by its redacted URL, a command by its program).</summary>
    string Description { get; }

    /// <summary>
    /// Sends once. Failures the target reports (an HTTP status, an exit code, a refused connection) come back as a
    /// failed <see cref="DeliveryAttempt"/>; only cancellation is thrown.
    /// </summary>
    Task<DeliveryAttempt> AttemptAsync(CancellationToken cancellationToken);
}
