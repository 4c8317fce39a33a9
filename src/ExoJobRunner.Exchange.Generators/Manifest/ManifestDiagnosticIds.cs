namespace ExoJobRunner.Exchange.Generators.Manifest;

/// <summary>The stable ids of the generator's diagnostics; each has a descriptor in <see cref="GeneratorDiagnostics"/>.</summary>
internal static class ManifestDiagnosticIds
{
    public const string InvalidJson = "EXOGEN001";
    public const string UnknownKey = "EXOGEN002";
    public const string MissingKey = "EXOGEN003";
    public const string WrongValueKind = "EXOGEN004";
    public const string UnknownTypeKeyword = "EXOGEN005";
    public const string DuplicateName = "EXOGEN006";
    public const string InvalidName = "EXOGEN007";
    public const string UnknownReference = "EXOGEN008";
    public const string ParameterSetConflict = "EXOGEN009";
    public const string ReservedName = "EXOGEN010";
    public const string SeveralManifests = "EXOGEN011";
    public const string InvalidGeneratorSetting = "EXOGEN012";
}
