namespace ExoJobRunner.Sandbox.Tenancy;

/// <summary>What an <c>-Identity</c> value resolved to: nothing, one object, or several (which Exchange refuses).</summary>
internal readonly record struct IdentityMatch(Recipient? Single, bool IsAmbiguous)
{
    public static readonly IdentityMatch None = new(null, false);

    public static readonly IdentityMatch Ambiguous = new(null, true);
}
