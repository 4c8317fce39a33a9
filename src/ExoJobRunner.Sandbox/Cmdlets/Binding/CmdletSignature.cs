using System.Collections.Frozen;
using ExoJobRunner.Sandbox.Cmdlets;

namespace ExoJobRunner.Sandbox.Cmdlets.Binding;

/// <summary>A cmdlet's name, whether it writes, and its parameters: everything the binder checks a request against.</summary>
internal sealed class CmdletSignature
{
    /// <summary>PowerShell's common parameters: accepted by every cmdlet and without effect in the sandbox.</summary>
    private static readonly CmdletParameter[] CommonParameters =
    [
        new("ErrorAction", ParameterKind.String),
        new("WarningAction", ParameterKind.String),
        new("InformationAction", ParameterKind.String),
        new("Verbose", ParameterKind.Switch),
        new("Debug", ParameterKind.Switch),
    ];

    private readonly FrozenDictionary<string, CmdletParameter> byName;

    /// <exception cref="InvalidOperationException">
    /// The cmdlet or one of its parameters is not in the cmdlet manifest: the sandbox must not accept what the typed API
    /// and the PowerShell proxies cannot send.
    /// </exception>
    public CmdletSignature(string name, CmdletAccess access, IReadOnlyList<CmdletParameter> parameters)
    {
        Manifest = CmdletManifest.Cmdlets.GetValueOrDefault(name) ?? throw new InvalidOperationException(
            $"The sandbox emulates {name}, which the cmdlet manifest does not declare: add it to cmdlets.json.");
        if (parameters.FirstOrDefault(parameter => Manifest.FindParameter(parameter.Name) is null) is { } undeclared)
        {
            throw new InvalidOperationException(
                $"The sandbox emulates parameter -{undeclared.Name} of {name}, which the cmdlet manifest does not declare: add it to cmdlets.json.");
        }

        Name = name;
        Access = access;
        Parameters = parameters;
        IEnumerable<CmdletParameter> accepted = access == CmdletAccess.Write
            ? [.. parameters, .. CommonParameters, new("Confirm", ParameterKind.Switch)]
            : [.. parameters, .. CommonParameters];
        byName = accepted.ToFrozenDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);
    }

    public string Name { get; }

    /// <summary>The cmdlet as the manifest declares it, with every parameter Exchange has, emulated or not.</summary>
    public ManifestCmdlet Manifest { get; }

    public CmdletAccess Access { get; }

    /// <summary>The cmdlet's own parameters, common parameters excluded.</summary>
    public IReadOnlyList<CmdletParameter> Parameters { get; }

    public CmdletParameter? Find(string name) => byName.GetValueOrDefault(name);
}
