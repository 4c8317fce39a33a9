namespace ExoJobRunner.Core.Configuration;

/// <summary>
/// A file a body pulls in when it runs: a C# <c>#load</c>, a PowerShell dot-sourced script.
/// </summary>
/// <param name="Path">The absolute path the engine will read, worked out by the language's own rules (links not yet followed).</param>
/// <param name="Line">1-based line of the include in the code that holds it.</param>
/// <param name="Column">1-based column of the include in the code that holds it.</param>
public sealed record BodyInclude(string Path, int Line, int Column);
