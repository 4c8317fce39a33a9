namespace ExoJobRunner.Sandbox.Registration;

/// <summary>
/// The Microsoft Entra role assigned to a sandbox app's service principal. Exchange Online app-only access needs one of
/// the supported roles; <see cref="UserAdministrator"/> is a real role Exchange does not support, and <see cref="None"/>
/// is no role at all, so tests can provoke both refusals.
/// </summary>
public enum SandboxDirectoryRole
{
    None,
    GlobalAdministrator,
    ExchangeAdministrator,
    ExchangeRecipientAdministrator,
    GlobalReader,
    UserAdministrator,
}
