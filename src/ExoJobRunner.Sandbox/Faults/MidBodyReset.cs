using Microsoft.AspNetCore.Http;

namespace ExoJobRunner.Sandbox.Faults;

/// <summary>The <c>drop</c> fault: the headers and the first half of the body go out, then the connection is reset.</summary>
internal sealed class MidBodyReset : IBodyInterruption
{
    // Real time, not the sandbox clock: this is about the network, and a reset discards whatever the client hasn't read.
    private static readonly TimeSpan DrainDelay = TimeSpan.FromMilliseconds(300);

    public async Task WriteAsync(HttpContext context, ReadOnlyMemory<byte> body)
    {
        await context.Response.Body.WriteAsync(body[..(body.Length / 2)], context.RequestAborted);
        await context.Response.Body.FlushAsync(context.RequestAborted);

        // Waiting a moment lets the headers and half the body arrive first, so the client sees what a connection
        // dropped mid-body looks like: a 200 whose body never completes.
        await Task.Delay(DrainDelay, context.RequestAborted);
        context.Abort();
    }
}
