using Microsoft.AspNetCore.Http;

namespace ExoJobRunner.Sandbox.Faults;

/// <summary>
/// The <c>stall</c> fault: the headers and the first half of the body go out, then nothing for the stall's duration (on
/// the sandbox clock), then the connection is reset. A client without a read timeout waits all that time; one with a
/// timeout gives up first, which ends the stall here too.
/// </summary>
internal sealed class StalledBody(TimeSpan silence, TimeProvider clock) : IBodyInterruption
{
    public async Task WriteAsync(HttpContext context, ReadOnlyMemory<byte> body)
    {
        await context.Response.Body.WriteAsync(body[..(body.Length / 2)], context.RequestAborted);
        await context.Response.Body.FlushAsync(context.RequestAborted);
        try
        {
            await Task.Delay(silence, clock, context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        context.Abort();
    }
}
