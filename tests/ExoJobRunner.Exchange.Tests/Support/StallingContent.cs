using System.Net;

namespace ExoJobRunner.Exchange.Tests.Support;

/// <summary>
/// A real response body that goes silent after its first <c>bytes</c>: reads then wait until cancelled, as a connection
/// does whose peer stopped sending without closing it.
/// </summary>
internal sealed class StallingContent(HttpContent inner, int bytes) : HttpContent
{
    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        await (await CreateContentReadStreamAsync()).CopyToAsync(stream);

    protected override async Task<Stream> CreateContentReadStreamAsync() =>
        new StallingStream(await inner.ReadAsStreamAsync(), bytes);

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private sealed class StallingStream(Stream inner, int remaining) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (remaining <= 0)
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }

            var read = await inner.ReadAsync(buffer[..Math.Min(buffer.Length, remaining)], cancellationToken);
            remaining -= read;
            return read;
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
