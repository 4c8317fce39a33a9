using ExoJobRunner.Core.Configuration.JobFiles;

namespace ExoJobRunner.Core.Tests.Configuration;

public sealed class JobFileGlobTests
{
    private static readonly string[] Files =
    [
        "jobs/a.yaml", "jobs/ab.yaml", "jobs/b.yaml", "jobs/c.yml", "jobs/.swap.yaml",
        "jobs/sub/d.yaml", "jobs/sub/deeper/e.yaml", "jobs/.git/f.yaml", "other/g.yaml", "exojobs.yaml",
    ];

    [Theory]
    [InlineData("jobs/*.yaml",             "jobs/a.yaml jobs/ab.yaml jobs/b.yaml")]
    [InlineData("jobs/?.yaml",             "jobs/a.yaml jobs/b.yaml")]
    [InlineData("jobs/*.y?ml",             "jobs/a.yaml jobs/ab.yaml jobs/b.yaml")]
    [InlineData("jobs/*",                  "jobs/a.yaml jobs/ab.yaml jobs/b.yaml jobs/c.yml")]
    [InlineData("jobs/**/*.yaml",          "jobs/a.yaml jobs/ab.yaml jobs/b.yaml jobs/sub/d.yaml jobs/sub/deeper/e.yaml")]
    [InlineData("**/d.yaml",               "jobs/sub/d.yaml")]
    [InlineData("jobs/*/*.yaml",           "jobs/sub/d.yaml")]
    [InlineData("jobs/**",                 "jobs/a.yaml jobs/ab.yaml jobs/b.yaml jobs/c.yml jobs/sub/d.yaml jobs/sub/deeper/e.yaml")]
    [InlineData("jobs/sub/deeper/e.yaml",  "jobs/sub/deeper/e.yaml")]
    [InlineData("jobs\\sub\\d.yaml",       "jobs/sub/d.yaml")]
    [InlineData("./other/../other/*.yaml", "other/g.yaml")]
    [InlineData("missing/*.yaml",          "")]
    [InlineData("jobs/*.json",             "")]
    public void Match_FindsFiles_RelativeToTheBaseFolder_SkippingHiddenOnes(string pattern, string expected)
    {
        using var folder = new ConfigFolder();
        foreach (var file in Files)
        {
            folder.Write(file, "csharp: return;\n");
        }

        var matches = JobFileGlob.Match(folder.Root, pattern);

        Assert.Equal(
            expected.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(folder.PathOf).Order(StringComparer.Ordinal),
            matches);
    }

    [Fact]
    public void Match_AcceptsAnAbsolutePattern()
    {
        using var folder = new ConfigFolder();
        folder.Write("jobs/a.yaml", "csharp: return;\n");

        var matches = JobFileGlob.Match("/nonexistent-base", Path.Combine(folder.Root, "jobs", "*.yaml"));

        Assert.Equal([folder.PathOf("jobs/a.yaml")], matches);
    }
}
