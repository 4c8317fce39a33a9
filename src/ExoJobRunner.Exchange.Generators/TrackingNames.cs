namespace ExoJobRunner.Exchange.Generators;

/// <summary>Names of the pipeline steps, so tests can check which of them ran again after an edit.</summary>
internal static class TrackingNames
{
    public const string ManifestRead = nameof(ManifestRead);
    public const string Manifests = nameof(Manifests);
    public const string Settings = nameof(Settings);
    public const string Output = nameof(Output);
}
