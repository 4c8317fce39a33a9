using System.Globalization;

namespace ExoJobRunner.Core.Configuration.Validation;

/// <summary>
/// A cron schedule read as the calendar patterns other schedulers have (Task Scheduler's triggers): a daily, weekly
/// or monthly time, or a repetition every N minutes or hours. Anything else (seconds, month lists, steps that do not
/// divide the hour or day evenly, L/W/#) has no faithful equivalent and is refused with the reason, not approximated.
/// </summary>
public abstract record CronRecurrence
{
    private static readonly string[] DayAbbreviations = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

    private CronRecurrence()
    {
    }

    /// <summary>The pattern <paramref name="fields"/> describes, or null with <paramref name="problem"/> saying why there is none.</summary>
    public static CronRecurrence? TryDescribe(CronFields fields, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(fields);
        if (fields.Second is not (null or "0"))
        {
            problem = "Task Scheduler cannot start tasks at a given second";
            return null;
        }

        if (fields.Month != "*")
        {
            problem = "only schedules that run every month can be translated";
            return null;
        }

        problem = null;
        var anyDayOfMonth = fields.DayOfMonth is "*" or "?";
        var anyDayOfWeek = fields.DayOfWeek is "*" or "?";
        if (Number(fields.Minute, 59) is { } minute && Number(fields.Hour, 23) is { } hour)
        {
            var time = new TimeOnly(hour, minute);
            if (anyDayOfMonth && anyDayOfWeek)
            {
                return new Daily(time);
            }

            if (anyDayOfMonth && DaysOfWeek(fields.DayOfWeek) is { Count: > 0 } days)
            {
                return new Weekly(time, days);
            }

            if (anyDayOfWeek && DaysOfMonth(fields.DayOfMonth) is { Count: > 0 } dates)
            {
                return new Monthly(time, dates);
            }
        }
        else if (anyDayOfMonth && anyDayOfWeek && fields.Hour == "*" && Step(fields.Minute, 60) is { } minutes)
        {
            return new EveryMinutes(minutes);
        }
        else if (anyDayOfMonth && anyDayOfWeek && Number(fields.Minute, 59) is { } pastTheHour && Step(fields.Hour, 24) is { } hours)
        {
            return new EveryHours(hours, pastTheHour);
        }

        problem = "it is not a daily, weekly or monthly time, nor a step that divides the hour or the day evenly";
        return null;
    }

    private static int? Number(string field, int max) =>
        int.TryParse(field, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value <= max ? value : null;

    /// <summary>"*" (every unit) or "*/N" where N divides the whole evenly, as a repetition must.</summary>
    private static int? Step(string field, int whole)
    {
        if (field == "*")
        {
            return 1;
        }

        return field.StartsWith("*/", StringComparison.Ordinal) && Number(field[2..], whole) is { } step && step > 0 && whole % step == 0
            ? step
            : null;
    }

    private static List<DayOfWeek>? DaysOfWeek(string field)
    {
        var days = new SortedSet<DayOfWeek>();
        foreach (var part in field.Split(','))
        {
            var range = part.Split('-');
            var first = DayOfWeekNumber(range[0]);
            var last = range.Length == 2 ? DayOfWeekNumber(range[1]) : first;
            if (range.Length > 2 || first is null || last is null || last < first)
            {
                return null;
            }

            // Cron counts Sunday as 0 and as 7.
            for (var day = first.Value; day <= last.Value; day++)
            {
                days.Add((DayOfWeek)(day % 7));
            }
        }

        return [.. days];
    }

    private static int? DayOfWeekNumber(string text)
    {
        var index = Array.FindIndex(DayAbbreviations, name => string.Equals(name, text, StringComparison.OrdinalIgnoreCase));
        return index >= 0 ? index : Number(text, 7);
    }

    private static List<int>? DaysOfMonth(string field)
    {
        var dates = new List<int>();
        foreach (var part in field.Split(','))
        {
            if (Number(part, 31) is not { } date || date == 0)
            {
                return null;
            }

            dates.Add(date);
        }

        return dates;
    }

    /// <summary>Every day at <paramref name="Time"/>.</summary>
    public sealed record Daily(TimeOnly Time) : CronRecurrence;

    /// <summary>At <paramref name="Time"/> on each of <paramref name="Days"/>, every week.</summary>
    public sealed record Weekly(TimeOnly Time, IReadOnlyList<DayOfWeek> Days) : CronRecurrence;

    /// <summary>At <paramref name="Time"/> on each of the <paramref name="Days"/> of every month.</summary>
    public sealed record Monthly(TimeOnly Time, IReadOnlyList<int> Days) : CronRecurrence;

    /// <summary>Every <paramref name="Minutes"/> minutes from midnight (a divisor of 60).</summary>
    public sealed record EveryMinutes(int Minutes) : CronRecurrence;

    /// <summary>Every <paramref name="Hours"/> hours from midnight, <paramref name="PastTheHour"/> minutes past (a divisor of 24).</summary>
    public sealed record EveryHours(int Hours, int PastTheHour) : CronRecurrence;
}
