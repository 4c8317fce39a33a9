using System.Text;
using ExoJobRunner.Core.Configuration;

namespace ExoJobRunner.Core.Tests.Configuration;

/// <summary>
/// The repository's own sample files, cut short at every character and garbled at random (with a fixed seed, so a
/// failure repeats): whatever the text, the loader reports located diagnostics and never throws. An exception here is
/// an "internal error" for the user, the way an unclosed <c>{</c> used to be.
/// </summary>
public sealed class ConfigurationLoaderFuzzTests
{
    private const int GarbledVariantsPerFile = 1000;

    // What breaks YAML: its indicators, quotes, brackets, indentation, line breaks, a tab, a NUL, a BOM, a surrogate half.
    private static readonly string[] Fragments =
    [
        "{", "}", "[", "]", ":", ": ", ",", "\"", "'", "|", ">", "&a", "*a", "!", "!!str ", "%YAML 1.2\n", "@", "`", "-", "- ",
        "?", "? ", "#", "\n", "\r", "\r\n", "  ", "\t", "\0", "\uFEFF", "\uD800", "---\n", "...\n", "\\", "|2\n", ">-\n", "&", "*",
    ];

    public static TheoryData<string, string> SampleFiles() => new()
    {
        { "exojobs.yaml", "exojobs.yaml" },
        { "jobs/mailbox-report.yaml", "jobs/mailbox-report.yaml" },
        { "jobs/shared-mailboxes.yaml", "jobs/shared-mailboxes.yaml" },
    };

    [Theory]
    [MemberData(nameof(SampleFiles))]
    public void Load_NeverThrows_ForAnyTruncationOfASampleFile(string sample, string target)
    {
        var text = File.ReadAllText(Path.Combine(RepositoryRoot.Path, sample));

        AssertEveryVariantLoads(target, Enumerable.Range(0, text.Length).Select(length => text[..length]));
    }

    [Theory]
    [MemberData(nameof(SampleFiles))]
    public void Load_NeverThrows_ForGarbledVersionsOfASampleFile(string sample, string target)
    {
        var text = File.ReadAllText(Path.Combine(RepositoryRoot.Path, sample));
        var random = new Random(sample.Length);

        AssertEveryVariantLoads(target, Enumerable.Range(0, GarbledVariantsPerFile).Select(_ => Garble(text, random)));
    }

    private static void AssertEveryVariantLoads(string target, IEnumerable<string> variants)
    {
        using var folder = new ConfigFolder();
        CopySamples(folder);
        var path = folder.PathOf(target);
        var failures = new List<string>();
        foreach (var variant in variants)
        {
            File.WriteAllText(path, variant, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            try
            {
                var result = folder.Load();
                var lineCount = variant.Split('\n').Length;
                var misplaced = result.Diagnostics.FirstOrDefault(diagnostic =>
                    diagnostic.Location is { } location
                    && location.FilePath == path
                    && (location.Line < 1 || location.Column < 1 || location.Line > lineCount + 1));
                if (misplaced is not null)
                {
                    failures.Add($"diagnostic outside the file: {misplaced}\n--- text ---\n{variant}");
                }
            }
#pragma warning disable CA1031 // Any exception is the finding this test exists to report.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                failures.Add($"{exception.GetType().Name}: {exception.Message}\n--- text ---\n{variant}");
            }

            if (failures.Count == 3)
            {
                break;
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n=====\n", failures));
    }

    private static string Garble(string text, Random random)
    {
        var builder = new StringBuilder(text);
        for (var mutations = random.Next(1, 4); mutations > 0; mutations--)
        {
            var position = random.Next(builder.Length + 1);
            var fragment = Fragments[random.Next(Fragments.Length)];
            switch (random.Next(3))
            {
                case 0:
                    builder.Insert(position, fragment);
                    break;
                case 1 when position < builder.Length:
                    builder.Remove(position, 1).Insert(position, fragment);
                    break;
                default:
                    builder.Remove(position, Math.Min(random.Next(1, 8), builder.Length - position));
                    break;
            }
        }

        return builder.ToString();
    }

    private static void CopySamples(ConfigFolder folder)
    {
        folder.Write("exojobs.yaml", File.ReadAllText(Path.Combine(RepositoryRoot.Path, "exojobs.yaml")));
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepositoryRoot.Path, "jobs"), "*", SearchOption.AllDirectories))
        {
            folder.Write(Path.GetRelativePath(RepositoryRoot.Path, file), File.ReadAllText(file));
        }
    }
}
