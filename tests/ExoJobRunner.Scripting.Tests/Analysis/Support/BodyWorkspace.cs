using ExoJobRunner.Core.Jobs;

namespace ExoJobRunner.Scripting.Tests.Analysis.Support;

/// <summary>A throw-away folder holding the body files (and job YAML files) of one test.</summary>
internal sealed class BodyWorkspace : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("exojobs-analysis-tests-");

    public string Root => _root.FullName;

    public string Write(string relativePath, string content)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    /// <summary>A .csx or .ps1 body file, with the job's <c>rules:</c> entries.</summary>
    public JobBody FileBody(BodyLanguage language, string code, params RuleSeverityOverride[] rules)
    {
        var path = Write(language == BodyLanguage.CSharp ? "jobs/body.csx" : "jobs/body.ps1", code);
        return new JobBody(language, code, path, IsInline: false, LineOffset: 0, ColumnOffset: 0) { RuleOverrides = rules };
    }

    /// <summary>
    /// A job YAML file whose body is written inline after <paramref name="headerLines"/> lines, indented by
    /// <paramref name="indent"/>, with the offsets the configuration loader computes.
    /// </summary>
    public JobBody InlineBody(BodyLanguage language, string code, int headerLines, int indent)
    {
        var key = language == BodyLanguage.CSharp ? "csharp" : "powershell";
        var header = Enumerable.Range(1, headerLines).Select(line => $"key{line}: value");
        var padding = new string(' ', indent);
        var body = code.Split('\n').Select(line => line.Length == 0 ? line : padding + line);
        var path = Write("jobs/inline.yaml", string.Join('\n', [.. header, $"{key}: |", .. body]));
        return new JobBody(language, code, path, IsInline: true, LineOffset: headerLines + 1, ColumnOffset: indent);
    }

    public static RuleSeverityOverride Rule(string id, RuleSeverity severity, string yamlPath = "exojobs.yaml", int line = 1) =>
        new(id, severity, new Core.Diagnostics.SourceLocation(yamlPath, line, 3));

    public void Dispose() => _root.Delete(recursive: true);
}
