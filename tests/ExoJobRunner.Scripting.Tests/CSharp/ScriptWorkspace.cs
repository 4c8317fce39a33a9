using ExoJobRunner.Core.Jobs;
using ExoJobRunner.Core.Running;
using ExoJobRunner.Exchange.Connection;

namespace ExoJobRunner.Scripting.Tests.CSharp;

/// <summary>A throw-away job folder on disk: real .csx and YAML files for the engine to compile and #load.</summary>
internal sealed class ScriptWorkspace : IDisposable
{
    public ScriptWorkspace()
    {
        Root = Path.Combine(Path.GetTempPath(), "exojobs-csharp-tests", Guid.NewGuid().ToString("N"));
        OutputDirectory = Path.Combine(Root, "runs", "output");
        Directory.CreateDirectory(OutputDirectory);
    }

    public string Root { get; }

    public string OutputDirectory { get; }

    public string PathOf(string relativePath) => Path.Combine(Root, relativePath);

    public string Write(string relativePath, string content)
    {
        var path = PathOf(relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    /// <summary>Writes a .csx body file.</summary>
    public JobBody FileBody(string relativePath, string code) =>
        new(BodyLanguage.CSharp, code, Write(relativePath, code), IsInline: false, LineOffset: 0, ColumnOffset: 0);

    /// <summary>
    /// Writes a job YAML whose <c>csharp: |</c> block holds <paramref name="code"/> indented by
    /// <paramref name="indent"/> spaces after <paramref name="headerLines"/>, with the offsets the loader would compute.
    /// </summary>
    public JobBody InlineBody(string relativePath, IReadOnlyList<string> headerLines, string code, int indent)
    {
        var padding = new string(' ', indent);
        var codeLines = code.Split('\n').Select(line => line.Length == 0 ? line : padding + line);
        var yaml = string.Join('\n', [.. headerLines, "csharp: |", .. codeLines]);
        return new(BodyLanguage.CSharp, code, Write(relativePath, yaml), IsInline: true, LineOffset: headerLines.Count + 1, ColumnOffset: indent);
    }

    public BodyRunRequest Request(RecordingLogger log, ExchangeSession? exchange = null, params (string Name, string Value)[] parameters)
    {
        var values = parameters.ToDictionary(pair => pair.Name, pair => pair.Value, StringComparer.OrdinalIgnoreCase);
        return new BodyRunRequest(new JobContext("report", "run-1", values, OutputDirectory), log, exchange);
    }

    public void Dispose()
    {
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    }
}
