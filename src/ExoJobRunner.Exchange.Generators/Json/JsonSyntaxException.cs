using System;

namespace ExoJobRunner.Exchange.Generators.Json;

/// <summary>The text is not valid JSON; <see cref="Position"/> is the offset of the offending character.</summary>
internal sealed class JsonSyntaxException : Exception
{
    public JsonSyntaxException()
    {
    }

    public JsonSyntaxException(string message)
        : base(message)
    {
    }

    public JsonSyntaxException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public JsonSyntaxException(string message, int position)
        : base(message)
    {
        Position = position;
    }

    public int Position { get; }
}
