using System.Collections.Generic;
using System.Linq;
using ExoJobRunner.Exchange.Generators.Manifest;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace ExoJobRunner.Exchange.Generators;

/// <summary>
/// The generator's diagnostics. Each id has one descriptor whose message is composed where the problem is found,
/// so it can name the cmdlet, the parameter and the fix.
/// </summary>
internal static class GeneratorDiagnostics
{
    private const string Category = "ExoJobRunner.Manifest";
    private const string MessageFormat = "{0}";

    private static readonly DiagnosticDescriptor InvalidJson = new(
        ManifestDiagnosticIds.InvalidJson, "The cmdlet manifest is not valid JSON", MessageFormat, Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    private static readonly DiagnosticDescriptor UnknownKey = new(
        ManifestDiagnosticIds.UnknownKey, "Unknown key in the cmdlet manifest", MessageFormat, Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    private static readonly DiagnosticDescriptor MissingKey = new(
        ManifestDiagnosticIds.MissingKey, "Required key missing from the cmdlet manifest", MessageFormat, Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    private static readonly DiagnosticDescriptor WrongValueKind = new(
        ManifestDiagnosticIds.WrongValueKind, "Wrong kind of value in the cmdlet manifest", MessageFormat, Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    private static readonly DiagnosticDescriptor UnknownTypeKeyword = new(
        ManifestDiagnosticIds.UnknownTypeKeyword, "Unknown type in the cmdlet manifest", MessageFormat, Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    private static readonly DiagnosticDescriptor DuplicateName = new(
        ManifestDiagnosticIds.DuplicateName, "Name given twice in the cmdlet manifest", MessageFormat, Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    private static readonly DiagnosticDescriptor InvalidName = new(
        ManifestDiagnosticIds.InvalidName, "Invalid name in the cmdlet manifest", MessageFormat, Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    private static readonly DiagnosticDescriptor UnknownReference = new(
        ManifestDiagnosticIds.UnknownReference, "The cmdlet manifest refers to something it does not declare", MessageFormat, Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    private static readonly DiagnosticDescriptor ParameterSetConflict = new(
        ManifestDiagnosticIds.ParameterSetConflict, "Parameter sets PowerShell could not bind", MessageFormat, Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    private static readonly DiagnosticDescriptor ReservedName = new(
        ManifestDiagnosticIds.ReservedName, "Name reserved by the generated API", MessageFormat, Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    private static readonly DiagnosticDescriptor SeveralManifests = new(
        ManifestDiagnosticIds.SeveralManifests, "More than one cmdlet manifest", MessageFormat, Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    private static readonly DiagnosticDescriptor InvalidGeneratorSetting = new(
        ManifestDiagnosticIds.InvalidGeneratorSetting, "Invalid cmdlet generator setting", MessageFormat, Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    private static readonly Dictionary<string, DiagnosticDescriptor> Descriptors =
        new[]
        {
            InvalidJson,
            UnknownKey,
            MissingKey,
            WrongValueKind,
            UnknownTypeKeyword,
            DuplicateName,
            InvalidName,
            UnknownReference,
            ParameterSetConflict,
            ReservedName,
            SeveralManifests,
            InvalidGeneratorSetting,
        }.ToDictionary(descriptor => descriptor.Id);

    public static Diagnostic Create(ManifestDiagnostic problem)
    {
        var location = Location.Create(
            problem.FilePath,
            new TextSpan(problem.Start, problem.Length),
            new LinePositionSpan(
                new LinePosition(problem.StartLine, problem.StartColumn),
                new LinePosition(problem.EndLine, problem.EndColumn)));
        return Diagnostic.Create(Descriptors[problem.Id], location, problem.Message);
    }

    public static Diagnostic Create(string id, string message) =>
        Diagnostic.Create(Descriptors[id], Location.None, message);
}
