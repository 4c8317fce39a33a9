using System.Globalization;
using ExoJobRunner.Core.Configuration.Files;
using ExoJobRunner.Core.Configuration.Validation;
using ExoJobRunner.Core.Configuration.Yaml;
using ExoJobRunner.Core.Jobs;

namespace ExoJobRunner.Core.Configuration.JobFiles;

/// <summary>Reads a job's body: the one of <c>csx:</c>, <c>csharp:</c>, <c>ps1:</c>, <c>powershell:</c> it has.</summary>
internal static class JobBodyReader
{
    /// <summary>The body keys, each with its language and whether it holds the code itself or a file path.</summary>
    public static readonly IReadOnlyDictionary<string, (BodyLanguage Language, bool IsInline)> Keys =
        new Dictionary<string, (BodyLanguage, bool)>(StringComparer.Ordinal)
        {
            ["csx"] = (BodyLanguage.CSharp, false),
            ["csharp"] = (BodyLanguage.CSharp, true),
            ["ps1"] = (BodyLanguage.PowerShell, false),
            ["powershell"] = (BodyLanguage.PowerShell, true),
        };

    private const string Choices = "csx: <file.csx>, csharp: | <code>, ps1: <file.ps1> or powershell: | <code>";

    /// <summary>The body, or null (reported) when there is none, more than one, or it cannot be read.</summary>
    public static JobBody? Read(YamlMapping job, YamlFile file)
    {
        var bodies = job.Entries.Where(entry => Keys.ContainsKey(entry.Name)).ToList();
        if (bodies.Count == 0)
        {
            file.Error(ConfigurationDiagnosticIds.NoBody, $"the job has no body; add one of {Choices}", job);
            return null;
        }

        if (bodies.Count > 1)
        {
            foreach (var extra in bodies.Skip(1))
            {
                file.Error(
                    ConfigurationDiagnosticIds.MultipleBodies,
                    string.Create(CultureInfo.InvariantCulture, $"the job has two bodies, '{bodies[0].Name}' (line {bodies[0].Key.Line}) and '{extra.Name}'; keep exactly one"),
                    extra.Key);
            }

            return null;
        }

        var body = bodies[0];
        var (language, isInline) = Keys[body.Name];
        var value = file.ReadScalar(body);
        if (value is null)
        {
            if (body.Value is YamlScalar)
            {
                file.Error(
                    ConfigurationDiagnosticIds.EmptyBody,
                    isInline ? EmptyInline(body.Name) : $"'{body.Name}' is empty; write the path of the body file",
                    body.Key);
            }

            return null;
        }

        return isInline ? ReadInline(body, value, language, file) : ReadFile(body, value, language, file);
    }

    private static JobBody? ReadInline(YamlEntry body, YamlScalar value, BodyLanguage language, YamlFile file)
    {
        // "csharp: |" with nothing indented below it (or only blank lines) is an empty string, not YAML's null.
        if (string.IsNullOrWhiteSpace(value.Value))
        {
            file.Error(ConfigurationDiagnosticIds.EmptyBody, EmptyInline(body.Name), body.Key);
            return null;
        }

        var offsets = InlineBodyLocator.Locate(body, value, file.Lines);
        if (offsets is null)
        {
            file.Error(
                ConfigurationDiagnosticIds.InlineBodyNotLiteral,
                $"'{body.Name}' spreads code over lines in a way that joins them; write it as a literal block: '{body.Name}: |' with the code indented on the lines below",
                value);
            return null;
        }

        return new JobBody(language, value.Value, file.FilePath, IsInline: true, offsets.Value.LineOffset, offsets.Value.ColumnOffset);
    }

    private static string EmptyInline(string key) =>
        $"'{key}' holds no code; write the code indented on the lines below '{key}: |'";

    private static JobBody? ReadFile(YamlEntry body, YamlScalar value, BodyLanguage language, YamlFile file)
    {
        var path = file.ReadPath(body);
        if (path is null)
        {
            return null;
        }

        var read = UserFileReader.Read(path, "body file", file.RootFolder);
        if (read.IsMissing)
        {
            file.Error(
                ConfigurationDiagnosticIds.BodyFileNotFound,
                $"body file '{path}' named by '{body.Name}: {value.Value}' does not exist; create it or fix the path (relative to the job file's folder)",
                body.Key);
            return null;
        }

        if (read.Text is not { } code)
        {
            file.Error(read.Id!, read.Problem!, body.Key);
            return null;
        }

        if (string.IsNullOrWhiteSpace(code))
        {
            file.Error(
                ConfigurationDiagnosticIds.EmptyBody,
                $"body file '{path}' named by '{body.Name}: {value.Value}' holds no code; write the job's code in it",
                body.Key);
            return null;
        }

        return new JobBody(language, code, path, IsInline: false, LineOffset: 0, ColumnOffset: 0);
    }
}
