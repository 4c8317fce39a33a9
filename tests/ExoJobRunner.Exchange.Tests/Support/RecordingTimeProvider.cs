using System.Collections.Concurrent;

namespace ExoJobRunner.Exchange.Tests.Support;

/// <summary>
/// The system clock, except that every wait is recorded and then cut short: retry tests see exactly how long the
/// client asked to wait (2 s, 4 s, a Retry-After of 7 s …) without spending that time. <see cref="WaitStarted"/> lets a
/// test act at the moment the client starts waiting (cancel it, for instance).
/// </summary>
internal sealed class RecordingTimeProvider : TimeProvider
{
    private readonly ConcurrentQueue<TimeSpan> waits = new();

    public IReadOnlyList<TimeSpan> Waits => [.. waits];

    public Action<TimeSpan>? WaitStarted { get; set; }

    /// <summary>Whether recorded waits elapse at once (the default) or never, leaving the waiter to be cancelled.</summary>
    public bool WaitsElapse { get; set; } = true;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        if (dueTime == Timeout.InfiniteTimeSpan)
        {
            return System.CreateTimer(callback, state, dueTime, period);
        }

        waits.Enqueue(dueTime);
        WaitStarted?.Invoke(dueTime);
        return System.CreateTimer(callback, state, WaitsElapse ? TimeSpan.Zero : Timeout.InfiniteTimeSpan, period);
    }
}
