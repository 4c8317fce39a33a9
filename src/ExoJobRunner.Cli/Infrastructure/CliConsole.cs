using System.Globalization;
using Spectre.Console;

namespace ExoJobRunner.Cli.Infrastructure;

/// <summary>
/// The Spectre console for tables. Its width is <c>COLUMNS</c> when that is set (as shells export it, and as scripts
/// and tests can), else the terminal's; when output is redirected (logs, CI) without <c>COLUMNS</c> it is wide and
/// plain so rows never wrap.
/// </summary>
internal static class CliConsole
{
    public const string WidthVariable = "COLUMNS";

    private const int RedirectedWidth = 240;

    public static IAnsiConsole Create()
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(Console.Out),
            Ansi = Console.IsOutputRedirected ? AnsiSupport.No : AnsiSupport.Detect,
            ColorSystem = Console.IsOutputRedirected ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
        });
        if (int.TryParse(Environment.GetEnvironmentVariable(WidthVariable), NumberStyles.None, CultureInfo.InvariantCulture, out var columns) && columns > 0)
        {
            console.Profile.Width = columns;
        }
        else if (Console.IsOutputRedirected)
        {
            console.Profile.Width = RedirectedWidth;
        }

        return console;
    }
}
