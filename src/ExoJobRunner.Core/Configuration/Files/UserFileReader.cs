using System.Globalization;
using System.Text;

namespace ExoJobRunner.Core.Configuration.Files;

/// <summary>
/// Reads the files the configuration names (exojobs.yaml, job files, bodies, the files bodies include) only when it is
/// safe to: a regular file, not larger than <see cref="ConfigurationLimits.MaxFileBytes"/>, and — for everything but
/// exojobs.yaml itself — inside the folder of exojobs.yaml once symbolic links are followed. A file that fails a check
/// is never opened, so its content can appear in no message: a body path to the system's password file is refused by
/// its path alone.
/// </summary>
internal static class UserFileReader
{
    /// <param name="path">Absolute path of the file, as the configuration names it.</param>
    /// <param name="what">How messages name the file: "job file", "body file", "#load'ed file"…</param>
    /// <param name="folder">The resolved folder of exojobs.yaml the file must be inside; null for exojobs.yaml itself.</param>
    public static UserFileRead Read(string path, string what, string? folder)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(what);

        string real;
        try
        {
            real = RealPath.Resolve(path, Path.GetDirectoryName(path) ?? path);
        }
        catch (IOException exception)
        {
            return Refused(ConfigurationDiagnosticIds.FileUnreadable, $"cannot read {what} '{path}': {exception.Message}; fix the links");
        }

        if (folder is not null && !RealPath.IsInside(real, folder))
        {
            var leads = string.Equals(real, path, StringComparison.Ordinal) ? string.Empty : $" (it leads to '{real}')";
            return Refused(
                ConfigurationDiagnosticIds.FileOutsideConfigurationFolder,
                $"{what} '{path}'{leads} is outside the folder of exojobs.yaml, '{folder}'; it was not read. Keep job files, bodies and the files they load in that folder (links are followed, and must stay inside it too)");
        }

        var kind = FileKindProbe.Of(real);
        switch (kind)
        {
            case FileKind.Missing:
                return new UserFileRead(null, null, $"{what} '{path}' does not exist");
            case FileKind.Regular:
                return ReadBounded(path, real, what);
            default:
                return Refused(
                    ConfigurationDiagnosticIds.NotARegularFile,
                    $"{what} '{path}' is {FileKindProbe.Describe(kind)}, not a regular file; it was not read. Name a file with the text in it");
        }
    }

    private static UserFileRead ReadBounded(string path, string real, string what)
    {
        try
        {
            using var stream = new FileStream(real, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 1);

            // The length is checked before reading, and the read is bounded too: files such as those under /proc report
            // a length of 0 whatever they hold.
            if (stream.Length > ConfigurationLimits.MaxFileBytes)
            {
                return TooLarge(path, what, stream.Length);
            }

            var buffer = new byte[ConfigurationLimits.MaxFileBytes + 1];
            var total = 0;
            int read;
            while (total < buffer.Length && (read = stream.Read(buffer, total, buffer.Length - total)) > 0)
            {
                total += read;
            }

            if (total > ConfigurationLimits.MaxFileBytes)
            {
                return TooLarge(path, what, total);
            }

            using var reader = new StreamReader(new MemoryStream(buffer, 0, total), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            return new UserFileRead(reader.ReadToEnd(), null, null);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return Refused(ConfigurationDiagnosticIds.FileUnreadable, $"cannot read {what} '{path}': {exception.Message}");
        }
    }

    private static UserFileRead TooLarge(string path, string what, long bytes) =>
        Refused(
            ConfigurationDiagnosticIds.FileTooLarge,
            string.Create(
                CultureInfo.InvariantCulture,
                $"{what} '{path}' holds more than {ConfigurationLimits.MaxFileBytes / 1024 / 1024} MiB ({bytes:N0} bytes or more); it was not read. Check the path names the file you meant"));

    private static UserFileRead Refused(string id, string problem) => new(null, id, problem);
}
