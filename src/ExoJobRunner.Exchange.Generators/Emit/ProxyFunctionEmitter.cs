using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ExoJobRunner.Exchange.Generators.Manifest;

namespace ExoJobRunner.Exchange.Generators.Emit;

/// <summary>
/// Writes the PowerShell proxy function of a cmdlet: an advanced function with the cmdlet's own parameters, sets,
/// positions and pipeline binding, whose body hands the bound parameters to the host's <c>Invoke-ExchangeCmdlet</c>.
/// PowerShell therefore binds and validates a call exactly as it would the real cmdlet, and pipes results
/// (<c>Get-Mailbox | Get-MailboxStatistics</c>) by property name.
/// </summary>
internal static class ProxyFunctionEmitter
{
    /// <summary>The host cmdlet every proxy calls; it is registered next to the proxies.</summary>
    public const string HostCmdletName = "Invoke-ExchangeCmdlet";

    /// <summary>The function's definition, as <c>SessionStateFunctionEntry</c> takes it (the text inside the braces).</summary>
    public static string Emit(CmdletModel cmdlet)
    {
        var source = new SourceBuilder();
        source.Line(cmdlet.DefaultParameterSet is null
            ? "[CmdletBinding()]"
            : $"[CmdletBinding(DefaultParameterSetName = '{cmdlet.DefaultParameterSet}')]");
        source.Line("param(").Indent();
        for (var index = 0; index < cmdlet.Parameters.Count; index++)
        {
            var parameter = cmdlet.Parameters[index];
            if (index > 0)
            {
                source.Line();
            }

            foreach (var attribute in ParameterAttributes(cmdlet, parameter))
            {
                source.Line(attribute);
            }

            var separator = index < cmdlet.Parameters.Count - 1 ? "," : string.Empty;
            source.Line($"{TypeMapping.PowerShellParameterType(parameter.Kind)} ${parameter.Name}{separator}");
        }

        source.Outdent().Line(")");
        source.Line();
        source.Line("process").Open();

        // $PSCmdlet goes along so Exchange's errors are written as this function's own: -ErrorAction on the call
        // then applies to them, and the error names Get-Mailbox rather than the host cmdlet.
        source.Line($"{HostCmdletName} -Name '{cmdlet.Name}' -Parameters $PSBoundParameters -Caller $PSCmdlet");
        source.Close();
        return source.ToString();
    }

    /// <summary>
    /// One <c>[Parameter()]</c> per set the parameter belongs to (PowerShell's way of saying "mandatory here,
    /// optional there"), or a single one when it is in every set alike.
    /// </summary>
    private static IEnumerable<string> ParameterAttributes(CmdletModel cmdlet, ParameterModel parameter)
    {
        if (parameter.Sets.Count == 0 && parameter.MandatorySets.Count == 0)
        {
            yield return Attribute(setName: null, parameter.IsMandatory, parameter);
            yield break;
        }

        var sets = parameter.Sets.Count > 0 ? parameter.Sets : cmdlet.ParameterSets;
        foreach (var set in sets)
        {
            yield return Attribute(set, parameter.IsMandatoryIn(set), parameter);
        }
    }

    private static string Attribute(string? setName, bool mandatory, ParameterModel parameter)
    {
        var arguments = new List<string>();
        if (setName is not null)
        {
            arguments.Add($"ParameterSetName = '{setName}'");
        }

        if (mandatory)
        {
            arguments.Add("Mandatory = $true");
        }

        if (parameter.Position is { } position)
        {
            arguments.Add("Position = " + position.ToString(CultureInfo.InvariantCulture));
        }

        if (parameter.FromPipeline)
        {
            arguments.Add("ValueFromPipeline = $true");
            arguments.Add("ValueFromPipelineByPropertyName = $true");
        }

        return $"[Parameter({string.Join(", ", arguments)})]";
    }
}
