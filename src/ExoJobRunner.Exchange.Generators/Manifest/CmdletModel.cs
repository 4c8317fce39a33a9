using System.Linq;

namespace ExoJobRunner.Exchange.Generators.Manifest;

/// <summary>One cmdlet of the manifest.</summary>
/// <param name="Name">As Exchange names it: <c>Get-Mailbox</c>.</param>
/// <param name="Summary">One sentence for the typed method's documentation.</param>
/// <param name="DocsUrl">Microsoft's page for the cmdlet.</param>
/// <param name="OutputType">The result type's name, or null when the cmdlet returns nothing worth typing.</param>
/// <param name="DefaultParameterSet">The set PowerShell picks when a call fits several; null with fewer than two sets.</param>
/// <param name="ParameterSets">The named sets, in the order they first appear; empty when the cmdlet has only one.</param>
/// <param name="Parameters">In the order the manifest lists them.</param>
internal sealed record CmdletModel(
    string Name,
    string? Summary,
    string? DocsUrl,
    string? OutputType,
    string? DefaultParameterSet,
    EquatableArray<string> ParameterSets,
    EquatableArray<ParameterModel> Parameters)
{
    /// <summary>The cmdlet without its dash: <c>GetMailbox</c>, <c>GetEXOMailbox</c>.</summary>
    public string MethodName => Name.Replace("-", string.Empty);

    /// <summary>Get-* cmdlets stream their results; every other verb is awaited for its effect.</summary>
    public bool IsQuery => Name.StartsWith("Get-", System.StringComparison.Ordinal);

    /// <summary>
    /// Whether a C# call must always pass <paramref name="parameter"/>: it is mandatory in every set the cmdlet
    /// has. A parameter mandatory in only some sets stays optional, since the caller may be using another set.
    /// </summary>
    public bool IsAlwaysMandatory(ParameterModel parameter) =>
        ParameterSets.Count == 0
            ? parameter.IsMandatoryIn(setName: null)
            : ParameterSets.All(set => parameter.BelongsTo(set) && parameter.IsMandatoryIn(set));
}
