namespace ExoJobRunner.Core.Configuration.Validation;

/// <summary>
/// A cron expression split into its fields, once, for everything that reads them (the parser counts them; Task
/// Scheduler's translation reads them): macros are expanded, and the seconds field of a six-field expression is apart.
/// </summary>
/// <param name="Second">The seconds field, or null for a five-field expression.</param>
public sealed record CronFields(string? Second, string Minute, string Hour, string DayOfMonth, string Month, string DayOfWeek)
{
    /// <summary>The macros Cronos accepts, as the fields they stand for.</summary>
    private static readonly Dictionary<string, string> Macros = new(StringComparer.OrdinalIgnoreCase)
    {
        ["@every_second"] = "* * * * * *",
        ["@every_minute"] = "* * * * *",
        ["@hourly"] = "0 * * * *",
        ["@daily"] = "0 0 * * *",
        ["@midnight"] = "0 0 * * *",
        ["@weekly"] = "0 0 * * 0",
        ["@monthly"] = "0 0 1 * *",
        ["@yearly"] = "0 0 1 1 *",
        ["@annually"] = "0 0 1 1 *",
    };

    /// <summary>The words of an expression as written, separated by spaces or tabs (a macro is one word).</summary>
    public static IReadOnlyList<string> Words(string expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        return expression.Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>The fields of a five- or six-field expression or a known macro; null for anything else.</summary>
    public static CronFields? Split(string expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        var words = Words(Macros.GetValueOrDefault(expression.Trim(), expression));
        return words.Count switch
        {
            5 => new CronFields(null, words[0], words[1], words[2], words[3], words[4]),
            6 => new CronFields(words[0], words[1], words[2], words[3], words[4], words[5]),
            _ => null,
        };
    }
}
