using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace ExoJobRunner.Exchange.Generators.Json;

/// <summary>
/// A strict JSON (RFC 8259) reader that keeps every value's position. The generator cannot use System.Text.Json:
/// the compiler does not load it for analyzers on every host, and the manifest is small enough that a reader of
/// our own costs less than shipping one.
/// </summary>
internal sealed class JsonParser
{
    // The manifest nests four levels deep; anything far beyond that is a mistake, not a manifest.
    private const int MaximumDepth = 64;

    private readonly string _text;
    private int _position;

    private JsonParser(string text)
    {
        _text = text;
    }

    /// <exception cref="JsonSyntaxException">The text is not one valid JSON value.</exception>
    public static JsonNode Parse(string text)
    {
        var parser = new JsonParser(text);
        parser.SkipWhitespace();
        var value = parser.ReadValue(depth: 0);
        parser.SkipWhitespace();
        if (parser._position < text.Length)
        {
            throw parser.Error($"expected the end of the file after the top-level value, found {parser.DescribeCurrent()}");
        }

        return value;
    }

    private JsonNode ReadValue(int depth)
    {
        if (depth > MaximumDepth)
        {
            throw Error($"values nest more than {MaximumDepth.ToString(CultureInfo.InvariantCulture)} levels deep");
        }

        if (_position >= _text.Length)
        {
            throw Error("expected a value, found the end of the file");
        }

        switch (_text[_position])
        {
            case '{':
                return ReadObject(depth);
            case '[':
                return ReadArray(depth);
            case '"':
                var start = _position;
                var value = ReadString();
                return new JsonString(TextSpan.FromBounds(start, _position), value);
            case 't':
                return ReadLiteral("true", span => new JsonBoolean(span, value: true));
            case 'f':
                return ReadLiteral("false", span => new JsonBoolean(span, value: false));
            case 'n':
                return ReadLiteral("null", span => new JsonNull(span));
            case '-':
            case >= '0' and <= '9':
                return ReadNumber();
            case var letter when char.IsLetter(letter):
                throw Error($"expected a value, found {DescribeCurrent()} (strings need double quotes)");
            default:
                throw Error($"expected a value, found {DescribeCurrent()}");
        }
    }

    private JsonObject ReadObject(int depth)
    {
        var start = _position;
        _position++;
        var properties = new List<JsonProperty>();
        SkipWhitespace();
        if (TryConsume('}'))
        {
            return new JsonObject(TextSpan.FromBounds(start, _position), properties);
        }

        while (true)
        {
            SkipWhitespace();
            if (Current != '"')
            {
                throw Error($"expected a property name in double quotes, found {DescribeCurrent()}");
            }

            var nameStart = _position;
            var name = ReadString();
            var nameSpan = TextSpan.FromBounds(nameStart, _position);
            SkipWhitespace();
            Expect(':', "after the property name");
            SkipWhitespace();
            properties.Add(new JsonProperty(name, nameSpan, ReadValue(depth + 1)));
            SkipWhitespace();
            if (TryConsume('}'))
            {
                return new JsonObject(TextSpan.FromBounds(start, _position), properties);
            }

            Expect(',', "or '}' after a property");
        }
    }

    private JsonArray ReadArray(int depth)
    {
        var start = _position;
        _position++;
        var items = new List<JsonNode>();
        SkipWhitespace();
        if (TryConsume(']'))
        {
            return new JsonArray(TextSpan.FromBounds(start, _position), items);
        }

        while (true)
        {
            SkipWhitespace();
            items.Add(ReadValue(depth + 1));
            SkipWhitespace();
            if (TryConsume(']'))
            {
                return new JsonArray(TextSpan.FromBounds(start, _position), items);
            }

            Expect(',', "or ']' after an array item");
        }
    }

