using System.Runtime.CompilerServices;

namespace ExoJobRunner.Exchange.Generators.Tests.Support;

/// <summary>
/// Compares generated text with a reviewed copy kept next to the tests (Golden/*.txt). A missing or different file
/// fails the test; to accept a deliberate change, run the tests once with EXOJOBS_UPDATE_GOLDEN=1 and review the diff.
/// </summary>
internal static class GoldenFile
{
    private const string UpdateVariable = "EXOJOBS_UPDATE_GOLDEN";

    public static void AssertMatches(string actual, string name, [CallerFilePath] string callerPath = "")
    {
        var path = Path.Combine(Path.GetDirectoryName(callerPath)!, "Golden", name + ".txt");
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            File.WriteAllText(path, actual);
            return;
        }

        Assert.True(File.Exists(path), $"No golden file {name}.txt yet: run the tests with {UpdateVariable}=1, then review and commit it.");
        var expected = File.ReadAllText(path);
        if (expected != actual)
        {
            var expectedLines = expected.Split('\n');
            var actualLines = actual.Split('\n');
            var firstDifference = Enumerable.Range(0, Math.Max(expectedLines.Length, actualLines.Length))
                .First(index => index >= expectedLines.Length || index >= actualLines.Length || expectedLines[index] != actualLines[index]);
            Assert.Fail(
                $"{name} differs from its golden file at line {firstDifference + 1}:\n" +
                $"  expected: {Line(expectedLines, firstDifference)}\n" +
                $"  actual:   {Line(actualLines, firstDifference)}\n" +
                $"If the change is intended, run the tests with {UpdateVariable}=1 and review the diff.");
        }
    }

    private static string Line(string[] lines, int index) => index < lines.Length ? lines[index] : "(end of file)";
}
