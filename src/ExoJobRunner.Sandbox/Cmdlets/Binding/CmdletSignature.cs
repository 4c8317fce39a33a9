using System.Collections.Frozen;

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

    public CmdletSignature(string name, CmdletAccess access, IReadOnlyList<CmdletParameter> parameters)
    {
        Name = name;
        Access = access;
        Parameters = parameters;
        IEnumerable<CmdletParameter> accepted = access == CmdletAccess.Write
            ? [.. parameters, .. CommonParameters, new("Confirm", ParameterKind.Switch)]
            : [.. parameters, .. CommonParameters];
        byName = accepted.ToFrozenDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);
    }

    public string Name { get; }

    public CmdletAccess Access { get; }

    /// <summary>The cmdlet's own parameters, common parameters excluded.</summary>
    public IReadOnlyList<CmdletParameter> Parameters { get; }

    public CmdletParameter? Find(string name) => byName.GetValueOrDefault(name);
}
