using System.Collections.Frozen;

namespace ExoJobRunner.Sandbox.Cmdlets.Output;

/// <summary>
/// The properties an output object has, in the order Exchange prints them. Filters, <c>-Properties</c> and
/// <c>$select</c> all resolve names against this one list, case-insensitively, as Exchange does.
/// </summary>
internal sealed class OutputShape<T>
{
    private readonly FrozenDictionary<string, OutputProperty<T>> byName;

    public OutputShape(IEnumerable<OutputProperty<T>> properties)
    {
        Properties = properties.ToArray();
        byName = Properties.ToFrozenDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);
    }

    public IReadOnlyList<OutputProperty<T>> Properties { get; }

    public OutputProperty<T>? Find(string name) => byName.GetValueOrDefault(name);

    /// <summary>The named properties in the shape's order, or null naming the first unknown one.</summary>
    public IReadOnlyList<OutputProperty<T>> Select(IEnumerable<string> names, out string? unknown)
    {
        var wanted = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        unknown = null;
        foreach (var name in names)
        {
            if (Find(name) is null)
            {
                unknown ??= name;
            }

            wanted.Add(name);
        }

        return Properties.Where(p => wanted.Contains(p.Name)).ToArray();
    }
}
