using System;
using System.Collections.Generic;
using System.Linq;
using ExoJobRunner.Exchange.Generators.Json;
using ExoJobRunner.Shared;
using Microsoft.CodeAnalysis.Text;

namespace ExoJobRunner.Exchange.Generators.Manifest;

/// <summary>
/// Reads the keys of one manifest object, reporting unknown and repeated keys, missing required ones and values of
/// the wrong kind, each where it was written.
/// </summary>
internal sealed class ManifestObject
{
    private readonly JsonObject _node;
    private readonly string _subject;
    private readonly DiagnosticSink _sink;
    private readonly Dictionary<string, JsonProperty> _properties = new(StringComparer.Ordinal);

    /// <param name="node">The object.</param>
    /// <param name="subject">How messages name it: <c>parameter 'Identity' of Get-Mailbox</c>.</param>
    /// <param name="knownKeys">The keys it may have.</param>
    /// <param name="sink">Where problems go.</param>
    public ManifestObject(JsonObject node, string subject, IReadOnlyList<string> knownKeys, DiagnosticSink sink)
    {
        _node = node;
        _subject = subject;
        _sink = sink;
        foreach (var property in node.Properties)
        {
            if (!knownKeys.Contains(property.Name))
            {
                var suggestion = EditDistance.ClosestMatch(property.Name, knownKeys);
                var hint = suggestion is null ? string.Empty : $"did you mean \"{suggestion}\"? ";
                sink.Report(
                    ManifestDiagnosticIds.UnknownKey,
                    $"{subject} has an unknown key \"{property.Name}\"; {hint}Its keys are: {string.Join(", ", knownKeys)}.",
                    property.NameSpan);
            }
            else if (_properties.ContainsKey(property.Name))
            {
                sink.Report(ManifestDiagnosticIds.DuplicateName, $"{subject} gives \"{property.Name}\" twice; keep one.", property.NameSpan);
            }
            else
            {
                _properties.Add(property.Name, property);
            }
        }
    }

    /// <summary>The opening brace: where a missing key is reported, so the message points at the object's first line.</summary>
    public TextSpan StartSpan => new(_node.Span.Start, 1);

    public JsonNode? Node(string key, bool required)
    {
        if (_properties.TryGetValue(key, out var property))
        {
            return property.Value;
        }

        if (required)
        {
            _sink.Report(ManifestDiagnosticIds.MissingKey, $"{_subject} has no \"{key}\"; add it.", StartSpan);
        }

        return null;
    }

    public JsonString? String(string key, bool required = false) => Node(key, required) switch
    {
        null => null,
        JsonString text when text.Value.Trim().Length > 0 => text,
        JsonString text => ReportWrongKind<JsonString>(key, text, "a non-empty string"),
        var other => ReportWrongKind<JsonString>(key, other, "a string"),
    };

    public JsonBoolean? Boolean(string key) => Node(key, required: false) switch
    {
        null => null,
        JsonBoolean flag => flag,
        var other => ReportWrongKind<JsonBoolean>(key, other, "true or false"),
    };

    public JsonNumber? Number(string key) => Node(key, required: false) switch
    {
        null => null,
        JsonNumber number => number,
        var other => ReportWrongKind<JsonNumber>(key, other, "a number"),
    };

    public JsonArray? Array(string key, bool required = false) => Node(key, required) switch
    {
        null => null,
        JsonArray array => array,
        var other => ReportWrongKind<JsonArray>(key, other, "an array"),
    };

    public JsonObject? Object(string key, bool required = false) => Node(key, required) switch
    {
        null => null,
        JsonObject value => value,
        var other => ReportWrongKind<JsonObject>(key, other, "an object"),
    };

    /// <summary>Reports a value whose kind is wrong for <paramref name="key"/>.</summary>
    public T? ReportWrongKind<T>(string key, JsonNode value, string expected)
        where T : JsonNode
    {
        _sink.Report(
            ManifestDiagnosticIds.WrongValueKind,
            $"\"{key}\" of {_subject} must be {expected}, not {value.Description}.",
            value.Span);
        return null;
    }
}
