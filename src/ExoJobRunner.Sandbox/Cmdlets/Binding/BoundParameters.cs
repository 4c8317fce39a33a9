using ExoJobRunner.Sandbox.Cmdlets.Opath;

namespace ExoJobRunner.Sandbox.Cmdlets.Binding;

/// <summary>A request's parameters after binding: known names, converted values, mandatory ones present.</summary>
internal sealed class BoundParameters
{
    private readonly Dictionary<string, object?> values = new(StringComparer.OrdinalIgnoreCase);

    public bool Has(string name) => values.ContainsKey(name);

    public string? String(string name) => values.GetValueOrDefault(name) as string;

    public string Identity(string name) => (string)values[name]!;

    public bool? Boolean(string name) => values.TryGetValue(name, out var value) ? (bool?)value : null;

    public bool Switch(string name) => Boolean(name) ?? false;

    public DateTimeOffset? Date(string name) => values.TryGetValue(name, out var value) ? (DateTimeOffset?)value : null;

    public IReadOnlyList<string>? List(string name) => values.GetValueOrDefault(name) as IReadOnlyList<string>;

    public ResultSize ResultSize => values.TryGetValue("ResultSize", out var value) ? (ResultSize)value! : ResultSize.Default;

    /// <summary>The parsed <c>-Filter</c> with its original text, which filter errors quote.</summary>
    public (OpathExpression Expression, string Text)? Filter =>
        values.TryGetValue("Filter", out var value) ? ((OpathExpression, string)?)value : null;

    public void Set(string name, object? value) => values[name] = value;
}
