using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using ExoJobRunner.Exchange.Generators.Json;
using ExoJobRunner.Shared;
using Microsoft.CodeAnalysis.Text;

namespace ExoJobRunner.Exchange.Generators.Manifest;

/// <summary>
/// Turns the manifest's JSON into a <see cref="ManifestModel"/>, checking everything the generated code relies on:
/// names that are valid identifiers, known types, consistent parameter sets. Every problem is reported at the line
/// it is about; a manifest with any problem gives no model, so nothing half-checked is generated.
/// </summary>
internal static class ManifestReader
{
    private static readonly string[] ManifestKeys = ["description", "cmdlets", "types"];
    private static readonly string[] CmdletKeys = ["name", "summary", "docs", "output", "defaultParameterSet", "parameters"];
    private static readonly string[] ParameterKeys = ["name", "type", "summary", "mandatory", "position", "pipeline", "sets"];
    private static readonly string[] TypeKeys = ["name", "summary", "properties"];

    // Names the generated C# already uses: a parameter named like these would clash with the method's own.
    private static readonly string[] ReservedParameterNames = ["Session", "CancellationToken"];

    // Members every result type has: inherited from ExchangeResult and object, or generated next to the properties.
    private static readonly string[] ReservedPropertyNames =
    [
        "Source", "PropertyNames", "Item", "Has", "Get", "TryGet", "EnumerateProperties", "Read", "ReadByteQuantifiedSize",
        "TryReadDocumentedProperty", "DocumentedProperties", "FromSource", "ToString", "Equals", "GetHashCode", "GetType",
    ];

    // The types generated or written next to the result types.

    private static readonly string[] ReservedTypeNames =
        ["ExchangeResult", "ExchangeCmdlets", "ExchangeCmdletCatalog", "ExchangeCmdletDescriptor", "CmdletParameters", "CmdletInvoker", "ResultSize", "MultiValuedUpdate", "ByteQuantifiedSize", "IExchangeParameterValue"];

    private static readonly Regex CmdletNamePattern = new("^[A-Z][a-z]+-[A-Za-z][A-Za-z0-9]*$", RegexOptions.CultureInvariant);
    private static readonly Regex IdentifierPattern = new("^[A-Z][A-Za-z0-9]*$", RegexOptions.CultureInvariant);
    private static readonly Regex SetNamePattern = new("^[A-Za-z][A-Za-z0-9_]*$", RegexOptions.CultureInvariant);

    public static ManifestReadResult Read(string filePath, SourceText text, CancellationToken cancellationToken)
    {
        var sink = new DiagnosticSink(filePath, text);
        var model = ReadModel(text, sink, cancellationToken);
        return new ManifestReadResult(
            filePath,
            sink.HasErrors ? null : model,
            new EquatableArray<ManifestDiagnostic>(sink.Diagnostics));
    }

    private static ManifestModel? ReadModel(SourceText text, DiagnosticSink sink, CancellationToken cancellationToken)
    {
        JsonNode root;
        try
        {
            root = JsonParser.Parse(text.ToString());
        }
        catch (JsonSyntaxException exception)
        {
            var length = exception.Position < text.Length ? 1 : 0;
            sink.Report(ManifestDiagnosticIds.InvalidJson, $"The manifest is not valid JSON: {exception.Message}.", new TextSpan(exception.Position, length));
            return null;
        }

        if (root is not JsonObject rootObject)
        {
            sink.Report(
                ManifestDiagnosticIds.WrongValueKind,
                $"The manifest must be an object with \"cmdlets\" and \"types\", not {root.Description}.",
                root.Span);
            return null;
        }

        var manifest = new ManifestObject(rootObject, "the manifest", ManifestKeys, sink);
        manifest.String("description");
        var types = ReadTypes(manifest.Array("types"), sink, cancellationToken);
        var typeNames = types.Select(type => type.Name).ToArray();
        var cmdlets = ReadCmdlets(manifest.Array("cmdlets", required: true), typeNames, sink, cancellationToken);
        return new ManifestModel(new EquatableArray<CmdletModel>(cmdlets), new EquatableArray<ResultTypeModel>(types));
    }

