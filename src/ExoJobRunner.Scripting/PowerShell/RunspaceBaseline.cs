using System.Management.Automation;
using System.Management.Automation.Runspaces;

namespace ExoJobRunner.Scripting.PowerShell;

/// <summary>
/// The global functions and aliases a runspace had when it opened. <see cref="Runspace.ResetRunspaceState"/>
/// restores variables but keeps whatever a run defined with <c>function global:Get-Thing</c> or
/// <c>Set-Alias -Scope Global</c>, so those are removed before the runspace serves another run.
/// </summary>
internal sealed class RunspaceBaseline
{
    private static readonly string[] CommandDrives = ["Function:", "Alias:"];

    private readonly HashSet<string> _itemPaths;

    private RunspaceBaseline(HashSet<string> itemPaths)
    {
        _itemPaths = itemPaths;
    }

    public static RunspaceBaseline Capture(Runspace runspace) =>
        new(ListItemPaths(runspace).ToHashSet(StringComparer.OrdinalIgnoreCase));

    public void RemoveAddedItems(Runspace runspace)
    {
        var added = ListItemPaths(runspace).Where(path => !_itemPaths.Contains(path)).ToArray();
        if (added.Length > 0)
        {
            runspace.SessionStateProxy.InvokeProvider.Item.Remove(added, recurse: false, force: true, literalPath: true);
        }
    }

    private static IEnumerable<string> ListItemPaths(Runspace runspace)
    {
        var childItems = runspace.SessionStateProxy.InvokeProvider.ChildItem;
        return CommandDrives.SelectMany(drive =>
            childItems.GetNames(drive, ReturnContainers.ReturnMatchingContainers, recurse: false)
                .Select(name => drive + name));
    }
}
