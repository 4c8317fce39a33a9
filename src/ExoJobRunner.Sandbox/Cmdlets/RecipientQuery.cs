using ExoJobRunner.Sandbox.Cmdlets.Opath;
using ExoJobRunner.Sandbox.Cmdlets.Output;
using ExoJobRunner.Sandbox.Tenancy;

namespace ExoJobRunner.Sandbox.Cmdlets;

/// <summary>
/// The shared logic of the Get cmdlets that list recipients: either one object by <c>-Identity</c>, or the cmdlet's
/// population narrowed by <c>-RecipientTypeDetails</c>, <c>-Filter</c> and <c>-Anr</c> and capped by <c>-ResultSize</c>.
/// </summary>
internal static class RecipientQuery
{
    /// <param name="identityParameters">Parameters that name one object (Identity, and for the EXO cmdlets also
    /// UserPrincipalName, PrimarySmtpAddress…); at most one may be given.</param>
    public static CmdletOutput Run(
        CmdletContext context,
        IReadOnlyList<Recipient> population,
        Func<Recipient, bool> inScope,
        OutputShape<Recipient> shape,
        IReadOnlyList<OutputProperty<Recipient>> properties,
        params IReadOnlyList<string> identityParameters)
    {
        var parameters = context.Parameters;
        var named = identityParameters.Where(parameters.Has).ToArray();
        if (named.Length > 0)
        {
            if (named.Length > 1 || parameters.Filter is not null || parameters.Has("Anr"))
            {
                throw ExchangeErrors.ParameterSetConflict();
            }

            return CmdletOutput.Of([context.ResolveParameter(named[0], inScope)], properties);
        }

        var predicate = inScope;
        if (parameters.List("RecipientTypeDetails") is { } types)
        {
            var wanted = types.ToHashSet(StringComparer.OrdinalIgnoreCase);
            predicate = And(predicate, r => wanted.Contains(r.Kind.ToString()));
        }

        if (parameters.Filter is { } filter)
        {
            predicate = And(predicate, OpathPredicate.Compile(filter.Expression, shape, filter.Text));
        }

        if (parameters.String("Anr") is { Length: > 0 } anr)
        {
            predicate = And(predicate, r => MatchesAnr(r, anr));
        }

        return new CmdletOutput(new RecordSet<Recipient>(population, properties, predicate, parameters.ResultSize), []);
    }

    /// <summary>Ambiguous name resolution: a prefix of the name, alias, display name, first or last name, or primary address.</summary>
    private static bool MatchesAnr(Recipient recipient, string prefix) =>
        StartsWith(recipient.Name, prefix)
        || StartsWith(recipient.Alias, prefix)
        || StartsWith(recipient.DisplayName, prefix)
        || StartsWith(recipient.FirstName, prefix)
        || StartsWith(recipient.LastName, prefix)
        || StartsWith(recipient.PrimarySmtpAddress, prefix);

    private static bool StartsWith(string? value, string prefix) =>
        value is not null && value.StartsWith(prefix, StringComparison.OrdinalIgnoreCase);

    private static Func<Recipient, bool> And(Func<Recipient, bool> first, Func<Recipient, bool> second) => r => first(r) && second(r);
}
