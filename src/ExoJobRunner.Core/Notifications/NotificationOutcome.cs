namespace ExoJobRunner.Core.Notifications;

/// <summary>How sending to one target ended.</summary>
/// <param name="Target">The target as logged (a webhook by its redacted URL, a command by its program).</param>
/// <param name="Delivered">True when an attempt succeeded.</param>
/// <param name="Attempts">Attempts made: 0 when it could not be tried (its URL could not be read, exojobs was stopping).</param>
/// <param name="Problem">Why the last attempt failed; null when delivered.</param>
public sealed record NotificationOutcome(string Target, bool Delivered, int Attempts, string? Problem);
