namespace ExoJobRunner.Sandbox.Entra;

/// <summary>The outcome of checking a bearer token: its claims, or why it was refused.</summary>
internal sealed record AccessTokenCheck(AccessTokenClaims? Claims, string? Failure)
{
    public static AccessTokenCheck Refused(string failure) => new(null, failure);
}
