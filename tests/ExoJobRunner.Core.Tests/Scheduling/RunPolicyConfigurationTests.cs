using ExoJobRunner.Core.Configuration;
using ExoJobRunner.Core.Diagnostics;
using ExoJobRunner.Core.Scheduling;
using ExoJobRunner.Core.Tests.Configuration;

namespace ExoJobRunner.Core.Tests.Scheduling;

/// <summary>The scheduling keys of <c>defaults:</c> and job files: concurrency, misfire, retries, maxConcurrentRuns.</summary>
public sealed class RunPolicyConfigurationTests
{
    [Fact]
    public void Load_AppliesDefaults_AndLetsAJobOverrideEachPolicy()
    {
        using var folder = ConfigFolder.FromLayout("""
            #> exojobs.yaml
            defaults:
              concurrency: queue
              misfire: skip
              retries: { count: 3, delay: 2m }
              maxConcurrentRuns: 8
            #> jobs/inherits.yaml
            csharp: return;
            #> jobs/overrides.yaml
            concurrency: Allow
            misfire: runOnce
            retries:
              count: 0
            csharp: return;
            """);

        var configuration = folder.Load().Configuration!;

        Assert.Equal(8, configuration.Defaults.MaxConcurrentRuns);
        var inherits = configuration.FindJob("inherits")!;
        Assert.Equal((ConcurrencyPolicy.Queue, MisfirePolicy.Skip, new RetryPolicy(3, TimeSpan.FromMinutes(2))), (inherits.Concurrency, inherits.Misfire, inherits.Retries));
        var overrides = configuration.FindJob("overrides")!;
        Assert.Equal((ConcurrencyPolicy.Allow, MisfirePolicy.RunOnce, new RetryPolicy(0, RetryPolicy.DefaultDelay)), (overrides.Concurrency, overrides.Misfire, overrides.Retries));
    }

    [Fact]
    public void Load_UsesSkipRunOnceNoRetriesAndFourRuns_WhenNothingIsSaid()
    {
        using var folder = new ConfigFolder().WithJobUnlessPresent();

        var configuration = folder.Load().Configuration!;

        var job = Assert.Single(configuration.Jobs);
        Assert.Equal((ConcurrencyPolicy.Skip, MisfirePolicy.RunOnce, RetryPolicy.None), (job.Concurrency, job.Misfire, job.Retries));
        Assert.Equal(JobDefaults.DefaultMaxConcurrentRuns, configuration.Defaults.MaxConcurrentRuns);
    }

    [Theory]
    [InlineData("concurrency: skipp",             ConfigurationDiagnosticIds.InvalidValue,    1, 14, "'concurrency' must be one of skip, queue, allow, not 'skipp'; did you mean 'skip'?")]
    [InlineData("misfire: always",                ConfigurationDiagnosticIds.InvalidValue,    1, 10, "'misfire' must be one of skip, runOnce, not 'always'")]
    [InlineData("retries: 3",                     ConfigurationDiagnosticIds.WrongType,       1, 10, "'retries' must be a mapping")]
    [InlineData("retries: { delay: 1m }",         ConfigurationDiagnosticIds.InvalidValue,    1, 1,  "'retries' needs 'count'")]
    [InlineData("retries: { count: -1 }",         ConfigurationDiagnosticIds.InvalidValue,    1, 19, "'count' must be at least 0, not -1")]
    [InlineData("retries: { count: 2, delay: 5 }", ConfigurationDiagnosticIds.InvalidDuration, 1, 29, "'delay' is not a duration: '5'")]
    [InlineData("retries: { count: 2, deley: 5s }", ConfigurationDiagnosticIds.UnknownKey,    1, 22, "unknown key 'deley' in the retries setting; did you mean 'delay'?")]
    [InlineData("maxConcurrentRuns: 2",           ConfigurationDiagnosticIds.UnknownKey,      1, 1,  "unknown key 'maxConcurrentRuns' in a job file")]
    public void Load_ReportsABadPolicyInAJobFile_AtItsPosition(string line, string id, int lineNumber, int column, string message)
    {
        using var folder = ConfigFolder.FromLayout($"""
            #> exojobs.yaml
            #> jobs/report.yaml
            {line}
            csharp: return;
            """);

        var diagnostic = Assert.Single(folder.Load().Diagnostics);

        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(new SourceLocation(folder.PathOf("jobs/report.yaml"), lineNumber, column), diagnostic.Location);
        Assert.Contains(message, diagnostic.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("maxConcurrentRuns: 0",    "'maxConcurrentRuns' must be at least 1, not 0")]
    [InlineData("maxConcurrentRuns: many", "'maxConcurrentRuns' must be a whole number, not 'many'")]
    [InlineData("concurrency: parallel",   "'concurrency' must be one of skip, queue, allow, not 'parallel'")]
    public void Load_ReportsABadPolicyInDefaults(string line, string message)
    {
        using var folder = ConfigFolder.FromLayout($"""
            #> exojobs.yaml
            defaults:
              {line}
            """).WithJobUnlessPresent();

        var diagnostic = Assert.Single(folder.Load().Diagnostics);

        Assert.Equal(new SourceLocation(folder.PathOf("exojobs.yaml"), 2, line.IndexOf(':', StringComparison.Ordinal) + 5), diagnostic.Location);
        Assert.Contains(message, diagnostic.Message, StringComparison.Ordinal);
    }
}
