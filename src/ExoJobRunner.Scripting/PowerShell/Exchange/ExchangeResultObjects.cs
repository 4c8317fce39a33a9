using System.Management.Automation;
using ExoJobRunner.Exchange.Cmdlets;
using ExoJobRunner.Exchange.Results;

namespace ExoJobRunner.Scripting.PowerShell.Exchange;

/// <summary>
/// Exchange's results as PowerShell objects: one note property per property Exchange sent, in its order, the
/// manifest's documented ones typed (so <c>WhenCreated</c> is a <c>[datetime]</c> that sorts and compares as one),
/// nested objects as nested PSObjects. The type name of the typed result leads the object's type names, which is what
/// formatting and <c>-is</c> checks by name see.
/// </summary>
internal static class ExchangeResultObjects
{
    public static PSObject ToPSObject(ExchangeObject result, ExchangeCmdletDescriptor? cmdlet)
    {
        if (cmdlet?.CreateResult is { } create)
        {
            var typed = create(result);
            return Build(typed.EnumerateProperties(), typed.GetType().FullName);
        }

        return Natural(result);
    }

    private static PSObject Natural(ExchangeObject result) =>
        Build(result.PropertyNames.Select(name => new KeyValuePair<string, object?>(name, result[name])), typeName: null);

    private static PSObject Build(IEnumerable<KeyValuePair<string, object?>> properties, string? typeName)
    {
        var item = new PSObject();
        foreach (var (name, value) in properties)
        {
            item.Properties.Add(new PSNoteProperty(name, Convert(value)));
        }

        if (typeName is not null)
        {
            item.TypeNames.Insert(0, typeName);
        }

        return item;
    }

    private static object? Convert(object? value) => value switch
    {
        ExchangeObject nested => Natural(nested),
        object?[] items => items.Select(Convert).ToArray(),
        _ => value,
    };
}
