namespace ExoJobRunner.Doctor;

/// <summary>Runs doctor checks in order and stops at the first failure; the rest are reported as not run.</summary>
public static class DoctorRunner
{
    /// <param name="checks">The checks, in the order they build on each other.</param>
    /// <param name="onEntry">Called as each check ends, so a console shows progress while a token request is under way.</param>
    /// <param name="cancellationToken">Stops the check under way.</param>
    public static async Task<DoctorReport> RunAsync(
        IReadOnlyList<DoctorCheck> checks, Action<DoctorEntry>? onEntry = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(checks);

        var entries = new List<DoctorEntry>(checks.Count);
        var stopped = false;
        foreach (var check in checks)
        {
            var result = stopped ? DoctorCheckResult.NotRun : await check.RunAsync(cancellationToken);
            var entry = new DoctorEntry(check.Name, result);
            entries.Add(entry);
            onEntry?.Invoke(entry);
            stopped |= result.Status == DoctorCheckStatus.Failed;
        }

        return new DoctorReport(entries);
    }
}
