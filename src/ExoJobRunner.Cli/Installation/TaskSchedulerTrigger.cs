using System.Globalization;
using System.Xml.Linq;
using ExoJobRunner.Core.Configuration.Validation;
using ExoJobRunner.Core.Jobs;

namespace ExoJobRunner.Cli.Installation;

/// <summary>
/// Writes a job's schedule as a Task Scheduler trigger. Which schedules have one is the schedule's own business
/// (<see cref="CronRecurrence"/>); this only spells the pattern in Task Scheduler's XML.
/// </summary>
internal static class TaskSchedulerTrigger
{
    public static readonly XNamespace Task = "http://schemas.microsoft.com/windows/2004/02/mit/task";

    private static readonly string[] MonthNames =
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    /// <summary>The trigger element, or null with <paramref name="problem"/> saying why the schedule has none.</summary>
    public static XElement? TryCreate(JobSchedule schedule, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        return CronRecurrence.TryDescribe(schedule.Fields, out problem) switch
        {
            CronRecurrence.Daily daily => Calendar(
                Boundary(daily.Time),
                new XElement(Task + "ScheduleByDay", new XElement(Task + "DaysInterval", 1))),
            CronRecurrence.Weekly weekly => Calendar(
                Boundary(weekly.Time),
                new XElement(
                    Task + "ScheduleByWeek",
                    new XElement(Task + "WeeksInterval", 1),
                    new XElement(Task + "DaysOfWeek", weekly.Days.Select(day => new XElement(Task + day.ToString()))))),
            CronRecurrence.Monthly monthly => Calendar(
                Boundary(monthly.Time),
                new XElement(
                    Task + "ScheduleByMonth",
                    new XElement(Task + "DaysOfMonth", monthly.Days.Select(date => new XElement(Task + "Day", date))),
                    new XElement(Task + "Months", MonthNames.Select(month => new XElement(Task + month))))),
            CronRecurrence.EveryMinutes every => Repeating(
                Boundary(TimeOnly.MinValue),
                string.Create(CultureInfo.InvariantCulture, $"PT{every.Minutes}M")),
            CronRecurrence.EveryHours every => Repeating(
                Boundary(new TimeOnly(0, every.PastTheHour)),
                string.Create(CultureInfo.InvariantCulture, $"PT{every.Hours}H")),
            _ => null,
        };
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
    private static string Boundary(TimeOnly time) =>
        string.Create(CultureInfo.InvariantCulture, $"2026-01-01T{time.Hour:00}:{time.Minute:00}:00");
}
