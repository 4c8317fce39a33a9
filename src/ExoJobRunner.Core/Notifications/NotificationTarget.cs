namespace ExoJobRunner.Core.Notifications;

/// <summary>Somewhere a run's outcome is sent: a <see cref="WebhookTarget"/> or a <see cref="CommandTarget"/>.</summary>
public abstract record NotificationTarget;
