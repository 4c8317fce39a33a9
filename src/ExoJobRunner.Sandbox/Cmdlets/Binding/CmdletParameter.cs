namespace ExoJobRunner.Sandbox.Cmdlets.Binding;

/// <summary>
/// One parameter of a cmdlet. <paramref name="TypeName"/> is the .NET type Exchange declares for enumerations, used in
/// conversion errors ("Cannot convert value "x" to type "Microsoft.Exchange.Data.Storage.OofState"").
/// </summary>
internal sealed record CmdletParameter(
    string Name,
    ParameterKind Kind,
    bool Mandatory = false,
    string? TypeName = null,
    IReadOnlyList<string>? Choices = null);
