namespace ExoJobRunner.Exchange.Generators.Tests.Support;

/// <summary>
/// A small manifest that uses every feature the generator supports: parameter sets with a default, a parameter
/// mandatory in one set only, positions, pipeline input, every parameter type, a C# keyword and a leading acronym as
/// parameter names, text that needs escaping, cmdlets with and without a result type, every property type.
/// </summary>
internal static class SampleManifest
{
    public const string Json = """
        {
          "description": "A test manifest.",
          "cmdlets": [
            {
              "name": "Get-Widget",
              "summary": "Widgets & their settings.",
              "docs": "https://example.invalid/get-widget",
              "output": "Widget",
              "defaultParameterSet": "Identity",
              "parameters": [
                {"name": "Identity", "type": "string", "position": 0, "pipeline": true, "sets": ["Identity"]},
                {"name": "Search", "type": "string", "mandatory": true, "sets": ["Search"], "summary": "Text to look for in <Name>."},
                {"name": "Tags", "type": "string[]"},
                {"name": "IncludeRetired", "type": "switch"},
                {"name": "ResultSize", "type": "ResultSize"}
              ]
            },
            {
              "name": "Set-Widget",
              "summary": "Changes a widget.",
              "parameters": [
                {"name": "Identity", "type": "string", "mandatory": true, "position": 0, "pipeline": true},
                {"name": "Labels", "type": "multivalued"},
                {"name": "Enabled", "type": "bool"},
                {"name": "Expires", "type": "datetime"},
                {"name": "Owner", "type": "guid"},
                {"name": "Size", "type": "int"},
                {"name": "Event", "type": "string"},
                {"name": "OWAEnabled", "type": "bool"}
              ]
            },
            {
              "name": "Add-WidgetPermission",
              "output": "WidgetPermission",
              "parameters": [
                {"name": "Identity", "type": "string", "mandatory": true, "position": 0, "pipeline": true},
                {"name": "Trustee", "type": "string", "mandatory": true},
                {"name": "AccessRights", "type": "string[]", "mandatory": true}
              ]
            },
            {
              "name": "Get-WidgetPermission",
              "output": "WidgetPermission",
              "defaultParameterSet": "ByTrustee",
              "parameters": [
                {"name": "Identity", "type": "string", "mandatory": true, "position": 0, "pipeline": true},
                {"name": "Trustee", "type": "string", "sets": ["ByTrustee", "ByOwner"], "mandatory": ["ByTrustee"]},
                {"name": "Owner", "type": "switch", "mandatory": true, "sets": ["ByOwner"]}
              ]
            },
            {
              "name": "Remove-Widget",
              "parameters": [
                {"name": "Identity", "type": "string", "mandatory": true, "position": 0, "pipeline": true}
              ]
            },
            {
              "name": "Get-WidgetRaw",
              "parameters": []
            }
          ],
          "types": [
            {
              "name": "Widget",
              "summary": "A widget.",
              "properties": {
                "Identity": "string",
                "Tags": "string[]",
                "Count": "int",
                "Total": "long",
                "Ratio": "double",
                "Enabled": "bool",
                "WhenCreated": "datetime",
                "Guid": "guid",
                "Size": "bytesize",
                "Details": "object"
              }
            },
            {
              "name": "WidgetPermission",
              "properties": {
                "Identity": "string",
                "Trustee": "string",
                "AccessRights": "string[]"
              }
            }
          ]
        }
        """;
}
