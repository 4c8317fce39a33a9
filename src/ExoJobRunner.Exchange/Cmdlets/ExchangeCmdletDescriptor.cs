using ExoJobRunner.Exchange.Results;

namespace ExoJobRunner.Exchange.Cmdlets;

/// <summary>A cmdlet of the manifest as a host exposes it by name.</summary>
/// <param name="Name">As Exchange names it: <c>Get-Mailbox</c>.</param>
/// <param name="ProxyFunction">
/// The definition of its PowerShell proxy function (the text of the function's body): the cmdlet's parameters, sets and
/// pipeline binding, handing the bound parameters to the host's <c>Invoke-ExchangeCmdlet</c>.
/// </param>
/// <param name="CreateResult">Wraps one of its results in its typed result class; null when the manifest gives it none.</param>
public sealed record ExchangeCmdletDescriptor(string Name, string ProxyFunction, Func<ExchangeObject, ExchangeResult>? CreateResult);
