namespace ExoJobRunner.Sandbox.Registration;

/// <summary>
/// What a directory role means to the sandbox: its Entra template id (sent in the token's <c>wids</c> claim, which is
/// how the Exchange side learns the role), whether Exchange Online app-only access supports it, and whether it may write.
/// </summary>
internal sealed record DirectoryRoleDefinition(SandboxDirectoryRole Role, string TemplateId, bool SupportedByExchange, bool MayWrite)
{
    private static readonly DirectoryRoleDefinition[] Definitions =
    [
        new(SandboxDirectoryRole.GlobalAdministrator, "62e90394-69f5-4237-9190-012177145e10", SupportedByExchange: true, MayWrite: true),
        new(SandboxDirectoryRole.ExchangeAdministrator, "29232cdf-9323-42fd-ade2-1d097af3e4de", SupportedByExchange: true, MayWrite: true),
        new(SandboxDirectoryRole.ExchangeRecipientAdministrator, "31392ffb-586c-42d1-9346-e59415a2cc4e", SupportedByExchange: true, MayWrite: true),
        new(SandboxDirectoryRole.GlobalReader, "f2ef992c-3afb-46b9-b7cf-a126ee74c451", SupportedByExchange: true, MayWrite: false),
        new(SandboxDirectoryRole.UserAdministrator, "fe930be7-5e62-47db-91af-98c3a49a38b1", SupportedByExchange: false, MayWrite: false),
    ];

    public static DirectoryRoleDefinition? For(SandboxDirectoryRole role) => Definitions.FirstOrDefault(d => d.Role == role);

    public static DirectoryRoleDefinition? ForTemplateId(string templateId) =>
        Definitions.FirstOrDefault(d => string.Equals(d.TemplateId, templateId, StringComparison.OrdinalIgnoreCase));
}
