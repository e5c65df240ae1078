import Foundation
import Testing
@testable import GongkaiAnalysis
@testable import GongkaiBase
@testable import GongkaiKit
@testable import GongkaiModel
@testable import GongkaiSyntax

/// Front matter, org.yaml and portal.yaml are checked once, by their schemas, compiled once: the schema decides what
/// is required, and a schema that does not give Gongkai what it reads is itself the error.
@Suite struct SchemaContractTests {
    static func checked(schema: String, report: String = TestContent.report(body: "## 一\n")) throws -> [String] {
        let content = try TestContent(files: ["orgs/t/2023.md": report], schema: schema)
        return Builder(options: content.options).check().diagnostics.map { "\($0.id)@\($0.location.line):\($0.location.column) \($0.message.en)" }
    }

    @Test func aSchemaThatDoesNotRequireWhatGongkaiNeedsIsAnErrorInSchemaYAML() throws {
        let schema = TestContent.schema.replacingOccurrences(of: "  required: [org, year, title, published]\n", with: "  required: [org]\n")
        let found = try Self.checked(schema: schema)
        #expect(found == ["schema.contract@2:3 Gongkai cannot do without `year`, `title`, `published` of `front_matter`: list them under `required`"])
    }

    @Test func aFieldGongkaiReadsMustHaveTheTypeItReadsItAs() throws {
        let schema = TestContent.schema.replacingOccurrences(of: "    year: {type: integer}\n", with: "    year: {type: string}\n")
            .replacingOccurrences(of: "    status: {enum: [published, draft]}\n", with: "    status: {enum: [published, draft, pending]}\n")
        let found = try Self.checked(schema: schema)
        #expect(found.contains("schema.contract@7:11 Gongkai reads `front_matter.year` as a whole number; the schema must say so"), "\(found)")
        #expect(found.contains { $0.hasPrefix("schema.contract@9:13 Gongkai reads `front_matter.status` as one of published, draft") }, "\(found)")
    }

    @Test func aFieldTheSchemaLeavesOpenIsAnError() throws {
        let schema = TestContent.schema.replacingOccurrences(of: "  additionalProperties: false\n  properties:\n    org:",
                                                             with: "  properties:\n    org:")
        let found = try Self.checked(schema: schema)
        #expect(found.contains { $0.hasPrefix("schema.contract@2:3 `front_matter.index_no` is read by Gongkai as text: declare it") }, "\(found)")
    }

    @Test func patternsAndReferencesAreCompiledOnceAndTheirMistakesReportedAtTheSchema() throws {
        let schema = TestContent.schema.replacingOccurrences(of: "    title: {type: string}\n", with: "    title: {type: string, pattern: \"([\"}\n")
            .replacingOccurrences(of: "    org: {type: string}\n", with: "    org: {$ref: \"#/$defs/slugg\"}\n")
        // No report at all: the mistakes are in the schema, whatever the reports say.
        let content = try TestContent(files: [:], schema: schema)
        try FileManager.default.createDirectory(at: content.directory.appendingPathComponent("orgs"), withIntermediateDirectories: true)
        let found = Builder(options: content.options).check().diagnostics.map { "\($0.id)@\($0.location.line)" }
        // The reference leads nowhere, so `org` has no type either: the contract says so at the same place.
        #expect(found == ["schema.contract@6", "schema.invalid-reference@6", "schema.invalid-pattern@8"])
    }

    @Test func aDefinitionMayReferToItself() throws {
        var diagnostics: [Diagnostic] = []
        let text = """
            $defs:
              tree: {type: object, properties: {name: {type: string}, child: {$ref: "#/$defs/tree"}}}
            $ref: "#/$defs/tree"
            """
        let file = SourceFile(path: "s.yaml", text: text)
        let node = try #require(YAMLReader.read(text, in: file, firstLine: 1, into: &diagnostics))
        let schema = JSONSchemaCompiler.compile(node, at: file.start, into: &diagnostics)
        #expect(diagnostics.isEmpty)
        let valueText = "name: a\nchild:\n  name: b\n  child:\n    name: 3\n    child: x\n"
        let valueFile = SourceFile(path: "v.yaml", text: valueText)
        let value = try #require(YAMLReader.read(valueText, in: valueFile, firstLine: 1, into: &diagnostics))
        var validator = JSONSchemaValidator(schema: schema, what: "v" | "v")
        _ = validator.validate(value)
        // Two levels down, `child: x` is not a mapping.
        #expect(validator.diagnostics.map { "\($0.id)@\($0.location.line)" } == ["schema.type@6"])
    }
}
