using System.Diagnostics.CodeAnalysis;
using ExoJobRunner.Exchange.Certificates;

namespace ExoJobRunner.Core.Notifications;

/// <summary>
/// A value written in the configuration, or a reference to where it is kept (<c>{ env: NAME }</c> or
/// <c>{ file: path }</c>) and read when it is needed. Neither <see cref="ToString"/> nor any problem message repeats
/// the value: a webhook URL or an Authorization header is a credential.
/// </summary>
public sealed record LiteralOrSecret
{
    private LiteralOrSecret(string? literal, SecretReference? secret)
    {
        LiteralValue = literal;
        Secret = secret;
    }

    /// <summary>The value as written in the file; null when it is read from <see cref="Secret"/>.</summary>
    public string? LiteralValue { get; }

    public SecretReference? Secret { get; }

    public static LiteralOrSecret Literal(string value) => new(value, null);

    public static LiteralOrSecret FromSecret(SecretReference reference) => new(null, reference);

    /// <summary>Reads the value; on failure <paramref name="problem"/> says why, naming the reference only.</summary>
    public bool TryResolve([NotNullWhen(true)] out string? value, [NotNullWhen(false)] out string? problem)
    {
        value = null;
        problem = null;
        if (LiteralValue is not null)
        {
            value = LiteralValue;
            return true;
        }

        if (Secret?.EnvironmentVariable is { } variable)
        {
            value = Environment.GetEnvironmentVariable(variable);
            problem = string.IsNullOrEmpty(value) ? $"environment variable {variable} is not set" : null;
            return problem is null;
        }

        var path = Secret?.FilePath ?? throw new InvalidOperationException("A secret reference names neither an environment variable nor a file.");
        try
        {
            // Editors and `echo url > file` leave a line break that is not part of the value.
            value = File.ReadAllText(path).TrimEnd('\r', '\n');
            problem = value.Length == 0 ? $"file {path} is empty" : null;
            return problem is null;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            value = null;
            problem = exception is FileNotFoundException or DirectoryNotFoundException
                ? $"file {path} does not exist"
                : $"file {path} cannot be read: {exception.Message}";
            return false;
        }
    }

    public override string ToString() => Secret is null ? "written in the configuration" : $"from {Secret}";
}
