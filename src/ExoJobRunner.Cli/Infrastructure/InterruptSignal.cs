using System.Runtime.InteropServices;

namespace ExoJobRunner.Cli.Infrastructure;

/// <summary>
/// Turns Ctrl+C (SIGINT) and SIGTERM into a cancellation token instead of killing the process, so a running job is
/// canceled cooperatively, recorded, and the process exits with its documented code.
/// </summary>
internal sealed class InterruptSignal : IDisposable
{
    private readonly CancellationTokenSource _source = new();
    private readonly PosixSignalRegistration _interrupt;
    private readonly PosixSignalRegistration _terminate;

    public InterruptSignal()
    {
        _interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Handle);
        _terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Handle);
    }

    public CancellationToken Token => _source.Token;

    public void Dispose()
    {
        _interrupt.Dispose();
        _terminate.Dispose();
        _source.Dispose();
    }

    private void Handle(PosixSignalContext context)
    {
        // A second signal while the first is still being honoured falls through to the default: the process ends.
        if (_source.IsCancellationRequested)
        {
            return;
        }

        context.Cancel = true;
        _source.Cancel();
    }
}
