namespace ExoJobRunner.Exchange.Connection;

/// <summary>
/// The shared, certificate-authenticated Exchange Online session of one connection profile: scripts see it as <c>Exo</c>.
/// One per profile per process, safe for concurrent use by every run.
/// </summary>
public sealed class ExchangeSession
{
    public ExchangeSession(string profileName)
    {
        ProfileName = profileName;
    }

    public string ProfileName { get; }
}
