using ExoJobRunner.Core.Jobs;

namespace ExoJobRunner.Core.Configuration;

/// <summary>Values every job inherits unless its own file says otherwise (the <c>defaults:</c> section).</summary>
public sealed record JobDefaults
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromHours(1);

    public string? ProfileName { get; init; }

    public TimeZoneInfo TimeZone { get; init; } = TimeZoneInfo.Utc;

    public TimeSpan Timeout { get; init; } = DefaultTimeout;

    /// <summary>Rule severities every job starts from (<c>rules:</c>); a job's own <c>rules:</c> entries win.</summary>
    public IReadOnlyList<RuleSeverityOverride> Rules { get; init; } = [];
}
