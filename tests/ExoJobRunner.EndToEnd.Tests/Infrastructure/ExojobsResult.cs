namespace ExoJobRunner.EndToEnd.Tests.Infrastructure;

/// <summary>How a finished <c>exojobs</c> process ended and what it printed.</summary>
internal sealed record ExojobsResult(int ExitCode, string StandardOutput, string StandardError)
{
    public string AllOutput => StandardOutput + StandardError;

    public override string ToString() => $"exit code {ExitCode}\n--- stdout ---\n{StandardOutput}--- stderr ---\n{StandardError}";
}
