using System.Collections;
using System.Management.Automation;
using ExoJobRunner.Exchange.Cmdlets;

namespace ExoJobRunner.Scripting.PowerShell.Exchange;

/// <summary>
/// Turns a proxy function's <c>$PSBoundParameters</c> into the parameters sent to Exchange: PowerShell's common
/// parameters (<c>-ErrorAction</c>, <c>-Verbose</c>, <c>-OutVariable</c> …) act here and are not Exchange's, and the
/// API's value types (<c>[ResultSize]</c>) are sent as the plain values Exchange reads.
/// </summary>
internal static class ExchangeCmdletParameters
{
    public static Dictionary<string, object?> FromBound(IDictionary? bound)
    {
        var parameters = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        if (bound is null)
        {
            return parameters;
        }

        foreach (DictionaryEntry entry in bound)
        {
            var name = LanguagePrimitives.ConvertTo<string>(entry.Key);
            if (Cmdlet.CommonParameters.Contains(name) || Cmdlet.OptionalCommonParameters.Contains(name))
            {
                continue;
            }

            var value = entry.Value is PSObject wrapped ? wrapped.BaseObject : entry.Value;
            parameters[name] = value is IExchangeParameterValue parameterValue ? parameterValue.ToParameterValue() : entry.Value;
        }

        return parameters;
    }
}
