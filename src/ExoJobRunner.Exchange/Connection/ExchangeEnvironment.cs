namespace ExoJobRunner.Exchange.Connection;

/// <summary>
/// The cloud a profile connects to, named as Connect-ExchangeOnline's <c>-ExchangeEnvironmentName</c> names them,
/// plus <see cref="Sandbox"/>: the built-in offline tenant started in-process.
/// </summary>
public enum ExchangeEnvironment
{
    O365Default,
    O365USGovGCCHigh,
    O365USGovDoD,
    O365China,
    Sandbox,
}
