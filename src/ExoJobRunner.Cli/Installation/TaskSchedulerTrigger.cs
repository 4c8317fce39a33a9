using System.Globalization;
using System.Xml.Linq;
using ExoJobRunner.Core.Jobs;

namespace ExoJobRunner.Cli.Installation;

/// <summary>
/// Turns the cron schedules Task Scheduler can express into its triggers: a daily, weekly or monthly time, or a
/// repetition every N minutes or hours. Anything else (seconds, month lists, steps that do not divide the hour or
/// day evenly, L/W/#) has no faithful equivalent and is refused with the reason, rather than approximated.
/// </summary>
internal static class TaskSchedulerTrigger
{
    public static readonly XNamespace Task = "http://schemas.microsoft.com/windows/2004/02/mit/task";

    private static readonly string[] DayNames = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

    private static readonly string[] MonthNames =
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    private static readonly Dictionary<string, string> Macros = new(StringComparer.OrdinalIgnoreCase)
    {
        ["@hourly"] = "0 * * * *",
        ["@daily"] = "0 0 * * *",
        ["@midnight"] = "0 0 * * *",
        ["@weekly"] = "0 0 * * 0",
        ["@monthly"] = "0 0 1 * *",
    };

    /// <summary>The trigger element, or null with <paramref name="problem"/> saying why the schedule has none.</summary>
    public static XElement? TryCreate(JobSchedule schedule, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        var expression = Macros.GetValueOrDefault(schedule.Expression.Trim(), schedule.Expression.Trim());
        var fields = expression.Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length == 6)
        {
            if (fields[0] != "0")
            {
                problem = "Task Scheduler cannot start tasks at a given second";
                return null;
            }

            fields = fields[1..];
        }

        problem = null;
        if (fields.Length != 5 || fields[3] != "*")
        {
            problem = "only schedules that run every month can be translated";
            return null;
        }

        var (minute, hour, dayOfMonth, dayOfWeek) = (fields[0], fields[1], fields[2], fields[4]);
        var anyDayOfMonth = dayOfMonth is "*" or "?";
        var anyDayOfWeek = dayOfWeek is "*" or "?";
        if (Number(minute, 59) is { } atMinute && Number(hour, 23) is { } atHour)
        {
            var start = Boundary(atHour, atMinute);
            if (anyDayOfMonth && anyDayOfWeek)
            {
                return Calendar(start, new XElement(Task + "ScheduleByDay", new XElement(Task + "DaysInterval", 1)));
            }

            if (anyDayOfMonth && DaysOfWeek(dayOfWeek) is { Count: > 0 } days)
            {
                return Calendar(start, new XElement(
                    Task + "ScheduleByWeek",
                    new XElement(Task + "WeeksInterval", 1),
                    new XElement(Task + "DaysOfWeek", days.Select(day => new XElement(Task + DayNames[day])))));
            }

            if (anyDayOfWeek && DaysOfMonth(dayOfMonth) is { Count: > 0 } dates)
            {
                return Calendar(start, new XElement(
                    Task + "ScheduleByMonth",
                    new XElement(Task + "DaysOfMonth", dates.Select(date => new XElement(Task + "Day", date))),
                    new XElement(Task + "Months", MonthNames.Select(month => new XElement(Task + month)))));
            }
        }
        else if (anyDayOfMonth && anyDayOfWeek && hour == "*" && Step(minute, 60) is { } minutes)
        {
            return Repeating(Boundary(0, 0), string.Create(CultureInfo.InvariantCulture, $"PT{minutes}M"));
        }
        else if (anyDayOfMonth && anyDayOfWeek && Number(minute, 59) is { } pastTheHour && Step(hour, 24) is { } hours)
        {
            return Repeating(Boundary(0, pastTheHour), string.Create(CultureInfo.InvariantCulture, $"PT{hours}H"));
        }

        problem = "it is not a daily, weekly or monthly time, nor a step that divides the hour or the day evenly";
        return null;
    }

    private static XElement Calendar(string start, XElement schedule) =>
        new(Task + "CalendarTrigger", new XElement(Task + "StartBoundary", start), new XElement(Task + "Enabled", "true"), schedule);

    private static XElement Repeating(string start, string interval) =>
        new(
            Task + "TimeTrigger",
            new XElement(Task + "Repetition", new XElement(Task + "Interval", interval), new XElement(Task + "StopAtDurationEnd", "false")),
            new XElement(Task + "StartBoundary", start),
            new XElement(Task + "Enabled", "true"));

    // A local time without an offset: Task Scheduler reads it in the Windows machine's time zone, following its DST.
    private static string Boundary(int hour, int minute) =>
        string.Create(CultureInfo.InvariantCulture, $"2026-01-01T{hour:00}:{minute:00}:00");

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

    private static List<int>? DaysOfWeek(string field)
    {
        var days = new SortedSet<int>();
        foreach (var part in field.Split(','))
        {
            var range = part.Split('-');
            var first = DayOfWeek(range[0]);
            var last = range.Length == 2 ? DayOfWeek(range[1]) : first;
            if (range.Length > 2 || first is null || last is null || last < first)
            {
                return null;
            }

            for (var day = first.Value; day <= last.Value; day++)
            {
                days.Add(day % 7);
            }
        }

        return [.. days];
    }

    private static int? DayOfWeek(string text)
    {
        var index = Array.FindIndex(DayNames, name => name.StartsWith(text, StringComparison.OrdinalIgnoreCase) && text.Length == 3);
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
}
