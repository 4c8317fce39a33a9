namespace ExoJobRunner.Exchange.Generators.Manifest;

/// <summary>A documented property of a result type.</summary>
internal sealed record PropertyModel(string Name, PropertyKind Kind);
