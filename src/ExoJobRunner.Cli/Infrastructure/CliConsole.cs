using Spectre.Console;

namespace ExoJobRunner.Cli.Infrastructure;

/// <summary>The Spectre console for tables; when output is redirected (logs, CI) it is wide and plain so rows never wrap.</summary>
internal static class CliConsole
{
    private const int RedirectedWidth = 240;

    public static IAnsiConsole Create()
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(Console.Out),
            Ansi = Console.IsOutputRedirected ? AnsiSupport.No : AnsiSupport.Detect,
            ColorSystem = Console.IsOutputRedirected ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
        });
        if (Console.IsOutputRedirected)
        {
            console.Profile.Width = RedirectedWidth;
        }

        return console;
    }
}
