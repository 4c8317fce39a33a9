using ExoJobRunner.Core.Running;

namespace ExoJobRunner.Core.History;

/// <summary>
/// Run ids that are never repeated by this process. <see cref="RunIds"/> adds 24 random bits to the start second,
/// which is plenty for runs typed by hand; a scheduler firing a thousand jobs in the same second would see a
/// repeat a few times a month (the birthday bound), and a repeated id is a history row that cannot be written.
/// </summary>
public static class HistoryRunIds
{
    private static readonly Lock Gate = new();
    private static readonly HashSet<string> IssuedThisSecond = new(StringComparer.Ordinal);
    private static string? _second;

    public static string Create(DateTimeOffset now)
    {
        lock (Gate)
        {
            while (true)
            {
                var id = RunIds.Create(now);

                // Ids start with their second ("20261127-215000-"), so those of earlier seconds can no longer collide.
                var second = id[..id.LastIndexOf('-')];
                if (!string.Equals(second, _second, StringComparison.Ordinal))
                {
                    _second = second;
                    IssuedThisSecond.Clear();
                }

                if (IssuedThisSecond.Add(id))
                {
                    return id;
                }
            }
        }
    }
}
