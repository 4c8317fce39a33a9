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

    protected override void Register(AnalysisContext context)
    {
        context.RegisterOperationAction(AnalyzeDeclarator, OperationKind.VariableDeclarator);
        context.RegisterOperationAction(AnalyzeFieldInitializer, OperationKind.FieldInitializer);
        context.RegisterOperationAction(AnalyzePropertyInitializer, OperationKind.PropertyInitializer);
        context.RegisterOperationAction(AnalyzeAssignment, OperationKind.SimpleAssignment);
        context.RegisterOperationAction(AnalyzeArgument, OperationKind.Argument);
        context.RegisterOperationAction(AnalyzeLiteral, OperationKind.Literal);
    }

    private void AnalyzeDeclarator(OperationAnalysisContext context)
    {
        var declarator = (IVariableDeclaratorOperation)context.Operation;
        ReportIfSecret(context, "variable", declarator.Symbol.Name, declarator.GetVariableInitializer()?.Value);
    }

    /// <summary>A script's top-level variables are fields of the submission class, initialized here.</summary>
    private void AnalyzeFieldInitializer(OperationAnalysisContext context)
    {
        var initializer = (IFieldInitializerOperation)context.Operation;
        foreach (var field in initializer.InitializedFields)
        {
            ReportIfSecret(context, "variable", field.Name, initializer.Value);
        }
    }

    private void AnalyzePropertyInitializer(OperationAnalysisContext context)
    {
        var initializer = (IPropertyInitializerOperation)context.Operation;
        foreach (var property in initializer.InitializedProperties)
        {
            ReportIfSecret(context, "property", property.Name, initializer.Value);
        }
    }

    /// <summary>
    /// Covers <c>password = "…"</c>, object and anonymous-object initializers (<c>new { Password = "…" }</c>) and
    /// dictionary entries (<c>["Password"] = "…"</c>), the shapes cmdlet parameters are passed in.
    /// </summary>
    private void AnalyzeAssignment(OperationAnalysisContext context)
    {
        var assignment = (ISimpleAssignmentOperation)context.Operation;
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
            ReportIfSecret(context, kind, name, assignment.Value);
        }
    }

    /// <summary>Covers <c>new NetworkCredential(user, "…")</c>, <c>X509CertificateLoader.LoadPkcs12FromFile(path, "…")</c> and their kin.</summary>
    private void AnalyzeArgument(OperationAnalysisContext context)
    {
        var argument = (IArgumentOperation)context.Operation;
        if (argument.Parameter is { } parameter && argument.ArgumentKind == ArgumentKind.Explicit)
        {
            ReportIfSecret(context, "parameter", parameter.Name, argument.Value);
        }
    }

    private void AnalyzeLiteral(OperationAnalysisContext context)
    {
        if (OperationValues.NonBlankString(context.Operation) is { } text && SecretNames.ContainsPrivateKey(text))
        {
            context.ReportDiagnostic(Finding(context.Operation.Syntax.GetLocation(), "a private key is written into the body: " + Advice));
        }
    }

    private void ReportIfSecret(OperationAnalysisContext context, string kind, string name, IOperation? value)
    {
        if (value is null || !SecretNames.IsSecretLike(name) || OperationValues.NonBlankString(value) is null)
        {
            return;
        }

        context.ReportDiagnostic(Finding(value.Syntax.GetLocation(), $"the {kind} '{name}' is given a literal value: " + Advice));
    }
}
