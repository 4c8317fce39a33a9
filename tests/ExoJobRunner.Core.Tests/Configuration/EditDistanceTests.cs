using ExoJobRunner.Shared;

namespace ExoJobRunner.Core.Tests.Configuration;

public sealed class EditDistanceTests
{
    [Theory]
    [InlineData("schedule", "schedule", 0)]
    [InlineData("schedul",  "schedule", 1)]
    [InlineData("timezone", "timeZone", 0)]
    [InlineData("tmeout",   "timeout",  1)]
    [InlineData("kitten",   "sitting",  3)]
    [InlineData("flaw",     "lawn",     2)]
    [InlineData("",         "csx",      3)]
    [InlineData("ps1",      "",         3)]
    public void Between_CountsInsertionsDeletionsAndSubstitutions_IgnoringCase(string first, string second, int expected)
    {
        Assert.Equal(expected, EditDistance.Between(first, second));
        Assert.Equal(expected, EditDistance.Between(second, first));
    }

    [Theory]
    [InlineData("schedul",    "schedule")]
    [InlineData("Schedule",   "schedule")]
    [InlineData("paramters",  "parameters")]
    [InlineData("descripton", "description")]
    [InlineData("powershel",  "powershell")]
    [InlineData("csx",        null)]
    [InlineData("colour",     null)]
    [InlineData("x",          null)]
    public void ClosestMatch_SuggestsOnlyLikelyTypos(string word, string? expected)
    {
        string[] jobKeys = ["name", "description", "profile", "schedule", "timeZone", "timeout", "enabled", "parameters", "csharp", "ps1", "powershell"];

        Assert.Equal(expected, EditDistance.ClosestMatch(word, jobKeys));
    }
}
