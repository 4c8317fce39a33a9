using System.CommandLine;

namespace ExoJobRunner.Cli.Commands;

/// <summary>
/// <c>exojobs cert new</c> and <c>exojobs cert show</c>: the client certificate an app registration signs in with,
/// created ready to upload, and a profile's certificate as exojobs finds it.
/// </summary>
internal static class CertCommand
{
    public static Command Create(TimeProvider time) =>
        new("cert", "Creates a client certificate for an app registration, or shows the certificate a profile uses.")
        {
            CertNewCommand.Create(time),
            CertShowCommand.Create(time),
        };
}
