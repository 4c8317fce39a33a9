using System.Management.Automation;
using PowerShellPipeline = System.Management.Automation.PowerShell;

namespace ExoJobRunner.Scripting.PowerShell;

/// <summary>
/// Renders one run's output objects as log lines, the way the console would show them. Strings stay exactly as
/// written; anything else goes through <c>Out-String</c>, so objects use their format views (a table or a list)
/// rather than a bare type name. Must be used on the running pipeline's thread: formatting runs as a nested
/// pipeline in the same runspace.
/// </summary>
internal sealed class PowerShellOutputFormatter
{
    // A body ending in "| Format-Table" emits formatting records, not objects: a start record, the entries and an
    // end record. Out-String renders them only as a complete sequence, so they are collected from start to end.
    // The record types are internal to PowerShell; their names are the stable part (format views match on them too).
    private const string FormatStartTypeName = "Microsoft.PowerShell.Commands.Internal.Format.FormatStartData";
    private const string FormatEndTypeName = "Microsoft.PowerShell.Commands.Internal.Format.FormatEndData";

    private List<PSObject>? _formatSequence;

    /// <summary>The text to log for <paramref name="item"/>, or null while it is part of an unfinished Format-* sequence.</summary>
    public string? Format(PSObject item)
    {
        var typeName = item.BaseObject.GetType().FullName;
        if (typeName == FormatStartTypeName)
        {
            _formatSequence = [];
        }

        if (_formatSequence is not null)
        {
            _formatSequence.Add(item);
            if (typeName != FormatEndTypeName)
            {
                return null;
            }

            var sequence = _formatSequence;
            _formatSequence = null;
            return OutString(sequence);
        }

        return item.BaseObject is string text ? text : OutString([item]);
    }

    private static string OutString(IReadOnlyList<PSObject> items)
    {
        using var outString = PowerShellPipeline.Create(RunspaceMode.CurrentRunspace);
        var lines = outString.AddCommand("Out-String").Invoke<string>(items);
        return string.Concat(lines).Trim();
    }
}
