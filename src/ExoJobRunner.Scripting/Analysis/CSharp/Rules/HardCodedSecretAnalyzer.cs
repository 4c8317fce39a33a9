using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ExoJobRunner.Scripting.Analysis.CSharp.Rules;

/// <summary>
/// EXO0002: a password, client secret, token or private key written into the body. The message names where the
/// literal goes, never the literal itself: a secret must not reach the check's output either.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class HardCodedSecretAnalyzer : CSharpRuleAnalyzer
{
    private const string Advice =
        "a secret in a job body ends up in git, in CI logs and on every machine that clones the folder; "
        + "read it when the job runs (Environment.GetEnvironmentVariable, a file outside the repository) or use a certificate";

    public HardCodedSecretAnalyzer()
        : base(RuleCatalog.HardCodedSecret)
    {
    }

    protected override void Register(AnalysisContext context) =>
        RegisterOperations(
            context,
            Analyze,
            OperationKind.VariableDeclarator,
            OperationKind.FieldInitializer,
            OperationKind.PropertyInitializer,
            OperationKind.SimpleAssignment,
            OperationKind.Argument,
            OperationKind.Literal);

    private void Analyze(IOperation operation, Action<Diagnostic> report)
    {
        switch (operation.Kind)
        {
            case OperationKind.VariableDeclarator:
                AnalyzeDeclarator(operation, report);
                break;
            case OperationKind.FieldInitializer:
                AnalyzeFieldInitializer(operation, report);
                break;
            case OperationKind.PropertyInitializer:
                AnalyzePropertyInitializer(operation, report);
                break;
            case OperationKind.SimpleAssignment:
                AnalyzeAssignment(operation, report);
                break;
            case OperationKind.Argument:
                AnalyzeArgument(operation, report);
                break;
            default:
                AnalyzeLiteral(operation, report);
                break;
        }
    }

    private void AnalyzeDeclarator(IOperation operation, Action<Diagnostic> report)
    {
        var declarator = (IVariableDeclaratorOperation)operation;
        ReportIfSecret(report, "variable", declarator.Symbol.Name, declarator.GetVariableInitializer()?.Value);
    }

    /// <summary>A script's top-level variables are fields of the submission class, initialized here.</summary>
    private void AnalyzeFieldInitializer(IOperation operation, Action<Diagnostic> report)
    {
        var initializer = (IFieldInitializerOperation)operation;
        foreach (var field in initializer.InitializedFields)
        {
            ReportIfSecret(report, "variable", field.Name, initializer.Value);
        }
    }

    private void AnalyzePropertyInitializer(IOperation operation, Action<Diagnostic> report)
    {
        var initializer = (IPropertyInitializerOperation)operation;
        foreach (var property in initializer.InitializedProperties)
        {
            ReportIfSecret(report, "property", property.Name, initializer.Value);
        }
    }

    /// <summary>
    /// Covers <c>password = "…"</c>, object and anonymous-object initializers (<c>new { Password = "…" }</c>) and
    /// dictionary entries (<c>["Password"] = "…"</c>), the shapes cmdlet parameters are passed in.
    /// </summary>
    private void AnalyzeAssignment(IOperation operation, Action<Diagnostic> report)
    {
        var assignment = (ISimpleAssignmentOperation)operation;
        var (kind, name) = assignment.Target switch
        {
            IPropertyReferenceOperation { Arguments: [var key] } when OperationValues.NonBlankString(key.Value) is { } text => ("entry", text),
            IPropertyReferenceOperation property => ("property", property.Property.Name),
            IFieldReferenceOperation field => ("variable", field.Field.Name),
            ILocalReferenceOperation local => ("variable", local.Local.Name),
            IParameterReferenceOperation parameter => ("variable", parameter.Parameter.Name),
            _ => (null, null),
        };
        if (kind is not null && name is not null)
        {
            ReportIfSecret(report, kind, name, assignment.Value);
        }
    }

    /// <summary>Covers <c>new NetworkCredential(user, "…")</c>, <c>X509CertificateLoader.LoadPkcs12FromFile(path, "…")</c> and their kin.</summary>
    private void AnalyzeArgument(IOperation operation, Action<Diagnostic> report)
    {
        var argument = (IArgumentOperation)operation;
        if (argument.Parameter is { } parameter && argument.ArgumentKind == ArgumentKind.Explicit)
        {
            ReportIfSecret(report, "parameter", parameter.Name, argument.Value);
        }
    }

    private void AnalyzeLiteral(IOperation operation, Action<Diagnostic> report)
    {
        if (OperationValues.NonBlankString(operation) is { } text && SecretNames.ContainsPrivateKey(text))
        {
            report(Finding(operation.Syntax.GetLocation(), "a private key is written into the body: " + Advice));
        }
    }

    private void ReportIfSecret(Action<Diagnostic> report, string kind, string name, IOperation? value)
    {
        // A private key is reported once, by the literal's own check.
        if (value is null || !SecretNames.IsSecretLike(name) || OperationValues.NonBlankString(value) is not { } text || SecretNames.ContainsPrivateKey(text))
        {
            return;
        }

        report(Finding(value.Syntax.GetLocation(), $"the {kind} '{name}' is given a literal value: " + Advice));
    }
}
