namespace ExoJobRunner.Core.History;

/// <summary>
/// A name stored in history (a run's status or trigger): the value it names when this exojobs knows it, and the text
/// as stored either way. A row written by a newer exojobs may hold a name this one does not know; it is then shown as
/// it is, never a reason to fail reading the history.
/// </summary>
/// <typeparam name="TEnum">The values this exojobs knows (<c>RunStatus</c>, <c>RunTrigger</c>).</typeparam>
public readonly record struct RecordedName<TEnum>
    where TEnum : struct, Enum
{
    public RecordedName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        Name = name;

        // Only the exact name: Enum.TryParse would also take "3" or " Failed", which no exojobs ever wrote.
        Value = Enum.TryParse<TEnum>(name, ignoreCase: false, out var value) && string.Equals(value.ToString(), name, StringComparison.Ordinal)
            ? value
            : null;
    }

    /// <summary>The name as stored.</summary>
    public string Name { get; }

    /// <summary>The value named; null when this exojobs does not know the name.</summary>
    public TEnum? Value { get; }

    public static implicit operator RecordedName<TEnum>(TEnum value) => new(value.ToString());

    public override string ToString() => Name;
}
