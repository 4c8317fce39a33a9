using System.Globalization;
using System.Text.Json;
using ExoJobRunner.Sandbox.Cmdlets.Opath;

namespace ExoJobRunner.Sandbox.Cmdlets.Binding;

/// <summary>
/// Binds the JSON <c>Parameters</c> object of an InvokeCommand request to a cmdlet's signature the way PowerShell binds
/// named parameters: unknown names, repeated names, missing mandatory parameters and unconvertible values are refused
/// with PowerShell's own messages, naming the parameter.
/// </summary>
internal static class ParameterBinder
{
    public static BoundParameters Bind(CmdletSignature signature, JsonElement parameters)
    {
        var bound = new BoundParameters();
        if (parameters.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null)
        {
            CheckMandatory(signature, bound);
            return bound;
        }

        if (parameters.ValueKind != JsonValueKind.Object)
        {
            throw ExchangeErrors.InvalidRequest("CmdletInput.Parameters must be a JSON object of parameter names and values.");
        }

        foreach (var property in parameters.EnumerateObject())
        {
            var parameter = signature.Find(property.Name) ?? throw (signature.Manifest.FindParameter(property.Name) is null
                ? ExchangeErrors.ParameterNotFound(property.Name)
                : ExchangeErrors.ParameterNotEmulated(signature.Name, property.Name));
            if (bound.Has(parameter.Name))
            {
                throw ExchangeErrors.ParameterRepeated(parameter.Name);
            }

            bound.Set(parameter.Name, Convert(parameter, property.Value));
        }

        CheckMandatory(signature, bound);
        return bound;
    }

    private static void CheckMandatory(CmdletSignature signature, BoundParameters bound)
    {
        var missing = signature.Parameters.Where(p => p.Mandatory && !bound.Has(p.Name)).Select(p => p.Name).ToArray();
        if (missing.Length > 0)
        {
            throw ExchangeErrors.MissingMandatory(missing);
        }
    }

    private static object? Convert(CmdletParameter parameter, JsonElement value) => parameter.Kind switch
    {
        ParameterKind.String => ScalarText(parameter, value),
        ParameterKind.Identity => ScalarText(parameter, value) is { Length: > 0 } identity
            ? identity
            : throw ExchangeErrors.NullArgument(parameter.Name),
        ParameterKind.Switch or ParameterKind.Boolean => ToBoolean(parameter, value),
        ParameterKind.ResultSize => ToResultSize(value),
        ParameterKind.Filter => ToFilter(parameter, value),
        ParameterKind.StringList => ToList(parameter, value),
        ParameterKind.Choice => ToChoice(parameter, ScalarText(parameter, value) ?? throw ExchangeErrors.NullArgument(parameter.Name)),
        ParameterKind.ChoiceList => ToList(parameter, value).Select(item => ToChoice(parameter, item)).ToArray(),
        ParameterKind.DateTime => ToDate(parameter, value),
        ParameterKind.SmtpAddress => ToSmtpAddress(parameter, value),
        _ => throw new ArgumentOutOfRangeException(nameof(parameter)),
    };

    private static string? ScalarText(CmdletParameter parameter, JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null => null,
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.True => "True",
        JsonValueKind.False => "False",
        _ => throw ExchangeErrors.NotString(parameter.Name, Describe(value)),
    };

    private static bool ToBoolean(CmdletParameter parameter, JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Number when value.TryGetInt64(out var number) && number is 0 or 1 => number == 1,
        JsonValueKind.String => value.GetString()!.Trim().ToUpperInvariant() switch
        {
            "TRUE" or "$TRUE" => true,
            "FALSE" or "$FALSE" => false,
            _ => throw ExchangeErrors.NotBoolean(parameter.Name, Describe(value)),
        },
        _ => throw ExchangeErrors.NotBoolean(parameter.Name, Describe(value)),
    };

    private static ResultSize ToResultSize(JsonElement value)
    {
        var text = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString()!.Trim(),
            JsonValueKind.Number => value.GetRawText(),
            _ => throw ExchangeErrors.NotResultSize(Describe(value)),
        };
        if (string.Equals(text, "Unlimited", StringComparison.OrdinalIgnoreCase))
        {
            return ResultSize.Unlimited;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var limit) && limit > 0
            ? new ResultSize(limit, false)
            : throw ExchangeErrors.NotResultSize(text);
    }

    private static (OpathExpression, string) ToFilter(CmdletParameter parameter, JsonElement value)
    {
        var text = ScalarText(parameter, value);
        if (string.IsNullOrWhiteSpace(text))
        {
            throw ExchangeErrors.NullArgument(parameter.Name);
        }

        try
        {
            return (OpathParser.Parse(text), text);
        }
        catch (OpathSyntaxException syntax)
        {
            throw ExchangeErrors.FilterSyntax(text, syntax.Position);
        }
    }

    private static string[] ToList(CmdletParameter parameter, JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Array => value.EnumerateArray()
            .Select(item => ScalarText(parameter, item) ?? throw ExchangeErrors.NullArgument(parameter.Name))
            .ToArray(),
        JsonValueKind.Null => throw ExchangeErrors.NullArgument(parameter.Name),
        _ => [ScalarText(parameter, value)!],
    };

    private static string ToChoice(CmdletParameter parameter, string text)
    {
        var choices = parameter.Choices!;
        return choices.FirstOrDefault(choice => string.Equals(choice, text.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? throw ExchangeErrors.NotEnumerator(parameter.Name, parameter.TypeName!, text, choices);
    }

    private static DateTimeOffset ToDate(CmdletParameter parameter, JsonElement value)
    {
        var text = ScalarText(parameter, value) ?? throw ExchangeErrors.NullArgument(parameter.Name);
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
            ? date.ToUniversalTime()
            : throw ExchangeErrors.NotDateTime(parameter.Name, text);
    }

    private static string? ToSmtpAddress(CmdletParameter parameter, JsonElement value)
    {
        var text = ScalarText(parameter, value)?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var address = text.StartsWith("smtp:", StringComparison.OrdinalIgnoreCase) ? text[5..] : text;
        var at = address.IndexOf('@', StringComparison.Ordinal);
        return at > 0 && at < address.Length - 1 && address.IndexOf('@', at + 1) < 0 && !address.Contains(' ', StringComparison.Ordinal)
            ? "smtp:" + address
            : throw ExchangeErrors.NotSmtpAddress(parameter.Name, text);
    }

    private static string Describe(JsonElement value) =>
        value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();
}
