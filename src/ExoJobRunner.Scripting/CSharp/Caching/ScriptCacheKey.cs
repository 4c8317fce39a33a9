using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ExoJobRunner.Core.Jobs;

namespace ExoJobRunner.Scripting.CSharp.Caching;

/// <summary>
/// The name of a compiled body in the cache: a SHA-256 over everything that decides the compiled assembly and its
/// warnings. Computed from text and metadata only, without Roslyn.
/// </summary>
/// <param name="Value">The hash, as 64 lowercase hex digits.</param>
/// <param name="FileHashes">The hash of each <c>#load</c>ed file read while computing the key, by full path, for checking an entry without reading them twice.</param>
internal sealed record ScriptCacheKey(string Value, IReadOnlyDictionary<string, string> FileHashes)
{
    /// <summary>
    /// Covers the body's code and where it sits (the PDB and the diagnostics name its file and lines), every file it
    /// <c>#load</c>s (transitively), the imports, the job's <c>rules:</c> entries, and the
    /// <see cref="ScriptCacheFingerprint"/> of compiler, runtime and host.
    /// </summary>
    /// <remarks>
    /// The <c>rules:</c> entries are hashed as written rather than resolved against the catalogue, which a cache hit
    /// has no need to load; an entry naming no rule fails the compilation, so it never reaches the cache.
    /// </remarks>
    public static ScriptCacheKey For(JobBody body, IEnumerable<string> imports)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(imports);

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Add(hash, ScriptCacheFingerprint.Value);
        Add(hash, "imports=" + string.Join(',', imports));
        foreach (var rule in body.RuleOverrides)
        {
            Add(hash, "rule=" + rule.RuleId + ":" + rule.Severity);
        }

        Add(hash, string.Create(CultureInfo.InvariantCulture, $"body={body.FilePath}|{body.IsInline}|{body.LineOffset}|{body.ColumnOffset}"));
        Add(hash, body.Code);

        var fileHashes = new Dictionary<string, string>(StringComparer.Ordinal);
        AddLoadedFiles(hash, body.Code, body.FilePath, fileHashes);
        return new ScriptCacheKey(Convert.ToHexStringLower(hash.GetHashAndReset()), fileHashes);
    }

    /// <summary>The SHA-256 of a file's bytes, or "missing" when it cannot be read.</summary>
    public static string HashFile(string path)
    {
        try
        {
            return Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return "missing";
        }
    }

    /// <summary>
    /// Follows <c>#load</c>s the way the compiler resolves them: a relative path against the folder of the file that
    /// holds the directive.
    /// </summary>
    private static void AddLoadedFiles(IncrementalHash hash, string code, string containingFile, Dictionary<string, string> fileHashes)
    {
        var directory = Path.GetDirectoryName(containingFile) ?? Directory.GetCurrentDirectory();
        foreach (var directive in LoadDirectiveScanner.Scan(code))
        {
            var path = Path.GetFullPath(directive.Path, directory);
            if (fileHashes.ContainsKey(path))
            {
                continue;
            }

            var fileHash = HashFile(path);
            fileHashes.Add(path, fileHash);
            Add(hash, "load=" + path + "|" + fileHash);
            if (File.Exists(path))
            {
                AddLoadedFiles(hash, ReadText(path), path, fileHashes);
            }
        }
    }

    private static string ReadText(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return string.Empty;
        }
    }

    /// <summary>Length-prefixed, so that no two sequences of parts hash alike.</summary>
    private static void Add(IncrementalHash hash, string part)
    {
        var bytes = Encoding.UTF8.GetBytes(part);
        hash.AppendData(BitConverter.GetBytes(bytes.Length));
        hash.AppendData(bytes);
    }
}
