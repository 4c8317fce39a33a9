using System.Collections.Immutable;
using System.Runtime.InteropServices;
using System.Text;
using ExoJobRunner.Core.Diagnostics;

namespace ExoJobRunner.Scripting.CSharp.Caching;

/// <summary>
/// The layout of an entry file: a header naming the format and the key, then the script's names, its loaded files,
/// its warnings, the assembly and the PDB. Read back with <see cref="BinaryReader"/>, nothing more: a cache hit
/// must cost less than the JSON serializer's start-up.
/// </summary>
internal static class CachedScriptFormat
{
    private const string Magic = "exojobs-compiled-script";

    public static void Write(Stream stream, string key, CachedScript entry)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(entry);
        using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        writer.Write(Magic);
        writer.Write(ScriptCacheFingerprint.FormatVersion);
        writer.Write(key);
        writer.Write(entry.Script.AssemblyName);
        writer.Write(entry.Script.ScriptClassName);

        writer.Write(entry.Script.SourcePaths.Length);
        foreach (var path in entry.Script.SourcePaths)
        {
            writer.Write(path);
        }

        writer.Write(entry.LoadedFileHashes.Count);
        foreach (var (path, hash) in entry.LoadedFileHashes)
        {
            writer.Write(path);
            writer.Write(hash);
        }

        writer.Write(entry.Warnings.Count);
        foreach (var warning in entry.Warnings)
        {
            writer.Write(warning.Id);
            writer.Write((int)warning.Severity);
            writer.Write(warning.Message);
            writer.Write(warning.Location is not null);
            if (warning.Location is { } location)
            {
                writer.Write(location.FilePath);
                writer.Write(location.Line);
                writer.Write(location.Column);
            }
        }

        WriteBytes(writer, entry.Script.PeImage);
        WriteBytes(writer, entry.Script.PdbImage);
    }

    /// <summary>The entry, or null when the stream holds another format, another key, or is cut short.</summary>
    public static CachedScript? Read(Stream stream, string key)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        try
        {
            if (reader.ReadString() != Magic || reader.ReadInt32() != ScriptCacheFingerprint.FormatVersion || reader.ReadString() != key)
            {
                return null;
            }

            var assemblyName = reader.ReadString();
            var scriptClassName = reader.ReadString();
            var sourcePaths = new string[ReadCount(reader)];
            for (var index = 0; index < sourcePaths.Length; index++)
            {
                sourcePaths[index] = reader.ReadString();
            }

            var loadedFiles = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var count = ReadCount(reader); count > 0; count--)
            {
                loadedFiles[reader.ReadString()] = reader.ReadString();
            }

            var warnings = new ExoDiagnostic[ReadCount(reader)];
            for (var index = 0; index < warnings.Length; index++)
            {
                var id = reader.ReadString();
                var severity = (DiagnosticSeverity)reader.ReadInt32();
                var message = reader.ReadString();
                var location = reader.ReadBoolean() ? new SourceLocation(reader.ReadString(), reader.ReadInt32(), reader.ReadInt32()) : null;
                warnings[index] = new ExoDiagnostic(id, severity, message, location);
            }

            var peImage = ReadBytes(reader);
            var pdbImage = ReadBytes(reader);
            if (peImage is null || pdbImage is null)
            {
                return null;
            }

            var script = new CompiledScript(assemblyName, scriptClassName, peImage.Value, pdbImage.Value, [.. sourcePaths]);
            return new CachedScript(script, warnings, loadedFiles);
        }
        catch (Exception exception) when (exception is EndOfStreamException or FormatException)
        {
            return null;
        }
    }

    private static void WriteBytes(BinaryWriter writer, ImmutableArray<byte> bytes)
    {
        writer.Write(bytes.Length);
        writer.Write(bytes.AsSpan());
    }

    private static ImmutableArray<byte>? ReadBytes(BinaryReader reader)
    {
        var length = ReadCount(reader);
        if (length > reader.BaseStream.Length - reader.BaseStream.Position)
        {
            return null;
        }

        return ImmutableCollectionsMarshal.AsImmutableArray(reader.ReadBytes(length));
    }

    /// <summary>A count or length; a negative one means the file is not what it claims to be (read as a cut-short file).</summary>
    private static int ReadCount(BinaryReader reader)
    {
        var count = reader.ReadInt32();
        return count >= 0 ? count : throw new EndOfStreamException("negative length in a compiled script entry");
    }
}
