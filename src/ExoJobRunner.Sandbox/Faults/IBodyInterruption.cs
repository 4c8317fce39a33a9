using Microsoft.AspNetCore.Http;

namespace ExoJobRunner.Sandbox.Faults;

/// <summary>A way for a response body not to arrive whole, once its status and headers (a 200) have been sent.</summary>
internal interface IBodyInterruption
{
    /// <summary>Sends part of <paramref name="body"/> (whose length the headers already announce), then fails.</summary>
    Task WriteAsync(HttpContext context, ReadOnlyMemory<byte> body);
}