    private string ReadString()
    {
        var opening = _position;
        _position++;
        var value = new StringBuilder();
        while (true)
        {
            if (_position >= _text.Length)
            {
                _position = opening;
                throw Error("this string is never closed: a '\"' is missing");
            }

            var character = _text[_position];
            switch (character)
            {
                case '"':
                    _position++;
                    return value.ToString();
                case '\\':
                    value.Append(ReadEscape());
                    break;
                case '\n' or '\r':
                    // JSON strings cannot span lines, so this is nearly always a forgotten closing quote.
                    _position = opening;
                    throw Error("this string is never closed on its line: a '\"' is missing (a line break inside a string is written \\n)");
                case < ' ':
                    throw Error("a string cannot contain a control character; write it as an escape such as \\t");
                default:
                    value.Append(character);
                    _position++;
                    break;
            }
        }
    }

    private char ReadEscape()
    {
        var escape = _position;
        _position++;
        if (_position >= _text.Length)
        {
            throw Error("a string ends in the middle of an escape");
        }

        var code = _text[_position];
        _position++;
        switch (code)
        {
            case '"': return '"';
            case '\\': return '\\';
            case '/': return '/';
            case 'b': return '\b';
            case 'f': return '\f';
            case 'n': return '\n';
            case 'r': return '\r';
            case 't': return '\t';
            case 'u':
                if (_position + 4 <= _text.Length
                    && int.TryParse(_text.Substring(_position, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var unit))
                {
                    _position += 4;
                    return (char)unit;
                }

                _position = escape;
                throw Error("\\u must be followed by four hexadecimal digits");
            default:
                _position = escape;
                throw Error($"'\\{code}' is not a JSON escape; use one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX");
        }
    }

    private JsonNumber ReadNumber()
    {
        var start = _position;
        TryConsume('-');
        if (TryConsume('0'))
        {
            if (IsDigit(Current))
            {
                throw Error("a number cannot start with 0 unless it is 0");
            }
        }
        else
        {
            ReadDigits("a digit");
        }

        if (TryConsume('.'))
        {
            ReadDigits("a digit after the decimal point");
        }

        if (Current is 'e' or 'E')
        {
            _position++;
            if (Current is '+' or '-')
            {
                _position++;
            }

            ReadDigits("a digit in the exponent");
        }

        return new JsonNumber(TextSpan.FromBounds(start, _position), _text.Substring(start, _position - start));
    }

    private void ReadDigits(string expected)
    {
        if (!IsDigit(Current))
        {
            throw Error($"expected {expected}, found {DescribeCurrent()}");
        }

        while (IsDigit(Current))
        {
            _position++;
        }
    }

    private JsonNode ReadLiteral(string literal, System.Func<TextSpan, JsonNode> create)
    {
        var start = _position;
        if (string.CompareOrdinal(_text, _position, literal, 0, literal.Length) != 0)
        {
            throw Error($"expected a value, found {DescribeCurrent()} (strings need double quotes)");
        }

        _position += literal.Length;
        return create(TextSpan.FromBounds(start, _position));
    }

    private void SkipWhitespace()
    {
        while (Current is ' ' or '\t' or '\n' or '\r')
        {
            _position++;
        }
    }

    private bool TryConsume(char expected)
    {
        if (Current != expected)
        {
            return false;
        }

        _position++;
        return true;
    }

    private void Expect(char expected, string context)
    {
        if (!TryConsume(expected))
        {
            throw Error($"expected '{expected}' {context}, found {DescribeCurrent()}");
        }
    }

    private char? Current => _position < _text.Length ? _text[_position] : null;

    private static bool IsDigit(char? character) => character is >= '0' and <= '9';

    private string DescribeCurrent()
    {
        if (_position >= _text.Length)
        {
            return "the end of the file";
        }

        var character = _text[_position];
        return character switch
        {
            '\n' or '\r' => "a line break",
            < ' ' => "a control character",
            _ when char.IsLetter(character) => $"'{Word()}'",
            _ => $"'{character}'",
        };
    }

    /// <summary>The bare word at the current position, so "expected a value, found 'yes'" names the whole word.</summary>
    private string Word()
    {
        var end = _position;
        while (end < _text.Length && char.IsLetterOrDigit(_text[end]))
        {
            end++;
        }

        return _text.Substring(_position, end - _position);
    }

    private JsonSyntaxException Error(string message) => new(message, _position);
}
