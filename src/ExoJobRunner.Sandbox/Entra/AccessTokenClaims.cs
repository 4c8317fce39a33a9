namespace ExoJobRunner.Sandbox.Entra;

/// <summary>What the Exchange side reads from a verified access token.</summary>
/// <param name="Roles">The <c>roles</c> claim: consented application permissions.</param>
/// <param name="DirectoryRoles">The <c>wids</c> claim: template ids of the service principal's directory roles.</param>
/// <param name="TokenId">The <c>uti</c> claim, unique per token; what revocation records.</param>
internal sealed record AccessTokenClaims(string AppId, IReadOnlyList<string> Roles, IReadOnlyList<string> DirectoryRoles, string TokenId);
