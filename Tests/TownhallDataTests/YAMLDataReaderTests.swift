import Testing
import TownhallDiagnostics
@testable import TownhallData

@Suite struct YAMLDataReaderTests {
    func read(_ yaml: String, limits: YAMLLimits = .default) -> (DataNode?, [String]) {
        var diagnostics: [Diagnostic] = []
        let node = YAMLDataReader(file: "g.yaml", limits: limits).read(yaml, diagnostics: &diagnostics)
        return (node, diagnostics.map(\.description))
    }

    @Test func recordsKeepThePositionsOfKeysAndValues() throws {
        var diagnostics: [Diagnostic] = []
        let root = try #require(YAMLDataReader(file: "g.yaml").read("- id: tea-01\n  name: \"Tea, Tuesdays\"\n  groups: [a, b]\n- id: x\n  parent: ~\n", diagnostics: &diagnostics))
        let table = try #require(RecordTableBuilder.table(from: root, file: "g.yaml", format: .yaml, diagnostics: &diagnostics))
        #expect(diagnostics.isEmpty)
        #expect(table.columns == ["id", "name", "groups", "parent"])
        #expect(table.rowCount == 2)
        #expect(table.text(table.cell(0, 1)) == "Tea, Tuesdays")
        #expect(table.location(table.cell(0, 1)).description == "g.yaml:2:9")
        #expect(table.listValues(table.cell(0, 2)).map(\.text) == ["a", "b"])
        #expect(table.location(table.listValues(table.cell(0, 2))[1].position).description == "g.yaml:3:15")
        #expect(table.cell(1, 3).kind == .absent, "~ is nothing")
        #expect(table.cell(1, 1).kind == .absent, "a missing key is nothing")
    }

    @Test func largeFilesAreRefusedBeforeParsing() {
        let (node, messages) = read(String(repeating: "- id: x\n", count: 200), limits: YAMLLimits(maxBytes: 1000))
        #expect(node == nil)
        #expect(messages == ["g.yaml: error: YAML data file is 2 KB; the limit is 1 KB"])
    }

    @Test func aliasExpansionIsLimited() {
        // The "billion laughs": each level refers to the one below ten times.
        var yaml = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...8 {
            let refs = Array(repeating: "*\(Character(Unicode.Scalar(96 + level)!))", count: 10).joined(separator: ", ")
            yaml += "\(Character(Unicode.Scalar(97 + level)!)): &\(Character(Unicode.Scalar(97 + level)!)) [\(refs)]\n"
        }
        let (node, messages) = read(yaml)
        #expect(node == nil)
        #expect(messages.count == 1)
        #expect(messages.first?.contains("error: YAML aliases expand to more than 100 lists and mappings") == true)
    }

    @Test func aFewAliasesAreFine() throws {
        let (node, messages) = read("- id: a\n  groups: &g [x, y]\n- id: b\n  groups: *g\n")
        #expect(messages.isEmpty)
        guard case .list(let items, _) = try #require(node) else { Issue.record("expected a list"); return }
        #expect(items.count == 2)
    }

    @Test func deepNestingIsLimited() {
        let yaml = String(repeating: "[", count: 40) + String(repeating: "]", count: 40)
        let (node, messages) = read(yaml)
        #expect(node == nil)
        #expect(messages == ["g.yaml:1:33: error: YAML data nests deeper than 32 levels"])
    }

    @Test func libyamlStopsAbsurdNestingBeforeItCanRecurse() {
        let yaml = String(repeating: "[", count: 5000)
        let (node, messages) = read(yaml)
        #expect(node == nil)
        #expect(messages.count == 1)
    }

    @Test func syntaxErrorsHaveAPosition() {
        let (_, messages) = read("- id: a\n  name: [unclosed\n")
        #expect(messages.count == 1)
        #expect(messages[0].hasPrefix("g.yaml:3:1: error: invalid YAML"))
    }

    @Test func theRootMustBeAListOfRecords() {
        var diagnostics: [Diagnostic] = []
        let root = YAMLDataReader(file: "g.yaml").read("id: a\nname: b\n", diagnostics: &diagnostics)!
        #expect(RecordTableBuilder.table(from: root, file: "g.yaml", format: .yaml, diagnostics: &diagnostics) == nil)
        #expect(diagnostics.map(\.description) == [
            "g.yaml:1:1: error: expected a list of records (each starting with `- id: …` in YAML, or `[{\"id\": …}]` in JSON), found a mapping",
        ])
    }

    @Test func nestedMappingsAsValuesAreErrors() {
        var diagnostics: [Diagnostic] = []
        let root = YAMLDataReader(file: "g.yaml").read("- id: a\n  name: {first: A}\n- id: b\n", diagnostics: &diagnostics)!
        let table = RecordTableBuilder.table(from: root, file: "g.yaml", format: .yaml, diagnostics: &diagnostics)
        #expect(table?.rowCount == 1, "the bad record is left out")
        #expect(diagnostics.map(\.description) == ["g.yaml:2:9: error: expected text or a list of text for `name`, found a mapping"])
    }
}
