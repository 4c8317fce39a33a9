namespace ExoJobRunner.Exchange.Connection;

/// <summary>
/// A connection profile could not be turned into a working session: the certificate is missing or unusable, a secret
/// cannot be read, or Entra ID refused the token request. The message names the cause and the fix; the runner maps
/// this exception to its "connection failed" exit code.
/// </summary>
public sealed class ExchangeConnectionException : Exception
{
    public ExchangeConnectionException()
    {
    }

    public ExchangeConnectionException(string message)
        : base(message)
    {
    }

    public ExchangeConnectionException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The identity platform's error code (for example <c>AADSTS700016</c>) when Entra ID refused the request.</summary>
    public string? ErrorCode { get; init; }
}
