import Testing
import TownhallDiagnostics
@testable import TownhallData

@Suite struct JSONDataReaderTests {
    func read(_ json: String) -> (DataNode?, [String]) {
        var diagnostics: [Diagnostic] = []
        let node = JSONDataReader(file: "e.json").read(json, diagnostics: &diagnostics)
        return (node, diagnostics.map(\.description))
    }

    @Test func valuesKeepTheirLineAndColumn() throws {
        let (node, messages) = read("[\n  {\"id\": \"e1\",\n   \"capacity\": 12, \"hosts\": [\"m1\", \"m2\"], \"fee\": null}\n]\n")
        #expect(messages.isEmpty)
        guard case .list(let records, let p) = try #require(node), case .map(let entries, let rp) = records[0] else {
            Issue.record("expected a list of one object"); return
        }
        #expect((p.line, p.column) == (1, 1))
        #expect((rp.line, rp.column) == (2, 3))
        #expect(entries.map(\.key) == ["id", "capacity", "hosts", "fee"])
        #expect(entries[0].value == .scalar("e1", DataPosition(line: 2, column: 10)))
        #expect(entries[1].keyPosition == DataPosition(line: 3, column: 4))
        #expect(entries[1].value == .scalar("12", DataPosition(line: 3, column: 16)))
        guard case .list(let hosts, _) = entries[2].value else { Issue.record("hosts is a list"); return }
        #expect(hosts[1] == .scalar("m2", DataPosition(line: 3, column: 36)))
        #expect(entries[3].value == .null(DataPosition(line: 3, column: 50)))
    }

    @Test func columnsCountCharactersAndLinesSkipTheByteOrderMark() {
        let (node, _) = read("\u{FEFF}[\"é\", \"x\"]")
        guard case .list(let items, _) = node else { Issue.record("expected a list"); return }
        #expect(items[1] == .scalar("x", DataPosition(line: 1, column: 7)))
    }

    @Test func escapesAreDecoded() {
        let (node, messages) = read(#"["a\"b\\c\/d\n\u00e9\ud83d\ude00"]"#)
        #expect(messages.isEmpty)
        guard case .list(let items, _) = node, case .scalar(let text, _) = items[0] else { Issue.record("expected text"); return }
        #expect(text == "a\"b\\c/d\né😀")
    }

    @Test func numbersTrueFalseAndNullAreRead() {
        let (node, _) = read("[-1.5e3, 0, true, false, null]")
        guard case .list(let items, _) = node else { Issue.record("expected a list"); return }
        #expect(items.map(\.summary) == ["\"-1.5e3\"", "\"0\"", "\"true\"", "\"false\"", "nothing"])
    }

    @Test func errorsPointAtTheProblem() {
        #expect(read("[1, 2,]").1 == ["e.json:1:7: error: invalid JSON: expected a value (text in double quotes, a number, true, false, null, [ or {)"])
        #expect(read("{\"a\": 1,\n \"a\": 2}").1 == ["e.json:2:2: error: invalid JSON: duplicate key \"a\" in an object"])
        #expect(read("[\"open").1 == ["e.json:1:2: error: invalid JSON: text is never closed; expected '\"'"])
        #expect(read("[1 2]").1 == ["e.json:1:4: error: invalid JSON: expected ',' or ']'"])
        #expect(read("{\"a\": 1} x").1 == ["e.json:1:10: error: invalid JSON: unexpected text after the JSON value"])
        #expect(read("[\"a\nb\"]").1 == ["e.json:1:4: error: invalid JSON: line break inside text; write it as \\n"])
        #expect(read("[01]").1 == ["e.json:1:3: error: invalid JSON: expected ',' or ']'"])
        #expect(read("{'a': 1}").1 == ["e.json:1:2: error: invalid JSON: expected a key in double quotes"])
    }

    @Test func deepNestingIsRefusedWithoutExhaustingTheStack() {
        let (node, messages) = read(String(repeating: "[", count: 100_000))
        #expect(node == nil)
        #expect(messages == ["e.json:1:65: error: invalid JSON: nesting deeper than 64 levels"])
    }
}
