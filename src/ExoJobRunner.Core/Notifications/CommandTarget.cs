namespace ExoJobRunner.Core.Notifications;

/// <summary>
/// A program started with the run's outcome in <c>EXOJOBS_*</c> environment variables
/// (<c>- command: { program: …, args: […] }</c>). The arguments are passed as a list, never through a shell.
/// </summary>
/// <param name="Program">An absolute path, or a name looked up on PATH (a relative path is made absolute when loaded).</param>
/// <param name="Arguments">The arguments, each passed as written.</param>
public sealed record CommandTarget(string Program, IReadOnlyList<string> Arguments) : NotificationTarget;
