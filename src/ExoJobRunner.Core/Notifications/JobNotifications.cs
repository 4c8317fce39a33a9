using ExoJobRunner.Core.Running;

namespace ExoJobRunner.Core.Notifications;

/// <summary>Where a job's outcome is sent (<c>notify:</c>): one list of targets for failures, one for successes.</summary>
/// <param name="OnFailure">Targets for a run that did not succeed (failed, timed out).</param>
/// <param name="OnSuccess">Targets for a run that succeeded.</param>
public sealed record JobNotifications(IReadOnlyList<NotificationTarget> OnFailure, IReadOnlyList<NotificationTarget> OnSuccess)
{
    public static readonly JobNotifications None = new([], []);

    public IReadOnlyList<NotificationTarget> TargetsFor(RunStatus status) =>
        status == RunStatus.Succeeded ? OnSuccess : OnFailure;
}
