using ExoJobRunner.Core.Configuration.Files;
using ExoJobRunner.Core.Configuration.JobFiles;
using ExoJobRunner.Core.Configuration.Sections;
using ExoJobRunner.Core.Configuration.Validation;
using ExoJobRunner.Core.Diagnostics;
using ExoJobRunner.Core.Jobs;

namespace ExoJobRunner.Core.Configuration;

/// <summary>
/// Loads exojobs.yaml and every job file it points at. Bad input never throws: every problem in every file is
/// collected with its file, line and column, and the configuration is returned only when none is an error.
/// </summary>
public static class ConfigurationLoader
{
    /// <summary>The configuration file looked for in the current folder when none is named.</summary>
    public const string DefaultFileName = "exojobs.yaml";

    /// <summary>The environment variable that names the configuration file when --config is not given.</summary>
    public const string FileEnvironmentVariable = "EXOJOBS_CONFIG";

    /// <param name="configFilePath">Path of exojobs.yaml, absolute or relative to the current folder.</param>
    /// <param name="options">The host's checks of included files and fault specs; null checks neither.</param>
    public static ConfigurationLoadResult Load(string configFilePath, ConfigurationLoadOptions? options = null)
    {
        options ??= new ConfigurationLoadOptions();
        ArgumentNullException.ThrowIfNull(configFilePath);

        var fullPath = TryGetFullPath(configFilePath);
        if (fullPath is null || !File.Exists(fullPath))
        {
            return new ConfigurationLoadResult(null, [NotFound(fullPath ?? configFilePath)]);
        }

        var diagnostics = new List<ExoDiagnostic>();
        var file = YamlFile.Open(fullPath, "configuration file", ResolveFolder(fullPath), mustBeInside: false, options, diagnostics);
        if (file is null)
        {
            return new ConfigurationLoadResult(null, diagnostics);
        }

        var configuration = ConfigurationFileReader.Read(file);
        var jobs = LoadJobs(file, configuration, diagnostics);
        if (options.FindIncludes is { } findIncludes)
        {
            foreach (var job in jobs)
            {
                IncludedFileCheck.Check(job.Body, file.RootFolder, findIncludes, diagnostics);
            }
        }

        var ordered = InFileOrder([.. diagnostics.Distinct()]);
        if (ordered.Any(diagnostic => diagnostic.IsError))
        {
            return new ConfigurationLoadResult(null, ordered);
        }

        return new ConfigurationLoadResult(
            new RunnerConfiguration
            {
                FilePath = fullPath,
                Profiles = configuration.Profiles,
                Defaults = configuration.Defaults,
                JobPatterns = configuration.JobPatterns,
                History = configuration.History,
                Jobs = jobs,
            },
            ordered);
    }

    /// <summary>
    /// Sorts diagnostics by line and column within each file, files kept in the order they were read (exojobs.yaml
    /// first), so a user fixing them top to bottom never has to scroll back. The sort is stable: two problems at one
    /// position keep the order they were found in.
    /// </summary>
    private static List<ExoDiagnostic> InFileOrder(List<ExoDiagnostic> diagnostics)
    {
        var fileOrder = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var location in diagnostics.Select(diagnostic => diagnostic.Location).OfType<SourceLocation>())
        {
            fileOrder.TryAdd(location.FilePath, fileOrder.Count);
        }

        return
        [
            .. diagnostics
                .OrderBy(diagnostic => diagnostic.Location is null ? -1 : fileOrder[diagnostic.Location.FilePath])
                .ThenBy(diagnostic => diagnostic.Location?.Line ?? 0)
                .ThenBy(diagnostic => diagnostic.Location?.Column ?? 0),
        ];
    }

    private static List<JobDefinition> LoadJobs(YamlFile configFile, ConfigurationFile configuration, List<ExoDiagnostic> diagnostics)
    {
        var jobFiles = FindJobFiles(configFile, configuration);
        if (jobFiles.Count == 0)
        {
            configFile.Warning(
                ConfigurationDiagnosticIds.NoJobFilesMatched,
                $"no job file matches 'jobs: {string.Join(", ", configuration.JobPatterns)}' under '{configFile.DirectoryPath}'; add job files there or change 'jobs:'",
                configuration.JobPatternsNode);
        }

        var profileNames = configuration.Profiles.Keys.ToList();
        var jobsByName = new Dictionary<string, JobDefinition>(StringComparer.OrdinalIgnoreCase);
        foreach (var path in jobFiles)
        {
            var jobFile = YamlFile.Open(path, "job file", configFile.RootFolder, mustBeInside: true, configFile.Options, diagnostics);
            var job = jobFile is null ? null : JobFileReader.Read(jobFile, configuration.Defaults, profileNames);
            if (job is null)
            {
                continue;
            }

            if (jobsByName.TryGetValue(job.Name, out var first))
            {
                diagnostics.Add(ExoDiagnostic.Error(
                    ConfigurationDiagnosticIds.DuplicateJobName,
                    $"job name '{job.Name}' is already used by '{first.FilePath}'; job names must be unique (ignoring case): rename one of them",
                    job.Location));
                continue;
            }

            jobsByName.Add(job.Name, job);
        }

        return [.. jobsByName.Values.OrderBy(job => job.Name, StringComparer.OrdinalIgnoreCase).ThenBy(job => job.Name, StringComparer.Ordinal)];
    }

    private static List<string> FindJobFiles(YamlFile configFile, ConfigurationFile configuration)
    {
        var files = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var pattern in configuration.JobPatterns)
        {
            try
            {
                files.UnionWith(JobFileGlob.Match(configFile.DirectoryPath, pattern));
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException)
            {
                configFile.Error(
                    ConfigurationDiagnosticIds.InvalidValue,
                    $"jobs pattern '{pattern}' cannot be searched: {exception.Message}",
                    configuration.JobPatternsNode);
            }
        }

        // A pattern such as **/*.yaml also matches exojobs.yaml itself, which is not a job.
        files.Remove(configFile.FilePath);
        return [.. files];
    }

    /// <summary>
    /// The folder of exojobs.yaml with its links resolved, so that a file is inside it exactly when its own resolved path
    /// is. A folder whose links form a cycle cannot hold exojobs.yaml, which was just found: the path is kept as it is.
    /// </summary>
    private static string ResolveFolder(string configFilePath)
    {
        var folder = Path.GetDirectoryName(configFilePath)!;
        try
        {
            return RealPath.Resolve(folder, folder);
        }
        catch (IOException)
        {
            return folder;
        }
    }

    private static string? TryGetFullPath(string path)
    {
        try
        {
            return path.Trim().Length == 0 ? null : Path.GetFullPath(path);
        }
        catch (Exception exception) when (exception is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return null;
        }
    }

    private static ExoDiagnostic NotFound(string path)
    {
        var what = Directory.Exists(path) ? $"'{path}' is a folder, not a configuration file" : $"configuration file '{path}' not found";
        return ExoDiagnostic.Error(
            ConfigurationDiagnosticIds.ConfigFileNotFound,
            $"{what}; create {DefaultFileName} there, pass --config <path to {DefaultFileName}>, or set {FileEnvironmentVariable}",
            null);
    }
}
