namespace ExoJobRunner.Exchange.Cmdlets;

/// <summary>
/// A change to a multi-valued property such as <c>EmailAddresses</c>: either a whole new list of values (an array
/// converts implicitly), or values to add and to remove, leaving the others alone, as PowerShell's
/// <c>@{ Add = "smtp:a@contoso.com"; Remove = "smtp:b@contoso.com" }</c> does.
/// </summary>
public sealed class MultiValuedUpdate : IExchangeParameterValue
{
    private readonly IReadOnlyList<string>? _replacement;
    private readonly IReadOnlyList<string> _added;
    private readonly IReadOnlyList<string> _removed;

    private MultiValuedUpdate(IReadOnlyList<string>? replacement, IReadOnlyList<string> added, IReadOnlyList<string> removed)
    {
        _replacement = replacement;
        _added = added;
        _removed = removed;
    }

    /// <summary>Replaces every value by <paramref name="values"/>.</summary>
    public static implicit operator MultiValuedUpdate(string[] values) => Replace(values);

    /// <summary>Replaces every value by <paramref name="values"/>.</summary>
    public static MultiValuedUpdate Replace(params IEnumerable<string> values) => new(Checked(values), [], []);

    /// <summary>Adds <paramref name="values"/> and keeps the others.</summary>
    public static MultiValuedUpdate Add(params IEnumerable<string> values) => new(null, Checked(values), []);

    /// <summary>Removes <paramref name="values"/> and keeps the others.</summary>
    public static MultiValuedUpdate Remove(params IEnumerable<string> values) => new(null, [], Checked(values));

    /// <summary>Replaces every value by <paramref name="values"/>.</summary>
    public static MultiValuedUpdate FromStringArray(string[] values) => Replace(values);

    /// <summary>This change, also adding <paramref name="values"/>.</summary>
    /// <exception cref="InvalidOperationException">This change replaces the values: add them to the replacement instead.</exception>
    public MultiValuedUpdate AndAdd(params IEnumerable<string> values) =>
        new(null, [.. ThrowIfReplacement()._added, .. Checked(values)], _removed);

    /// <summary>This change, also removing <paramref name="values"/>.</summary>
    /// <exception cref="InvalidOperationException">This change replaces the values: leave them out of the replacement instead.</exception>
    public MultiValuedUpdate AndRemove(params IEnumerable<string> values) =>
        new(null, _added, [.. ThrowIfReplacement()._removed, .. Checked(values)]);

    /// <summary>An array for a replacement; for Add/Remove a table Exchange reads as a hashtable.</summary>
    public object ToParameterValue()
    {
        if (_replacement is not null)
        {
            return _replacement.ToArray();
        }

        var change = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (_added.Count > 0)
        {
            change["Add"] = _added.ToArray();
        }

        if (_removed.Count > 0)
        {
            change["Remove"] = _removed.ToArray();
        }

        return change;
    }

    public override string ToString() =>
        _replacement is not null
            ? string.Join(", ", _replacement)
            : $"add [{string.Join(", ", _added)}], remove [{string.Join(", ", _removed)}]";

    private static string[] Checked(IEnumerable<string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var list = values.ToArray();
        if (list.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("A multi-valued property cannot hold an empty value.", nameof(values));
        }

        return list;
    }

    private MultiValuedUpdate ThrowIfReplacement() =>
        _replacement is null
            ? this
            : throw new InvalidOperationException("This update replaces every value; combine Add and Remove updates, not a replacement.");
}