    private static List<ResultTypeModel> ReadTypes(JsonArray? array, DiagnosticSink sink, CancellationToken cancellationToken)
    {
        var types = new List<ResultTypeModel>();
        if (array is null)
        {
            return types;
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var index = 0; index < array.Items.Count; index++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (AsObject(array.Items[index], $"type #{Ordinal(index)}", sink) is not { } node)
            {
                continue;
            }

            var type = new ManifestObject(node, SubjectFor(node, $"type #{Ordinal(index)}", prefix: "type "), TypeKeys, sink);
            var name = type.String("name", required: true);
            var summary = type.String("summary")?.Value;
            var propertiesNode = type.Object("properties", required: true);
            if (name is null || !CheckIdentifier(name, "A result type name", sink))
            {
                continue;
            }

            if (ReservedTypeNames.Contains(name.Value))
            {
                sink.Report(ManifestDiagnosticIds.ReservedName, $"Type name '{name.Value}' is taken by the cmdlet API itself; choose another.", name.Span);
                continue;
            }

            if (!seen.Add(name.Value))
            {
                sink.Report(ManifestDiagnosticIds.DuplicateName, $"Type '{name.Value}' is declared twice; keep one.", name.Span);
                continue;
            }

            var properties = propertiesNode is null ? [] : ReadProperties(propertiesNode, name.Value, sink);
            types.Add(new ResultTypeModel(name.Value, summary, new EquatableArray<PropertyModel>(properties)));
        }

        return types;
    }

    private static List<PropertyModel> ReadProperties(JsonObject node, string typeName, DiagnosticSink sink)
    {
        var properties = new List<PropertyModel>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var property in node.Properties)
        {
            var subject = $"property '{property.Name}' of type {typeName}";
            if (!IdentifierPattern.IsMatch(property.Name))
            {
                sink.Report(
                    ManifestDiagnosticIds.InvalidName,
                    $"Property name '{property.Name}' of type {typeName} is not a valid name: use letters and digits, starting with a capital letter.",
                    property.NameSpan);
                continue;
            }

            if (ReservedPropertyNames.Contains(property.Name) || property.Name == typeName)
            {
                sink.Report(
                    ManifestDiagnosticIds.ReservedName,
                    $"Property name '{property.Name}' cannot be generated on type {typeName} (it is a member every result has, or the type's own name); read it by name instead.",
                    property.NameSpan);
                continue;
            }

            if (!seen.Add(property.Name))
            {
                sink.Report(ManifestDiagnosticIds.DuplicateName, $"Type {typeName} lists property '{property.Name}' twice (names ignore case); keep one.", property.NameSpan);
                continue;
            }

            if (property.Value is not JsonString keyword)
            {
                sink.Report(
                    ManifestDiagnosticIds.WrongValueKind,
                    $"The type of {subject} must be a string such as \"string\", not {property.Value.Description}.",
                    property.Value.Span);
                continue;
            }

            if (!TypeKeywords.TryGetPropertyKind(keyword.Value, out var kind))
            {
                sink.Report(
                    ManifestDiagnosticIds.UnknownTypeKeyword,
                    $"{Capitalize(subject)} has unknown type \"{keyword.Value}\".{SuggestionHint(keyword.Value, TypeKeywords.Properties.Select(pair => pair.Key))} Property types are: {TypeKeywords.PropertyKeywordList}.",
                    keyword.Span);
                continue;
            }

            properties.Add(new PropertyModel(property.Name, kind));
        }

