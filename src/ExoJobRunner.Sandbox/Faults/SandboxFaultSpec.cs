using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using ExoJobRunner.Shared;

namespace ExoJobRunner.Sandbox.Faults;

/// <summary>
/// Which faults a sandbox injects, written as entries separated by commas:
/// <code>429:0.1:2s,503:0.05,slow:0.1:1500ms,drop:0.05,revoke:0.01,token:30s,budget:100/10s</code>
/// Per-request faults are <c>kind:share[:duration]</c>: <c>429</c> (optional Retry-After, whole seconds, default 1s),
/// <c>429-no-retry-after</c>, <c>500</c>, <c>502</c>, <c>503</c>, <c>504</c>, <c>slow</c> (optional delay, default 2s),
/// <c>reset</c>, <c>drop</c>, <c>stall</c> (optional silence, default 10m) and <c>revoke</c>; each at most once. Shares
/// are fractions of requests; a request gets at most one fault, so they may add up to 1 at most. Two entries shape the
/// whole tenant instead: <c>token:lifetime</c> (how long access tokens last) and <c>budget:N/window</c> (requests per
/// window before 429). Durations take <c>ms</c>, <c>s</c> or <c>m</c>, up to an hour.
/// </summary>
public sealed class SandboxFaultSpec
{
    public const string Example = "429:0.1,503:0.05,slow:0.1:2s,drop:0.05,revoke:0.01";

    private const string TokenEntry = "token";
    private const string BudgetEntry = "budget";
    private const int MaxBudgetRequests = 1_000_000;

    private static readonly TimeSpan MaxDuration = TimeSpan.FromHours(1);

    private static readonly FaultKindSyntax[] Kinds =
    [
        new("429", SandboxFaultKind.Throttled, TimeSpan.FromSeconds(1), WholeSeconds: true),
        new("429-no-retry-after", SandboxFaultKind.ThrottledWithoutRetryAfter, null),
        new("500", SandboxFaultKind.InternalServerError, null),
        new("502", SandboxFaultKind.BadGateway, null),
        new("503", SandboxFaultKind.Unavailable, null),
        new("504", SandboxFaultKind.GatewayTimeout, null),
        new("slow", SandboxFaultKind.Slow, TimeSpan.FromSeconds(2)),
        new("reset", SandboxFaultKind.ResetBeforeHeaders, null),
        new("drop", SandboxFaultKind.Dropped, null),
        new("stall", SandboxFaultKind.Stalled, TimeSpan.FromMinutes(10)),
        new("revoke", SandboxFaultKind.TokenRevoked, null),
    ];

    private SandboxFaultSpec(IReadOnlyList<SandboxFault> faults, TimeSpan? tokenLifetime, SandboxThrottlingBudget? budget)
    {
        Faults = faults;
        TokenLifetime = tokenLifetime;
        Budget = budget;
    }

    /// <summary>No faults: every request is answered normally, tokens last as Entra's do, no budget.</summary>
    public static SandboxFaultSpec None { get; } = new([], null, null);

    /// <summary>The names a per-request fault may have, in the order they are documented.</summary>
    public static IReadOnlyList<string> KindNames { get; } = [.. Kinds.Select(kind => kind.Name)];

    public IReadOnlyList<SandboxFault> Faults { get; }

    /// <summary>How long issued access tokens last (<c>token:30s</c>); null for Entra's usual 3599 seconds.</summary>
    public TimeSpan? TokenLifetime { get; }

    /// <summary>The tenant's request budget (<c>budget:100/10s</c>), or null for none.</summary>
    public SandboxThrottlingBudget? Budget { get; }

    /// <summary>The entry name of a fault kind as the spec writes it (<c>429</c>, <c>drop</c> …).</summary>
    public static string NameOf(SandboxFaultKind kind) => Kinds.First(k => k.Kind == kind).Name;

    /// <exception cref="FormatException">The text isn't a valid spec; the message says which entry and why.</exception>
    public static SandboxFaultSpec Parse(string? text) =>
        TryParse(text, out var spec, out var error) ? spec : throw new FormatException(error.Message);

    /// <summary>Reads a spec; on failure <paramref name="error"/> says what is wrong and where in <paramref name="text"/>.</summary>
    public static bool TryParse(string? text, out SandboxFaultSpec spec, [NotNullWhen(false)] out SandboxFaultSpecError? error)
    {
        spec = None;
        error = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        var reader = new Reader();
        var start = 0;
        for (var number = 1; start <= text.Length; number++)
        {
            var end = text.IndexOf(',', start);
            end = end < 0 ? text.Length : end;
            error = reader.Read(new Entry(text, start, end, number));
            if (error is not null)
            {
                return false;
            }

            start = end + 1;
        }

        var total = reader.Faults.Sum(f => f.Share);
        if (total > 1 + 1e-9)
        {
            error = new SandboxFaultSpecError(
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"Fault spec '{text}': the shares add up to {total:0.###}, but a request gets at most one fault, so they must add up to 1 at most."),
                0,
                text.Length);
            return false;
        }

