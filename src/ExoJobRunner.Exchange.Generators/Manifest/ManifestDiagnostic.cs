namespace ExoJobRunner.Exchange.Generators.Manifest;

/// <summary>
/// A problem found in the manifest, kept as plain values (not a Roslyn <c>Diagnostic</c>, which is not
/// value-equatable) so the pipeline can cache it. Lines and columns are 0-based, as Roslyn's.
/// </summary>
internal sealed record ManifestDiagnostic(
    string Id,
    string Message,
    string FilePath,
    int Start,
    int Length,
    int StartLine,
    int StartColumn,
    int EndLine,
    int EndColumn);