        return properties;
    }

    private static List<CmdletModel> ReadCmdlets(JsonArray? array, IReadOnlyList<string> typeNames, DiagnosticSink sink, CancellationToken cancellationToken)
    {
        var cmdlets = new List<CmdletModel>();
        if (array is null)
        {
            return cmdlets;
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var index = 0; index < array.Items.Count; index++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (AsObject(array.Items[index], $"cmdlet #{Ordinal(index)}", sink) is not { } node)
            {
                continue;
            }

            var cmdlet = new ManifestObject(node, SubjectFor(node, $"cmdlet #{Ordinal(index)}"), CmdletKeys, sink);
            var name = cmdlet.String("name", required: true);
            if (name is null)
            {
                continue;
            }

            if (!CmdletNamePattern.IsMatch(name.Value))
            {
                sink.Report(
                    ManifestDiagnosticIds.InvalidName,
                    $"Cmdlet name '{name.Value}' is not Verb-Noun as Exchange names cmdlets (for example Get-Mailbox).",
                    name.Span);
                continue;
            }

            if (!seen.Add(name.Value))
            {
                sink.Report(ManifestDiagnosticIds.DuplicateName, $"Cmdlet {name.Value} is listed twice; keep one.", name.Span);
                continue;
            }

            if (ReadCmdlet(cmdlet, name.Value, typeNames, sink) is { } model)
            {
                cmdlets.Add(model);
            }
        }

        return cmdlets;
    }

    private static CmdletModel? ReadCmdlet(ManifestObject cmdlet, string name, IReadOnlyList<string> typeNames, DiagnosticSink sink)
    {
        var summary = cmdlet.String("summary")?.Value;
        var docs = cmdlet.String("docs")?.Value;
        var output = cmdlet.String("output");
        var defaultSet = cmdlet.String("defaultParameterSet");
        var parametersNode = cmdlet.Array("parameters");

        if (output is not null && !typeNames.Contains(output.Value))
        {
            sink.Report(
                ManifestDiagnosticIds.UnknownReference,
                $"Output type '{output.Value}' of {name} is not declared under \"types\".{SuggestionHint(output.Value, typeNames)}",
                output.Span);
        }

        var parameters = parametersNode is null ? [] : ReadParameters(parametersNode, name, sink);
        var sets = parameters.SelectMany(parameter => parameter.Model.Sets).Distinct(StringComparer.Ordinal).ToList();
        CheckMandatorySets(parameters, sets, name, sink);
        CheckDefaultSet(defaultSet, sets, name, cmdlet, sink);
        CheckPositionsAndPipeline(parameters, sets, name, sink);

        return new CmdletModel(
            name,
            summary,
            docs,
            output?.Value,
            sets.Count > 1 ? defaultSet?.Value : null,
            new EquatableArray<string>(sets),
            new EquatableArray<ParameterModel>(parameters.Select(parameter => parameter.Model)));
    }

    private static List<ReadParameter> ReadParameters(JsonArray array, string cmdletName, DiagnosticSink sink)
    {
        var parameters = new List<ReadParameter>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var index = 0; index < array.Items.Count; index++)
        {
            var subjectByIndex = $"parameter #{Ordinal(index)} of {cmdletName}";
            if (AsObject(array.Items[index], subjectByIndex, sink) is not { } node)
            {
                continue;
            }

            var parameter = new ManifestObject(node, SubjectFor(node, subjectByIndex, prefix: "parameter '", suffix: $"' of {cmdletName}"), ParameterKeys, sink);
            var name = parameter.String("name", required: true);
            var typeKeyword = parameter.String("type", required: true);
            if (name is null)
            {
                continue;
            }

            var subject = $"parameter '{name.Value}' of {cmdletName}";
            if (!IdentifierPattern.IsMatch(name.Value))
            {
                sink.Report(
                    ManifestDiagnosticIds.InvalidName,
                    $"Parameter name '{name.Value}' of {cmdletName} is not valid: use letters and digits, starting with a capital letter, as Exchange does.",
                    name.Span);
                continue;
            }

            if (ReservedParameterNames.Contains(name.Value, StringComparer.OrdinalIgnoreCase))
            {
                sink.Report(
                    ManifestDiagnosticIds.ReservedName,
                    $"Parameter name '{name.Value}' of {cmdletName} clashes with the typed method's own '{char.ToLowerInvariant(name.Value[0])}{name.Value.Substring(1)}' parameter.",
                    name.Span);
                continue;
            }

            if (!seen.Add(name.Value))
            {
                sink.Report(ManifestDiagnosticIds.DuplicateName, $"{cmdletName} lists parameter '{name.Value}' twice (names ignore case); keep one.", name.Span);
                continue;
            }

            ParameterKind kind = default;
            if (typeKeyword is not null && !TypeKeywords.TryGetParameterKind(typeKeyword.Value, out kind))
            {
                sink.Report(
                    ManifestDiagnosticIds.UnknownTypeKeyword,
                    $"{Capitalize(subject)} has unknown type \"{typeKeyword.Value}\".{SuggestionHint(typeKeyword.Value, TypeKeywords.Parameters.Select(pair => pair.Key))} Parameter types are: {TypeKeywords.ParameterKeywordList}.",
                    typeKeyword.Span);
            }

            var sets = ReadSetNames(parameter.Array("sets"), subject, sink);
            var (isMandatory, mandatorySets) = ReadMandatory(parameter, subject, sink);
            var position = ReadPosition(parameter.Number("position"), subject, sink);
            var fromPipeline = parameter.Boolean("pipeline")?.Value ?? false;
            var summary = parameter.String("summary")?.Value;

            parameters.Add(new ReadParameter(
                new ParameterModel(name.Value, kind, summary, position?.Value, fromPipeline, new EquatableArray<string>(sets), isMandatory, new EquatableArray<string>(mandatorySets.Select(set => set.Value))),
                node.Span,
                mandatorySets,
                position?.Span));
        }

        return parameters;
    }

    private static List<string> ReadSetNames(JsonArray? array, string subject, DiagnosticSink sink)
    {
        var names = new List<string>();
        if (array is null)
        {
            return names;
        }

        foreach (var setName in ReadSetNameNodes(array, "sets", subject, sink))
        {
            if (names.Contains(setName.Value))
            {
                sink.Report(ManifestDiagnosticIds.DuplicateName, $"{Capitalize(subject)} names set '{setName.Value}' twice.", setName.Span);
                continue;
            }

            names.Add(setName.Value);
        }

        if (array.Items.Count == 0)
        {
            sink.Report(
                ManifestDiagnosticIds.WrongValueKind,
                $"\"sets\" of {subject} is empty; leave it out for a parameter that is in every set.",
                array.Span);
        }

        return names;
    }

    private static (bool IsMandatory, List<JsonString> Sets) ReadMandatory(ManifestObject parameter, string subject, DiagnosticSink sink)
    {
        switch (parameter.Node("mandatory", required: false))
        {
            case null:
                return (false, []);
            case JsonBoolean flag:
                return (flag.Value, []);
            case JsonArray array:
                return (false, ReadSetNameNodes(array, "mandatory", subject, sink));
            case var other:
                parameter.ReportWrongKind<JsonNode>("mandatory", other, "true, false, or an array of the parameter sets in which it is mandatory");
                return (false, []);
        }
    }

    private static List<JsonString> ReadSetNameNodes(JsonArray array, string key, string subject, DiagnosticSink sink)
    {
        var names = new List<JsonString>();
        foreach (var item in array.Items)
        {
            if (item is not JsonString setName)
            {
                sink.Report(ManifestDiagnosticIds.WrongValueKind, $"\"{key}\" of {subject} must list set names as strings, not {item.Description}.", item.Span);
            }
            else if (!SetNamePattern.IsMatch(setName.Value))
            {
                sink.Report(ManifestDiagnosticIds.InvalidName, $"'{setName.Value}' in \"{key}\" of {subject} is not a valid parameter set name: use letters, digits and '_'.", setName.Span);
            }
            else
            {
                names.Add(setName);
            }
        }

        return names;
    }

    private static (int Value, TextSpan Span)? ReadPosition(JsonNumber? number, string subject, DiagnosticSink sink)
    {
        if (number is null)
        {
            return null;
        }

        if (!number.TryGetInt32(out var position) || position < 0)
        {
            sink.Report(ManifestDiagnosticIds.WrongValueKind, $"\"position\" of {subject} must be a whole number from 0, not {number.Text}.", number.Span);
            return null;
        }

        return (position, number.Span);
    }

    private static void CheckMandatorySets(List<ReadParameter> parameters, List<string> cmdletSets, string cmdletName, DiagnosticSink sink)
    {
        foreach (var parameter in parameters)
        {
            var allowed = parameter.Model.Sets.Count > 0 ? parameter.Model.Sets.ToList() : cmdletSets;
            foreach (var setName in parameter.MandatorySetNodes.Where(set => !allowed.Contains(set.Value)))
            {
                var where = allowed.Count == 0 ? $"{cmdletName} has no named parameter sets" : $"its sets are {string.Join(", ", allowed)}";
                sink.Report(
                    ManifestDiagnosticIds.UnknownReference,
                    $"Parameter '{parameter.Model.Name}' of {cmdletName} is mandatory in set '{setName.Value}', which it is not in ({where}).",
                    setName.Span);
            }
        }
    }

    private static void CheckDefaultSet(JsonString? defaultSet, List<string> sets, string cmdletName, ManifestObject cmdlet, DiagnosticSink sink)
    {
        if (defaultSet is null)
        {
            if (sets.Count > 1)
            {
                sink.Report(
                    ManifestDiagnosticIds.ParameterSetConflict,
                    $"{cmdletName} has parameter sets {string.Join(", ", sets)}: name the one PowerShell picks when a call fits several with \"defaultParameterSet\".",
                    cmdlet.StartSpan);
            }

            return;
        }

        if (!sets.Contains(defaultSet.Value))
        {
            var known = sets.Count == 0 ? "it has no named parameter sets" : $"its sets are {string.Join(", ", sets)}";
            sink.Report(
                ManifestDiagnosticIds.UnknownReference,
                $"Default parameter set '{defaultSet.Value}' of {cmdletName} is not a set of its parameters ({known}).{SuggestionHint(defaultSet.Value, sets)}",
                defaultSet.Span);
        }
    }

    /// <summary>
    /// PowerShell refuses to bind a set in which two parameters share a position, and cannot choose between two
    /// parameters that both take the piped object itself: both are manifest errors, not run-time surprises.
    /// </summary>
    private static void CheckPositionsAndPipeline(List<ReadParameter> parameters, List<string> sets, string cmdletName, DiagnosticSink sink)
    {
        var reported = new HashSet<ReadParameter>();
        foreach (var set in sets.Count == 0 ? [null] : sets.Cast<string?>())
        {
            var members = parameters.Where(parameter => set is null || parameter.Model.BelongsTo(set)).ToList();
            var where = set is null ? cmdletName : $"set '{set}' of {cmdletName}";
            foreach (var group in members.Where(parameter => parameter.Model.Position is not null).GroupBy(parameter => parameter.Model.Position))
            {
                foreach (var clash in group.Skip(1).Where(reported.Add))
                {
                    sink.Report(
                        ManifestDiagnosticIds.ParameterSetConflict,
                        $"Parameters '{group.First().Model.Name}' and '{clash.Model.Name}' both take position {group.Key?.ToString(CultureInfo.InvariantCulture)} in {where}.",
                        clash.PositionSpan ?? clash.Span);
                }
            }

            foreach (var clash in members.Where(parameter => parameter.Model.FromPipeline).Skip(1).Where(reported.Add))
            {
                var first = members.First(parameter => parameter.Model.FromPipeline);
                sink.Report(
                    ManifestDiagnosticIds.ParameterSetConflict,
                    $"Parameters '{first.Model.Name}' and '{clash.Model.Name}' both take pipeline input in {where}; PowerShell could not tell which one a piped object is for.",
                    clash.Span);
            }
        }
    }

    private static bool CheckIdentifier(JsonString name, string what, DiagnosticSink sink)
    {
        if (IdentifierPattern.IsMatch(name.Value))
        {
            return true;
        }

        sink.Report(
            ManifestDiagnosticIds.InvalidName,
            $"{what} '{name.Value}' is not valid: use letters and digits, starting with a capital letter.",
            name.Span);
        return false;
    }

    private static JsonObject? AsObject(JsonNode node, string subject, DiagnosticSink sink)
    {
        if (node is JsonObject value)
        {
            return value;
        }

        sink.Report(ManifestDiagnosticIds.WrongValueKind, $"{Capitalize(subject)} must be an object, not {node.Description}.", node.Span);
        return null;
    }

    /// <summary>" Did you mean 'Mailbox'?" when a known name is close to the misspelled one; empty otherwise.</summary>
    private static string SuggestionHint(string misspelled, IEnumerable<string> known) =>
        EditDistance.ClosestMatch(misspelled, known) is { } suggestion ? $" Did you mean '{suggestion}'?" : string.Empty;

    /// <summary>How messages name an object: by its "name" when it has a usable one, by its index otherwise.</summary>
    private static string SubjectFor(JsonObject node, string byIndex, string prefix = "", string suffix = "") =>
        node.Properties.FirstOrDefault(property => property.Name == "name")?.Value is JsonString { Value.Length: > 0 } name
            ? prefix + name.Value + suffix
            : byIndex;

    private static string Ordinal(int index) => (index + 1).ToString(CultureInfo.InvariantCulture);

    private static string Capitalize(string text) => char.ToUpperInvariant(text[0]) + text.Substring(1);

    /// <summary>A parameter with the spans its checks report at.</summary>
    private sealed record ReadParameter(ParameterModel Model, TextSpan Span, List<JsonString> MandatorySetNodes, TextSpan? PositionSpan);
}
