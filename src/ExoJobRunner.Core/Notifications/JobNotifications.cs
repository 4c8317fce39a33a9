using ExoJobRunner.Core.Running;

namespace ExoJobRunner.Core.Notifications;

/// <summary>Where a job's outcome is sent (<c>notify:</c>): one list of targets for failures, one for successes.</summary>
/// <param name="OnFailure">Targets for a run that did not succeed (failed, timed out, completed with errors).</param>
/// <param name="OnSuccess">Targets for a run that succeeded.</param>
public sealed record JobNotifications(IReadOnlyList<NotificationTarget> OnFailure, IReadOnlyList<NotificationTarget> OnSuccess)
{
    public static readonly JobNotifications None = new([], []);

    /// <summary>
    /// Whether a run that completed with errors (<c>errorAction: continue</c>) is told to the <see cref="OnSuccess"/>
    /// targets (<c>completedWithErrors: onSuccess</c>) rather than, by default, the <see cref="OnFailure"/> ones.
    /// </summary>
    public bool CompletedWithErrorsAsSuccess { get; init; }

    public IReadOnlyList<NotificationTarget> TargetsFor(RunStatus status) => status switch
    {
        RunStatus.Succeeded => OnSuccess,
        RunStatus.CompletedWithErrors when CompletedWithErrorsAsSuccess => OnSuccess,
        _ => OnFailure,
    };
}
