namespace ExoJobRunner.Exchange.Cmdlets;

/// <summary>
/// A value type of the cmdlet API (<see cref="ResultSize"/>, <see cref="MultiValuedUpdate"/>) that is sent to Exchange
/// as a plain value: a string, a number, an array or an Add/Remove table.
/// </summary>
public interface IExchangeParameterValue
{
    /// <summary>The value as it goes into the request's parameters.</summary>
    object ToParameterValue();
}
