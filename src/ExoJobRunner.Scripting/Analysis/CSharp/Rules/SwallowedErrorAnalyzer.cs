using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ExoJobRunner.Scripting.Analysis.CSharp.Rules;

/// <summary>
/// EXO0008: <c>catch { }</c> or <c>catch (Exception)</c> without a filter whose block neither rethrows nor looks at
/// the exception: the run reports success while the work failed.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class SwallowedErrorAnalyzer : CSharpRuleAnalyzer
{
    public SwallowedErrorAnalyzer()
        : base(RuleCatalog.SwallowedError)
    {
    }

    protected override void Register(AnalysisContext context) =>
        context.RegisterSyntaxNodeAction(AnalyzeCatch, SyntaxKind.CatchClause);

    private void AnalyzeCatch(SyntaxNodeAnalysisContext context)
    {
        var clause = (CatchClauseSyntax)context.Node;
        if (clause.Filter is not null || !CatchesEverything(clause, context.SemanticModel, context.CancellationToken) || Handles(clause))
        {
            return;
        }

        context.ReportDiagnostic(Finding(
            clause.CatchKeyword.GetLocation(),
            "this catch-all block swallows every error: the run reports success while the work failed and the log does not say why; "
            + "log the exception (Log.LogError(exception, \"…\")) and rethrow with throw;, or catch only the exception you expect"));
    }

    private static bool CatchesEverything(CatchClauseSyntax clause, SemanticModel model, CancellationToken cancellationToken) =>
        clause.Declaration is null
        || OperationValues.IsType(model.GetTypeInfo(clause.Declaration.Type, cancellationToken).Type, "System.Exception");

    /// <summary>A block handles the error when it throws (rethrow or wrap) or does something with the exception.</summary>
    private static bool Handles(CatchClauseSyntax clause)
    {
        if (clause.Block.DescendantNodes().Any(node => node is ThrowStatementSyntax or ThrowExpressionSyntax))
        {
            return true;
        }

        var name = clause.Declaration?.Identifier.ValueText;
        return !string.IsNullOrEmpty(name)
            && clause.Block.DescendantNodes().OfType<IdentifierNameSyntax>().Any(identifier => identifier.Identifier.ValueText == name);
    }
}
