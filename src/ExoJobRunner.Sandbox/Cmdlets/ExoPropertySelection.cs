using ExoJobRunner.Sandbox.Cmdlets.Binding;
using ExoJobRunner.Sandbox.Cmdlets.Output;

namespace ExoJobRunner.Sandbox.Cmdlets;

/// <summary>
/// How the Get-EXO* cmdlets choose their properties: the Minimum set always, plus each named <c>-PropertySets</c> entry
/// (<c>All</c> meaning everything) and each <c>-Properties</c> name, which must exist.
/// </summary>
internal static class ExoPropertySelection
{
    public static IReadOnlyList<OutputProperty<T>> Resolve<T>(
        string cmdlet,
        BoundParameters parameters,
        OutputShape<T> shape,
        IReadOnlyDictionary<string, IReadOnlyList<string>> propertySets)
    {
        var names = new HashSet<string>(propertySets["Minimum"], StringComparer.OrdinalIgnoreCase);
        foreach (var set in parameters.List("PropertySets") ?? [])
        {
            if (string.Equals(set, "All", StringComparison.OrdinalIgnoreCase))
            {
                return shape.Properties;
            }

            names.UnionWith(propertySets[set]);
        }

        foreach (var property in parameters.List("Properties") ?? [])
        {
            names.Add(shape.Find(property)?.Name ?? throw ExchangeErrors.UnknownProperty(cmdlet, property));
        }

        return shape.Select(names, out _);
    }
}
