using ExoJobRunner.Core.Jobs;
using ExoJobRunner.Core.Running;

namespace ExoJobRunner.Core.Tests.Running;

public sealed class JobParametersTests
{
    [Theory]
    [InlineData("who=world",      "who",  "world")]
    [InlineData("who=",           "who",  "")]
    [InlineData("filter=a=b",     "filter", "a=b")]
    [InlineData(" who =Contoso",  "who",  "Contoso")]
    public void TryParseAssignment_SplitsAtTheFirstEqualsSign(string text, string name, string value)
    {
        Assert.True(JobParameters.TryParseAssignment(text, out var assignment));
        Assert.Equal(name, assignment.Key);
        Assert.Equal(value, assignment.Value);
    }

    [Theory]
    [InlineData("who")]
    [InlineData("=world")]
    [InlineData(" =world")]
    [InlineData("")]
    public void TryParseAssignment_Refuses_WhenThereIsNoName(string text)
    {
        Assert.False(JobParameters.TryParseAssignment(text, out _));
    }

    [Fact]
    public void Merge_OverridesDefaults_CaseInsensitively()
    {
        var job = Job(("Who", "world"), ("Days", "30"));

        var (values, error) = JobParameters.Merge(job, [new("who", "Contoso")]);

        Assert.Null(error);
        Assert.Equal("Contoso", values!["WHO"]);
        Assert.Equal("30", values["days"]);
    }

    [Fact]
    public void Merge_NamesTheJobAndItsParameters_WhenAnOverrideIsUnknown()
    {
        var job = Job(("who", "world"), ("days", "30"));

        var (values, error) = JobParameters.Merge(job, [new("whom", "x")]);

        Assert.Null(values);
        Assert.Equal("job 'report' has no parameter 'whom' (it declares: days, who); declare it under 'parameters:' in /jobs/report.yaml", error);
    }

    private static JobDefinition Job(params (string Name, string Value)[] parameters) => new()
    {
        Name = "report",
        FilePath = "/jobs/report.yaml",
        TimeZone = TimeZoneInfo.Utc,
        Timeout = TimeSpan.FromMinutes(1),
        Parameters = parameters.ToDictionary(p => p.Name, p => p.Value),
        Body = new JobBody(BodyLanguage.PowerShell, "Write-Output 1", "/jobs/report.yaml", IsInline: true, 1, 2),
        Location = new("/jobs/report.yaml", 1, 1),
    };
}
