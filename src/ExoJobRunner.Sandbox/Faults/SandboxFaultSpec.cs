using System.Globalization;

namespace ExoJobRunner.Sandbox.Faults;

/// <summary>
/// Which faults a sandbox injects, written as <c>kind:share[:duration]</c> entries separated by commas:
/// <code>429:0.1:2s,503:0.05,slow:0.1:1500ms,drop:0.05,revoke:0.01</code>
/// Kinds are <c>429</c> (optional Retry-After, whole seconds, default 1s), <c>503</c>, <c>slow</c> (optional delay,
/// default 2s), <c>drop</c> and <c>revoke</c>; each at most once. Shares are fractions of requests; a request gets at
/// most one fault, so they may add up to 1 at most. Durations take <c>ms</c>, <c>s</c> or <c>m</c>.
/// </summary>
public sealed class SandboxFaultSpec
{
    public const string Example = "429:0.1,503:0.05,slow:0.1:2s,drop:0.05,revoke:0.01";

    private static readonly (string Name, SandboxFaultKind Kind, TimeSpan? DefaultDuration)[] Kinds =
    [
        ("429", SandboxFaultKind.Throttled, TimeSpan.FromSeconds(1)),
        ("503", SandboxFaultKind.Unavailable, null),
        ("slow", SandboxFaultKind.Slow, TimeSpan.FromSeconds(2)),
        ("drop", SandboxFaultKind.Dropped, null),
        ("revoke", SandboxFaultKind.TokenRevoked, null),
    ];

    private SandboxFaultSpec(IReadOnlyList<SandboxFault> faults)
    {
        Faults = faults;
    }

    /// <summary>No faults: every request is answered normally.</summary>
    public static SandboxFaultSpec None { get; } = new([]);

    public IReadOnlyList<SandboxFault> Faults { get; }

    /// <exception cref="FormatException">The text isn't a valid spec; the message says which entry and why.</exception>
    public static SandboxFaultSpec Parse(string? text) =>
        TryParse(text, out var spec, out var error) ? spec : throw new FormatException(error);

    public static bool TryParse(string? text, out SandboxFaultSpec spec, out string? error)
    {
        spec = None;
        error = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        var faults = new List<SandboxFault>();
        var entries = text.Split(',');
        for (var i = 0; i < entries.Length; i++)
        {
            var entry = entries[i].Trim();
            if (ParseEntry(entry, i + 1, out var fault) is { } problem)
            {
                error = problem;
                return false;
            }

            if (faults.Any(f => f.Kind == fault!.Kind))
            {
                error = Problem(i + 1, entry, $"fault '{NameOf(fault!.Kind)}' is already given; list each kind once");
                return false;
            }

            faults.Add(fault!);
        }

        var total = faults.Sum(f => f.Share);
        if (total > 1 + 1e-9)
        {
            error = string.Create(
                CultureInfo.InvariantCulture,
                $"Fault spec '{text}': the shares add up to {total:0.###}, but a request gets at most one fault, so they must add up to 1 at most.");
            return false;
        }

        spec = new SandboxFaultSpec(faults);
        return true;
    }

    /// <summary>The spec in canonical form, durations included; parses back to an equal spec.</summary>
    public override string ToString() => string.Join(',', Faults.Select(f =>
    {
        var entry = string.Create(CultureInfo.InvariantCulture, $"{NameOf(f.Kind)}:{f.Share:0.####}");
        return f.Duration > TimeSpan.Zero
            ? entry + string.Create(CultureInfo.InvariantCulture, $":{f.Duration.TotalMilliseconds:0}ms")
            : entry;
    }));

    private static string? ParseEntry(string entry, int number, out SandboxFault? fault)
    {
        fault = null;
        var parts = entry.Split(':');
        var kind = Kinds.FirstOrDefault(k => string.Equals(k.Name, parts[0].Trim(), StringComparison.OrdinalIgnoreCase));
        if (kind.Name is null)
        {
            return Problem(number, entry, $"unknown fault '{parts[0].Trim()}'; expected one of {string.Join(", ", Kinds.Select(k => k.Name))}");
        }

        if (parts.Length < 2 || parts.Length > 3)
        {
            return Problem(number, entry, $"write it as {kind.Name}:share{(kind.DefaultDuration is null ? string.Empty : "[:duration]")}");
        }

        if (!double.TryParse(parts[1].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var share) || share is < 0 or > 1 || double.IsNaN(share))
        {
            return Problem(number, entry, $"the share '{parts[1].Trim()}' must be a number from 0 to 1 (0.1 = one request in ten)");
        }

        var duration = kind.DefaultDuration ?? TimeSpan.Zero;
        if (parts.Length == 3)
        {
            if (kind.DefaultDuration is null)
            {
                return Problem(number, entry, $"'{kind.Name}' takes no duration");
            }

            if (!TryParseDuration(parts[2].Trim(), out duration) || duration <= TimeSpan.Zero)
            {
                return Problem(number, entry, $"the duration '{parts[2].Trim()}' must be a positive number with a unit: 500ms, 2s or 1m");
            }

            if (kind.Kind == SandboxFaultKind.Throttled && duration.Ticks % TimeSpan.TicksPerSecond != 0)
            {
                return Problem(number, entry, "Retry-After is sent in whole seconds; give the duration as 1s, 2s, …");
            }
        }

        fault = new SandboxFault(kind.Kind, share, duration);
        return null;
    }

    private static bool TryParseDuration(string text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        var (unit, scale) = text.EndsWith("ms", StringComparison.OrdinalIgnoreCase) ? ("ms", 1d)
            : text.EndsWith('s') || text.EndsWith('S') ? ("s", 1000d)
            : text.EndsWith('m') || text.EndsWith('M') ? ("m", 60_000d)
            : (string.Empty, 0d);
        if (scale == 0
            || !double.TryParse(text[..^unit.Length], NumberStyles.Float, CultureInfo.InvariantCulture, out var amount)
            || double.IsNaN(amount) || double.IsInfinity(amount) || amount * scale > TimeSpan.FromHours(1).TotalMilliseconds)
        {
            return false;
        }

        duration = TimeSpan.FromMilliseconds(amount * scale);
        return true;
    }

    private static string NameOf(SandboxFaultKind kind) => Kinds.First(k => k.Kind == kind).Name;

    private static string Problem(int number, string entry, string reason) =>
        string.Create(CultureInfo.InvariantCulture, $"Fault spec entry {number} ('{entry}'): {reason}. Example: {Example}");
}
