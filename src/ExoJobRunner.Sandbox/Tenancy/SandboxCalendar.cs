namespace ExoJobRunner.Sandbox.Tenancy;

/// <summary>
/// Fixed dates generated history hangs off. Creation times and last logons are relative to these rather than to "now",
/// so the same seed gives the same tenant on any day.
/// </summary>
internal static class SandboxCalendar
{
    public static readonly DateTimeOffset TenantCreated = new(2019, 3, 4, 9, 30, 0, TimeSpan.Zero);

    public static readonly DateTimeOffset Reference = new(2025, 11, 3, 8, 0, 0, TimeSpan.Zero);
}
