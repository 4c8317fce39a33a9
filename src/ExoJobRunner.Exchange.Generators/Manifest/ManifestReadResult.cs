namespace ExoJobRunner.Exchange.Generators.Manifest;

/// <summary>What reading one manifest file gave: the model (null when the manifest has errors) and the diagnostics.</summary>
internal sealed record ManifestReadResult(string FilePath, ManifestModel? Model, EquatableArray<ManifestDiagnostic> Diagnostics);
