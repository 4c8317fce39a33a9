using ExoJobRunner.Core.Jobs;

namespace ExoJobRunner.Core.Running;

/// <summary>Applies <c>--param name=value</c> overrides to a job's declared parameters.</summary>
public static class JobParameters
{
    /// <summary>
    /// Returns the job's parameter defaults with <paramref name="overrides"/> applied, or an error message when an
    /// override names a parameter the job does not declare (a typo would otherwise be silently ignored at 3 a.m.).
    /// </summary>
    public static (IReadOnlyDictionary<string, string>? Values, string? Error) Merge(
        JobDefinition job,
        IEnumerable<KeyValuePair<string, string>> overrides)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(overrides);
        var values = new Dictionary<string, string>(job.Parameters, StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in overrides)
        {
            if (!values.ContainsKey(name))
            {
                var known = values.Count == 0 ? "it declares none" : "it declares: " + string.Join(", ", values.Keys.Order(StringComparer.OrdinalIgnoreCase));
                return (null, $"job '{job.Name}' has no parameter '{name}' ({known}); declare it under 'parameters:' in {job.FilePath}");
            }

            values[name] = value;
        }

        return (values, null);
    }

    /// <summary>Parses one <c>name=value</c> argument; the value may be empty and may itself contain '='.</summary>
    public static bool TryParseAssignment(string text, out KeyValuePair<string, string> assignment)
    {
        ArgumentNullException.ThrowIfNull(text);
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0)
        {
            assignment = default;
            return false;
        }

        assignment = new KeyValuePair<string, string>(text[..equals].Trim(), text[(equals + 1)..]);
        return assignment.Key.Length > 0;
    }
}