        spec = new SandboxFaultSpec(reader.Faults, reader.TokenLifetime, reader.Budget);
        return true;
    }

    /// <summary>The spec in canonical form, durations included; parses back to an equal spec.</summary>
    public override string ToString()
    {
        var entries = Faults.Select(f =>
        {
            var entry = string.Create(CultureInfo.InvariantCulture, $"{NameOf(f.Kind)}:{f.Share:0.####}");
            return f.Duration > TimeSpan.Zero ? $"{entry}:{Milliseconds(f.Duration)}" : entry;
        }).ToList();
        if (TokenLifetime is { } lifetime)
        {
            entries.Add($"{TokenEntry}:{Milliseconds(lifetime)}");
        }

        if (Budget is { } budget)
        {
            entries.Add(string.Create(CultureInfo.InvariantCulture, $"{BudgetEntry}:{budget.Requests}/{Milliseconds(budget.Window)}"));
        }

        return string.Join(',', entries);
    }

    private static string Milliseconds(TimeSpan duration) =>
        string.Create(CultureInfo.InvariantCulture, $"{duration.TotalMilliseconds:0}ms");

    private static bool TryParseDuration(string text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        var (unit, scale) = text.EndsWith("ms", StringComparison.OrdinalIgnoreCase) ? ("ms", 1d)
            : text.EndsWith('s') || text.EndsWith('S') ? ("s", 1000d)
            : text.EndsWith('m') || text.EndsWith('M') ? ("m", 60_000d)
            : (string.Empty, 0d);
        if (scale == 0
            || !double.TryParse(text[..^unit.Length], NumberStyles.Float, CultureInfo.InvariantCulture, out var amount)
            || double.IsNaN(amount) || double.IsInfinity(amount) || amount <= 0 || amount * scale > MaxDuration.TotalMilliseconds)
        {
            return false;
        }

        duration = TimeSpan.FromMilliseconds(amount * scale);
        return duration > TimeSpan.Zero;
    }

    private sealed record FaultKindSyntax(string Name, SandboxFaultKind Kind, TimeSpan? DefaultDuration, bool WholeSeconds = false);

    /// <summary>One comma-separated entry of the spec and where it lies in the whole text.</summary>
    private sealed class Entry
    {
        private readonly string spec;

        public Entry(string spec, int start, int end, int number)
        {
            this.spec = spec;
            Number = number;
            while (start < end && char.IsWhiteSpace(spec[start]))
            {
                start++;
            }

            while (end > start && char.IsWhiteSpace(spec[end - 1]))
            {
                end--;
            }

            Start = start;
            Text = spec[start..end];
            var parts = new List<(int Offset, string Text)>();
            var partStart = 0;
            for (var i = 0; i <= Text.Length; i++)
            {
                if (i == Text.Length || Text[i] == ':')
                {
                    var raw = Text[partStart..i];
                    var lead = raw.Length - raw.TrimStart().Length;
                    parts.Add((Start + partStart + lead, raw.Trim()));
                    partStart = i + 1;
                }
            }

            Parts = parts;
        }

        public int Number { get; }

        public int Start { get; }

        public string Text { get; }

        /// <summary>The <c>:</c>-separated parts, trimmed, each with its offset in the whole spec.</summary>
        public List<(int Offset, string Text)> Parts { get; }

        public SandboxFaultSpecError Problem(string reason) => At(Start, Text.Length, reason);

        public SandboxFaultSpecError ProblemInPart(int part, string reason) => At(Parts[part].Offset, Parts[part].Text.Length, reason);

        private SandboxFaultSpecError At(int offset, int length, string reason) => new(
            string.Create(CultureInfo.InvariantCulture, $"Fault spec entry {Number} ('{Text}'): {reason}. Example: {Example}"),
            Math.Min(offset, spec.Length),
            Math.Max(length, offset < spec.Length ? 1 : 0));
    }

    /// <summary>Collects entries, refusing the first that is wrong.</summary>
    private sealed class Reader
    {
        public List<SandboxFault> Faults { get; } = [];

        public TimeSpan? TokenLifetime { get; private set; }

        public SandboxThrottlingBudget? Budget { get; private set; }

        public SandboxFaultSpecError? Read(Entry entry)
        {
            if (entry.Text.Length == 0)
            {
                return entry.Problem("is empty; remove the extra comma");
            }

            var name = entry.Parts[0].Text;
            if (string.Equals(name, TokenEntry, StringComparison.OrdinalIgnoreCase))
            {
                return ReadTokenLifetime(entry);
            }

            if (string.Equals(name, BudgetEntry, StringComparison.OrdinalIgnoreCase))
            {
                return ReadBudget(entry);
            }

            var kind = Kinds.FirstOrDefault(k => string.Equals(k.Name, name, StringComparison.OrdinalIgnoreCase));
            if (kind is null)
            {
                string[] known = [.. KindNames, TokenEntry, BudgetEntry];
                var suggestion = EditDistance.ClosestMatch(name, known) is { } close ? $"did you mean '{close}'? " : string.Empty;
                return entry.ProblemInPart(0, $"unknown fault '{name}'; {suggestion}expected one of {string.Join(", ", known)}");
            }

            if (entry.Parts.Count < 2 || entry.Parts.Count > 3)
            {
                return entry.Problem($"write it as {kind.Name}:share{(kind.DefaultDuration is null ? string.Empty : "[:duration]")}");
            }

            var shareText = entry.Parts[1].Text;
            if (!double.TryParse(shareText, NumberStyles.Float, CultureInfo.InvariantCulture, out var share) || share is < 0 or > 1 || double.IsNaN(share))
            {
                return entry.ProblemInPart(1, $"the share '{shareText}' must be a number from 0 to 1 (0.1 = one request in ten)");
            }

            var duration = kind.DefaultDuration ?? TimeSpan.Zero;
            if (entry.Parts.Count == 3)
            {
                var durationText = entry.Parts[2].Text;
                if (kind.DefaultDuration is null)
                {
                    return entry.ProblemInPart(2, $"'{kind.Name}' takes no duration");
                }

                if (!TryParseDuration(durationText, out duration))
                {
                    return entry.ProblemInPart(2, $"the duration '{durationText}' must be a positive number with a unit, at most an hour: 500ms, 2s or 1m");
                }

                if (kind.WholeSeconds && duration.Ticks % TimeSpan.TicksPerSecond != 0)
                {
                    return entry.ProblemInPart(2, "Retry-After is sent in whole seconds; give the duration as 1s, 2s, …");
                }
            }

            if (Faults.Any(f => f.Kind == kind.Kind))
            {
                return entry.Problem($"fault '{kind.Name}' is already given; list each kind once");
            }

            Faults.Add(new SandboxFault(kind.Kind, share, duration));
            return null;
        }

        private SandboxFaultSpecError? ReadTokenLifetime(Entry entry)
        {
            if (entry.Parts.Count != 2)
            {
                return entry.Problem("write it as token:lifetime, e.g. token:30s for access tokens that last 30 seconds");
            }

            if (!TryParseDuration(entry.Parts[1].Text, out var lifetime) || lifetime < TimeSpan.FromSeconds(1))
            {
                return entry.ProblemInPart(1, $"the lifetime '{entry.Parts[1].Text}' must be a duration from 1s to an hour: 30s, 5m");
            }

            if (TokenLifetime is not null)
            {
                return entry.Problem("'token' is already given; give one lifetime");
            }

            TokenLifetime = lifetime;
            return null;
        }

        private SandboxFaultSpecError? ReadBudget(Entry entry)
        {
            var slash = entry.Parts.Count == 2 ? entry.Parts[1].Text.IndexOf('/', StringComparison.Ordinal) : -1;
            if (slash < 0)
            {
                return entry.Problem("write it as budget:requests/window, e.g. budget:100/10s for 100 requests every 10 seconds");
            }

            var (offset, text) = entry.Parts[1];
            var requestsText = text[..slash].Trim();
            if (!int.TryParse(requestsText, NumberStyles.None, CultureInfo.InvariantCulture, out var requests) || requests is < 1 or > MaxBudgetRequests)
            {
                var problem = entry.ProblemInPart(1, $"the request count '{requestsText}' must be a whole number from 1 to {MaxBudgetRequests:N0}");
                return problem with { Offset = offset, Length = Math.Max(1, slash) };
            }

            var windowText = text[(slash + 1)..].Trim();
            if (!TryParseDuration(windowText, out var window))
            {
                var problem = entry.ProblemInPart(1, $"the window '{windowText}' must be a duration up to an hour: 500ms, 10s, 1m");
                return problem with { Offset = offset + slash + 1, Length = Math.Max(1, text.Length - slash - 1) };
            }

            if (Budget is not null)
            {
                return entry.Problem("'budget' is already given; give one budget");
            }

            Budget = new SandboxThrottlingBudget(requests, window);
            return null;
        }
    }
}
