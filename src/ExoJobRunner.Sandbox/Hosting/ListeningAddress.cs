namespace ExoJobRunner.Sandbox.Hosting;

/// <summary>
/// The server's canonical base URI, known only once Kestrel has bound its port (port 0 picks one at start). Endpoints are
/// built before that and read it per request.
/// </summary>
internal sealed class ListeningAddress(Uri baseUri)
{
    public Uri BaseUri { get; set; } = baseUri;
}
