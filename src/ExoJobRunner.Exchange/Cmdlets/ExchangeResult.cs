using System.Diagnostics.CodeAnalysis;
using ExoJobRunner.Exchange.Results;

namespace ExoJobRunner.Exchange.Cmdlets;

/// <summary>
/// The base of every typed result (<c>Mailbox</c>, <c>MailboxStatistics</c> …): the generated subclass adds the
/// documented properties, typed; every property, documented or not, stays readable by name as on
/// <see cref="ExchangeObject"/>: <c>mailbox["msExchExtensionCustomAttribute1"]</c>.
/// </summary>
public abstract class ExchangeResult
{
    protected ExchangeResult(ExchangeObject source)
    {
        ArgumentNullException.ThrowIfNull(source);
        Source = source;
    }

    /// <summary>The result as Exchange sent it.</summary>
    public ExchangeObject Source { get; }

    /// <summary>The property names in the order Exchange sent them.</summary>
    public IReadOnlyList<string> PropertyNames => Source.PropertyNames;

    /// <inheritdoc cref="ExchangeObject.this[string]"/>
    public object? this[string name] => Source[name];

    public bool Has(string name) => Source.Has(name);

    /// <inheritdoc cref="ExchangeObject.Get{T}(string)"/>
    public T Get<T>(string name) => Source.Get<T>(name);

    /// <inheritdoc cref="ExchangeObject.TryGet{T}(string, out T)"/>
    public bool TryGet<T>(string name, [MaybeNullWhen(false)] out T value) => Source.TryGet(name, out value);

    /// <summary>
    /// Every property the result carries, in Exchange's order: documented ones as their typed value, the others as
    /// their natural value (see <see cref="ExchangeObject.this[string]"/>). A documented property whose value does not
    /// have the documented shape keeps the value Exchange sent, so listing a result never fails.
    /// </summary>
    public IEnumerable<KeyValuePair<string, object?>> EnumerateProperties()
    {
        foreach (var name in PropertyNames)
        {
            object? value;
            try
            {
                if (!TryReadDocumentedProperty(name, out value))
                {
                    value = Source[name];
                }
            }
            catch (InvalidCastException)
            {
                value = Source[name];
            }

            yield return new KeyValuePair<string, object?>(name, value);
        }
    }

    public override string ToString() => Source.ToString();

    /// <summary>Reads <paramref name="name"/> through its typed property when it is a documented one.</summary>
    protected abstract bool TryReadDocumentedProperty(string name, out object? value);

    /// <summary>A documented property: the default (null) when the result does not carry it.</summary>
    /// <exception cref="InvalidCastException">The value does not convert to <typeparamref name="T"/>.</exception>
    protected T? Read<T>(string name) => Source.Has(name) ? Source.Get<T>(name) : default;

    /// <summary>A documented size property (<c>1.23 GB (1,320,702,208 bytes)</c>), or null when the result does not carry it.</summary>
    /// <exception cref="InvalidCastException">The value is not a size.</exception>
    protected ByteQuantifiedSize? ReadByteQuantifiedSize(string name) =>
        !Source.Has(name) ? null
        : Source[name] switch
        {
            null => null,
            long bytes when bytes >= 0 => new ByteQuantifiedSize((ulong)bytes),
            string text when ByteQuantifiedSize.TryParse(text, out var size) => size,
            var other => throw new InvalidCastException(
                $"Property '{name}' is '{other}', which is not a size such as '1.5 GB (1,610,612,736 bytes)'."),
        };
}
