using System.Reflection;
using ExoJobRunner.Exchange.Cmdlets;

namespace ExoJobRunner.Scripting.Tests.Analysis;

/// <summary>EXO0009's list of paged cmdlets and the manifest's typed methods must agree, or typed calls go unchecked.</summary>
public sealed class PagedCmdletListTests
{
    private static readonly MethodInfo[] TypedMethods = typeof(Exchange.Cmdlets.ExchangeCmdlets).GetMethods(BindingFlags.Public | BindingFlags.Static);

    public static TheoryData<string> PagedCmdletsWithTypedMethods()
    {
        var data = new TheoryData<string>();
        foreach (var cmdlet in Scripting.Analysis.ExchangeCmdlets.Paged.Where(cmdlet => ExchangeCmdletCatalog.Find(cmdlet) is not null).Order(StringComparer.Ordinal))
        {
            data.Add(cmdlet);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(PagedCmdletsWithTypedMethods))]
    public void PagedCmdlet_InTheManifest_HasATypedMethodTheRuleFindsByName_WithAResultSizeParameter(string cmdlet)
    {
        var method = Assert.Single(TypedMethods, method => Scripting.Analysis.ExchangeCmdlets.PagedByMethodName(method.Name) == cmdlet);

        Assert.Contains(method.GetParameters(), parameter => parameter.Name == "resultSize");
    }

    /// <summary>
    /// The exceptions, each on purpose: a tenant has a handful of accepted domains; folder statistics are read per
    /// mailbox (always with an identity); message trace caps its result size at 5000 and pages by its own parameters,
    /// so "ResultSize Unlimited" would be wrong advice.
    /// </summary>
    [Fact]
    public void TypedMethod_WithAResultSizeParameter_IsKnownToTheRule_ExceptTheDocumentedOnes()
    {
        var unknown = TypedMethods
            .Where(method => method.GetParameters().Any(parameter => parameter.Name == "resultSize"))
            .Where(method => Scripting.Analysis.ExchangeCmdlets.PagedByMethodName(method.Name) is null)
            .Select(method => method.Name)
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.Equal(["GetAcceptedDomain", "GetMailboxFolderStatistics", "GetMessageTraceV2"], unknown);
    }
}
