using ExoJobRunner.Core.Configuration;
using ExoJobRunner.Core.Diagnostics;
using ExoJobRunner.Core.Jobs;

namespace ExoJobRunner.Core.Tests.Configuration;

/// <summary>
/// An inline body's offsets must take any (line, column) inside the code to the same character in the YAML file,
/// or compiler errors would point at the wrong place.
/// </summary>
public sealed class InlineBodyMappingTests
{
    [Theory]
    // The brief's example: block header on YAML line 7, content indented 2 → body (1,1) is YAML (8,3).
    [InlineData("name: x\ndescription: d\nschedule: \"@daily\"\ntimeZone: UTC\ntimeout: 5m\nenabled: true\ncsharp: |\n  var total = 1;\n  Log.LogInformation(\"{T}\", total);\n", 7, 2)]
    [InlineData("csharp: |-\n    if (true)\n    {\n        return;\n    }\n", 1, 4)]
    [InlineData("csharp: |+\n  return;\n\n", 1, 2)]
    [InlineData("csharp: |\n\n  // after a blank line\n  return;\n", 1, 2)]
    [InlineData("csharp: |\n \n\n  return;\n", 1, 2)]
    [InlineData("csharp: | # a comment on the header\n  return;\n", 1, 2)]
    [InlineData("csharp: |2\n    indented(); // two more than the indicator\n  flush();\n", 1, 2)]
    [InlineData("description: |\n  not the body\npowershell: |\n  Get-Mailbox |\n    Select-Object Name\n", 3, 2)]
    [InlineData("  csharp: |\n    var nested = true;\n", 1, 4)]
    [InlineData("powershell: Get-Mailbox | Select-Object Name\n", 0, 12)]
    [InlineData("powershell:    Get-Date\n", 0, 15)]
    [InlineData("csharp: 'return;'\n", 0, 9)]
    [InlineData("csharp: \"return;\"\n", 0, 9)]
    [InlineData("name: x\ncsharp: |\r\n  var a = 1;\r\n  return;\r\n", 2, 2)]
    public void Load_MapsEveryCharacterOfAnInlineBody_ToTheSameCharacterInTheYamlFile(string jobYaml, int lineOffset, int columnOffset)
    {
        using var folder = new ConfigFolder().WithJobUnlessPresent();
        folder.Write("jobs/ok.yaml", jobYaml);

        var result = folder.Load();

        Assert.Empty(result.Diagnostics);
        var body = Assert.Single(Assert.IsType<RunnerConfiguration>(result.Configuration).Jobs).Body;
        Assert.True(body.IsInline);
        Assert.Equal(folder.PathOf("jobs/ok.yaml"), body.FilePath);
        Assert.Equal((lineOffset, columnOffset), (body.LineOffset, body.ColumnOffset));

        var yamlLines = jobYaml.Split('\n');
        var codeLines = body.Code.Split('\n');
        var checkedCharacters = 0;
        for (var line = 1; line <= codeLines.Length; line++)
        {
            for (var column = 1; column <= codeLines[line - 1].Length; column++)
            {
                var mapped = body.MapLocation(line, column);
                Assert.Equal(codeLines[line - 1][column - 1], yamlLines[mapped.Line - 1][mapped.Column - 1]);
                checkedCharacters++;
            }
        }

        Assert.True(checkedCharacters > 0);
    }

    [Fact]
    public void MapLocation_PointsBodyLineOneColumnOne_AtTheFirstContentCharacter()
    {
        using var folder = new ConfigFolder().WithJobUnlessPresent();
        folder.Write("jobs/ok.yaml", "name: ok\n\n\n\n\n\ncsharp: |\n  return;\n");

        var body = Assert.Single(Assert.IsType<RunnerConfiguration>(folder.Load().Configuration).Jobs).Body;

        Assert.Equal(new JobBody(BodyLanguage.CSharp, "return;\n", folder.PathOf("jobs/ok.yaml"), true, 7, 2), body);
        Assert.Equal(new SourceLocation(folder.PathOf("jobs/ok.yaml"), 8, 3), body.MapLocation(1, 1));
    }
}
