using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ExoJobRunner.Scripting.Analysis.CSharp.Rules;

/// <summary>
/// EXO0009: <c>Exo.InvokeAsync("Get-Mailbox")</c> (and other paged reads) without <c>ResultSize</c>: Exchange returns
/// the first 1000 objects and the report silently covers part of the tenant.
/// </summary>
/// <remarks>
/// Only parameters the rule can read are judged: none at all, <c>null</c>, or an anonymous object. A dictionary or a
/// variable may hold a result size the rule cannot see, so it is given the benefit of the doubt.
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class MissingResultSizeAnalyzer : CSharpRuleAnalyzer
{
    public MissingResultSizeAnalyzer()
        : base(RuleCatalog.MissingResultSize)
    {
    }

    protected override void Register(AnalysisContext context) =>
        RegisterOperations(context, AnalyzeInvocation, OperationKind.Invocation);

    private void AnalyzeInvocation(IOperation operation, Action<Diagnostic> report)
    {
        var invocation = (IInvocationOperation)operation;
        if (!ExchangeCmdlets.RunsCmdlet(invocation.TargetMethod.Name)
            || invocation.Arguments.Length == 0
            || invocation.Arguments[0].Parameter?.Ordinal != 0
            || OperationValues.NonBlankString(invocation.Arguments[0].Value) is not { } cmdlet
            || !ExchangeCmdlets.Paged.Contains(cmdlet)
            || IsBounded(invocation))
        {
            return;
        }

        report(Finding(
            invocation.Syntax.GetLocation(),
            $"{cmdlet} returns at most 1000 objects unless told otherwise, and leaves the rest out with only a warning; "
            + $"pass a result size: Exo.InvokeAsync(\"{cmdlet}\", new {{ ResultSize = \"Unlimited\" }})"));
    }

    private static bool IsBounded(IInvocationOperation invocation)
    {
        var parameters = invocation.Arguments.FirstOrDefault(argument => argument.Parameter?.Ordinal == 1);
        if (parameters is null || parameters.ArgumentKind != ArgumentKind.Explicit)
        {
            return false;
        }

        return OperationValues.WithoutConversions(parameters.Value) switch
        {
            ILiteralOperation { ConstantValue: { HasValue: true, Value: null } } or IDefaultValueOperation => false,
            IAnonymousObjectCreationOperation anonymous => anonymous.Initializers
                .OfType<ISimpleAssignmentOperation>()
                .Any(initializer => initializer.Target is IPropertyReferenceOperation property
                    && ExchangeCmdlets.BoundingParameters.Contains(property.Property.Name)),
            _ => true,
        };
    }
}
