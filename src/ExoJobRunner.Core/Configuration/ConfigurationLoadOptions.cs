namespace ExoJobRunner.Core.Configuration;

/// <summary>
/// Checks the loader cannot make itself, handed in by the host: Core knows neither the scripting languages nor the
/// sandbox, and depends on neither. Without them the loader checks everything else.
/// </summary>
public sealed record ConfigurationLoadOptions
{
    /// <summary>Finds the files bodies include (<c>#load</c>, dot-sourcing), which are then held to the rules bodies follow.</summary>
    public BodyIncludeFinder? FindIncludes { get; init; }

    /// <summary>
    /// What is wrong with a sandbox profile's <c>faults:</c> value by the sandbox's own grammar, or null when it is valid;
    /// the host passes the sandbox's parser so that what loads is exactly what the sandbox accepts.
    /// </summary>
    public Func<string, string?>? CheckSandboxFaults { get; init; }
}
