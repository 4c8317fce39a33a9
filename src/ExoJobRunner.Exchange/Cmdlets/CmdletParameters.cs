using System.ComponentModel;

namespace ExoJobRunner.Exchange.Cmdlets;

/// <summary>
/// The parameters of one typed cmdlet call, as <see cref="Connection.ExchangeSession.InvokeAsync"/> takes them: only
/// those the caller passed, with the API's value types turned into what Exchange reads. Used by generated code.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class CmdletParameters
{
    private readonly Dictionary<string, object?> _values = new(StringComparer.OrdinalIgnoreCase);

    public CmdletParameters(string cmdletName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(cmdletName);
        CmdletName = cmdletName;
    }

    public string CmdletName { get; }

    public IReadOnlyDictionary<string, object?> Values => _values;

    /// <summary>Adds a parameter the caller passed; a null value means "not passed" and adds nothing.</summary>
    public CmdletParameters Add(string name, object? value)
    {
        if (value is not null)
        {
            _values[name] = value is IExchangeParameterValue parameterValue ? parameterValue.ToParameterValue() : value;
        }

        return this;
    }

    /// <summary>Adds a switch when it is on; an absent switch and <c>-Switch:$false</c> mean the same to Exchange.</summary>
    public CmdletParameters AddSwitch(string name, bool isPresent)
    {
        if (isPresent)
        {
            _values[name] = true;
        }

        return this;
    }
}
