using ExoJobRunner.Core.Configuration;

namespace ExoJobRunner.Core.Tests.Configuration;

/// <summary>
/// A temporary folder holding real configuration files, deleted after the test. Layouts are written as one text
/// with a <c>#&gt; relative/path</c> line before each file's content, so a test row shows every file it uses.
/// </summary>
public sealed class ConfigFolder : IDisposable
{
    public const string ConfigFileName = "exojobs.yaml";

    /// <summary>A job that loads without any diagnostic; added by <see cref="WithJobUnlessPresent"/>.</summary>
    public const string MinimalJob = "csharp: Log.LogInformation(\"ok\");\n";

    public ConfigFolder()
    {
        Root = Path.Combine(Path.GetTempPath(), "exojobs-config-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public string ConfigPath => PathOf(ConfigFileName);

    /// <summary>Writes every file of <paramref name="layout"/> (see the class summary) into a new folder.</summary>
    public static ConfigFolder FromLayout(string layout)
    {
        var folder = new ConfigFolder();
        string? currentPath = null;
        var content = new List<string>();
        foreach (var line in layout.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            if (line.StartsWith("#> ", StringComparison.Ordinal))
            {
                folder.WriteIfNamed(currentPath, content);
                currentPath = line[3..].Trim();
                content.Clear();
            }
            else
            {
                content.Add(line);
            }
        }

        folder.WriteIfNamed(currentPath, content);
        return folder;
    }

    /// <summary>
    /// Adds <c>exojobs.yaml</c> (empty) and <c>jobs/ok.yaml</c> when the layout has none, so that a row about
    /// one problem does not also get "no job files matched" or "file not found".
    /// </summary>
    public ConfigFolder WithJobUnlessPresent()
    {
        if (!File.Exists(ConfigPath))
        {
            Write(ConfigFileName, string.Empty);
        }

        var jobs = PathOf("jobs");
        if (!Directory.Exists(jobs) || Directory.GetFiles(jobs, "*.yaml").Length == 0)
        {
            Write("jobs/ok.yaml", MinimalJob);
        }

        return this;
    }

    public string PathOf(string relativePath) => Path.GetFullPath(Path.Combine(Root, relativePath));

    public void Write(string relativePath, string text)
    {
        var path = PathOf(relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    public ConfigurationLoadResult Load() => ConfigurationLoader.Load(ConfigPath, HostLoadOptions.Value);

    public void Dispose()
    {
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    }

    private void WriteIfNamed(string? relativePath, List<string> lines)
    {
        if (relativePath is not null)
        {
            Write(relativePath, string.Join('\n', lines) + "\n");
        }
    }
}
