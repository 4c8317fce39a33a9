using System.Security.Cryptography;

namespace ExoJobRunner.Exchange.Certificates;

/// <summary>Generates the password of a PFX file that <c>exojobs cert new</c> writes when none is supplied.</summary>
public static class PfxPasswordGenerator
{
    public const int Length = 32;

    // Letters and digits only: the password survives being pasted into a shell, a service unit or a YAML file
    // unquoted. 32 of 62 symbols is about 190 bits, far beyond what PBKDF2 guessing could reach.
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    public static string Generate() => RandomNumberGenerator.GetString(Alphabet, Length);
}
