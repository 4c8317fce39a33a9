using ExoJobRunner.Core.Configuration.Validation;
using ExoJobRunner.Core.Diagnostics;
using ExoJobRunner.Core.Jobs;
using ExoJobRunner.Core.Scheduling;

namespace ExoJobRunner.Core.Tests.Scheduling.Support;

/// <summary>Job definitions as the loader would produce them, for scheduler tests.</summary>
internal static class TestJobs
{
    public static JobDefinition Scheduled(
        string name,
        string cron,
        string zone = "UTC",
        ConcurrencyPolicy concurrency = ConcurrencyPolicy.Skip,
        MisfirePolicy misfire = MisfirePolicy.RunOnce,
        string code = "return;",
        RetryPolicy? retries = null,
        TimeSpan? timeout = null)
    {
        if (!CronScheduleParser.TryParse(cron, out var schedule, out var problem))
        {
            throw new ArgumentException(problem, nameof(cron));
        }

        return OnDemand(name, code, retries, timeout) with
        {
            Schedule = schedule,
            TimeZone = TimeZoneInfo.FindSystemTimeZoneById(zone),
            Concurrency = concurrency,
            Misfire = misfire,
        };
    }

    public static JobDefinition OnDemand(string name, string code, RetryPolicy? retries = null, TimeSpan? timeout = null)
    {
        var path = Path.Combine(Path.GetTempPath(), name + ".yaml");
        return new JobDefinition
        {
            Name = name,
            FilePath = path,
            TimeZone = TimeZoneInfo.Utc,
            Timeout = timeout ?? TimeSpan.FromHours(1),
            Parameters = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase),
            Body = new JobBody(BodyLanguage.CSharp, code, path, IsInline: true, LineOffset: 0, ColumnOffset: 0),
            Location = new SourceLocation(path, 1, 1),
            Retries = retries ?? RetryPolicy.None,
        };
    }
}
