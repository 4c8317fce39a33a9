namespace ExoJobRunner.Exchange.Generators;

/// <summary>What the generator emits into the project it runs in (MSBuild property <c>ExoCmdletManifestOutput</c>).</summary>
internal enum GeneratorOutput
{
    /// <summary>The typed cmdlet methods, result types and PowerShell proxies: the Exchange assembly.</summary>
    ExchangeApi,

    /// <summary>Only the table of cmdlet and parameter names the sandbox validates requests against.</summary>
    SandboxValidation,
}
