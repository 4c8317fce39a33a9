using ExoJobRunner.Core.Jobs;

namespace ExoJobRunner.Core.Configuration;

/// <summary>
/// Finds the files <paramref name="code"/> includes that can be seen without running it. The scripting layer provides
/// it (the loader knows neither C# nor PowerShell syntax), so that the loader can hold included files to the same
/// rules as bodies: inside the folder of exojobs.yaml, regular, not too large.
/// </summary>
/// <param name="language">The language of <paramref name="code"/>.</param>
/// <param name="code">A body, or a file one includes.</param>
/// <param name="filePath">The absolute path <paramref name="code"/> is read from (the YAML file for an inline body).</param>
public delegate IReadOnlyList<BodyInclude> BodyIncludeFinder(BodyLanguage language, string code, string filePath);
