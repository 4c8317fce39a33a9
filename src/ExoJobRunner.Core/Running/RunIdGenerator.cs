using System.Globalization;
using System.Security.Cryptography;

namespace ExoJobRunner.Core.Running;

/// <summary>
/// Makes the run ids of one process: <c>20261127-215000-3fa9c1</c>, the UTC second of the clock, then 24 random bits,
/// so ids sort by start time and processes on one machine do not collide. The random part alone would repeat a few
/// times a month for a scheduler firing a thousand jobs in one second (the birthday bound), and a repeated id is a
/// history row that cannot be written; so the generator also remembers what it issued in the current second and never
/// issues an id twice. The host keeps one generator for the whole process.
/// </summary>
public sealed class RunIdGenerator
{
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private readonly HashSet<string> _issuedThisSecond = new(StringComparer.Ordinal);
    private string? _second;

    public RunIdGenerator(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        _time = time;
    }

    /// <summary>A new id for a run (or a skipped occurrence) recorded now.</summary>
    public string Next()
    {
        var second = _time.GetUtcNow().UtcDateTime.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        lock (_gate)
        {
            // Ids start with their second, so those of earlier seconds can no longer collide.
            if (!string.Equals(second, _second, StringComparison.Ordinal))
            {
                _second = second;
                _issuedThisSecond.Clear();
            }

            while (true)
            {
                var id = second + "-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3));
                if (_issuedThisSecond.Add(id))
                {
                    return id;
                }
            }
        }
    }
}
