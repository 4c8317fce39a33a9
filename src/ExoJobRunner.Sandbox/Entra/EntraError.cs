namespace ExoJobRunner.Sandbox.Entra;

/// <summary>
/// A refusal from the token endpoint in Entra's shape: the OAuth <c>error</c>, the <c>AADSTS</c> code and its description,
/// answered with <see cref="Status"/> (401 for client authentication failures, 400 for everything else).
/// </summary>
internal sealed record EntraError(int Status, string Error, int Code, string Description);
