using System.Linq;

namespace ExoJobRunner.Exchange.Generators.Manifest;

/// <summary>One parameter of a cmdlet.</summary>
/// <param name="Name">As Exchange names it: <c>ResultSize</c>.</param>
/// <param name="Kind">Its type.</param>
/// <param name="Summary">One sentence for documentation, if the manifest gives one.</param>
/// <param name="Position">Its position when passed without a name, as in <c>Get-Mailbox alice</c>.</param>
/// <param name="FromPipeline">Binds pipeline input, both the value itself and a property of the same name.</param>
/// <param name="Sets">The parameter sets it belongs to; empty means all of them.</param>
/// <param name="IsMandatory">Mandatory in every set it belongs to.</param>
/// <param name="MandatorySets">When not mandatory everywhere: the sets in which it is.</param>
internal sealed record ParameterModel(
    string Name,
    ParameterKind Kind,
    string? Summary,
    int? Position,
    bool FromPipeline,
    EquatableArray<string> Sets,
    bool IsMandatory,
    EquatableArray<string> MandatorySets)
{
    public bool BelongsTo(string setName) => Sets.Count == 0 || Sets.Contains(setName);

    /// <summary>Whether it is mandatory in <paramref name="setName"/> (null: the only, unnamed set).</summary>
    public bool IsMandatoryIn(string? setName) =>
        IsMandatory || (setName is not null && MandatorySets.Contains(setName));
}
