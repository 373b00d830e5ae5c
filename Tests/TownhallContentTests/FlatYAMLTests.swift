import Foundation
import Testing
import TownhallDiagnostics
@testable import TownhallContent

/// Front matter read by `FlatYAML` comes out exactly as Yams would read it: the same values,
/// the same key locations and the same diagnostics; what it does not read goes to Yams.
@Suite struct FlatYAMLTests {
    /// Both ways of reading `yaml`, and whether the flat reader took it.
    static func both(_ yaml: String) -> (flat: FrontMatter, flatDiagnostics: [Diagnostic], yams: FrontMatter, yamsDiagnostics: [Diagnostic]) {
        var a: [Diagnostic] = [], b: [Diagnostic] = []
        let flat = FrontMatterParser.parse(yaml, file: "p.md", diagnostics: &a, flat: true)
        let yams = FrontMatterParser.parse(yaml, file: "p.md", diagnostics: &b, flat: false)
        return (flat, a, yams, b)
    }

    static func expectSame(_ yaml: String, read: Bool?, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let r = both(yaml)
        #expect(r.flat == r.yams, "values and key locations for \(yaml.debugDescription)", sourceLocation: sourceLocation)
        #expect(r.flatDiagnostics == r.yamsDiagnostics, "diagnostics for \(yaml.debugDescription)", sourceLocation: sourceLocation)
        if let read {
            #expect((FlatYAML.entries(yaml) != nil) == read, "flat reader takes \(yaml.debugDescription): \(read)", sourceLocation: sourceLocation)
        }
    }

    static let taken = [
        "", "\n", "# a comment\n\n",
        "title: Funding online partnerships\nweight: 4\ndate: 2024-01-26\ntags: [onboarding, safety]\n",
        "title: Hello\n", "title: Hello   \n", "title:    spaced out\n", "title: Hello", "weight: -12\n", "weight: 017\n",
        "description: \"How a member confirms: the risk & the 'plan'.\"\n", "description: 'single \"quoted\"'\n",
        "title: \"\"\n", "title: ''\n", "title: \" padded \"\n",
        "tags:\n  - metrics\n  - growth\n", "tags:\n- a\n- b\nweight: 2\n", "tags:\n    -   spaced\n    - b\n",
        "tags: []\n", "tags: [ a , b ]\n", "tags: [\"a b\", 'c']\n", "tags: single\n",
        "draft: true\n", "draft: no\n", "toc: yes\n", "numbered: off\n", "draft: maybe\n", "weight: ten\n",
        "draft: \"true\"\n", "draft: 'no'\n", "toc: \"yes\"\n", "numbered: 'off'\n", "weight: \"12\"\n", "flag: \"true\"\nn: '3'\n",
        "time: 10:30\nurl: https://example.org/a?b=c\n", "lang: C# and F#\n", "note: it's fine\n",
        "cost: 1.5\nratio: .5\nbig: 1e3\nnan: .nan\ninf: .inf\nnull: ~\nhex: 0x1F\n",
        "slug: my-page\nlayout: events\n", "slug: a/b\n", "date: 2026-02-30\n", "date: yesterday\n",
        "link: javascript:alert(1)\n", "title: [a, b]\n", "title: Ünïcödé ✓ title\nmore: 日本語\n",
        "tags:\n  - a\n\n  - b\n", "tags:\n  - a\n# between\n  - b\n", "x_y-z: 1\n_private: 2\n",
        "params: (in brackets)\n", "eq: =x\n", "path: /a/b\n", "plus: +1\n", "dollar: $5\n", "semi: ;x\n", "lt: <b>\n",
    ]

    static let leftToYams = [
        "title: a: b\n", "title: x #comment\n", "title: |\n  block\n", "title: >\n  folded\n",
        "title: Hello\n  continued\n", "title: Hello\n  - not an item\n", "title: \"esc\\\"aped\"\n", "title: 'it''s'\n",
        "title: \"open\n", "title: \"a\" b\n", "title: 'a' # c\n", "title:\n", "title:\nweight: 1\n",
        "a: 1\na: 2\n", "title: &anchor x\n", "title: *alias\n", "title: !!str 1\n", "title: %x\n", "title: @x\n", "title: `x`\n",
        "title: {a: 1}\n", "tags: [a, [b]]\n", "tags: [a, ]\n", "tags: [a, b\n", "tags: [a: b]\n", "tags: [a # c]\n",
        "tags:\n  - a\n    - b\n", "tags:\n  - a\n - b\n", "tags:\n  - a: b\n", "tags:\n  -\n", "tags:\n  - - x\n",
        "\ttitle: tab\n", "title:\ttab\n", "title: a\r\n", "  title: indented\n", "- item\n", "\"quoted\": key\n",
        "my key: x\n", "key:value\n", "---\ntitle: x\n", "...\n", "%YAML 1.1\n---\ntitle: x\n", "? complex\n: value\n",
        "title: -\n", "title: - x\n", "inf: -.inf\n", "title: ?x\n", "title: x\u{85}y\n", "title: x\u{2028}y\n", "title: \u{FEFF}x\n",
        "title: a\u{7F}\n", "title: a\u{0}b\n", "title: \u{FFFE}\n", "  # indented comment\ntitle: x\n",
        String(repeating: "k", count: 201) + ": long key\n",
    ]

    @Test(arguments: taken) func takesFlatFrontMatter(_ yaml: String) {
        Self.expectSame(yaml, read: true)
    }

    @Test(arguments: leftToYams) func leavesTheRestToYams(_ yaml: String) {
        Self.expectSame(yaml, read: false)
    }

    /// Diagnostics found in flat front matter are Yams' own, at the value's line and column.
    @Test func problemsAreReportedWhereYamsReportsThem() {
        let r = Self.both("title: Hi\nweight: heavy\ndate: 2026-13-01\nslug: a/b\n")
        #expect(r.flatDiagnostics.count == 3)
        #expect(r.flatDiagnostics.map(\.location.line) == [3, 4, 5])
        #expect(r.flatDiagnostics.allSatisfy { $0.location.column == 7 || $0.location.column == 9 })
        #expect(r.flat.keyLocations["title"] == TownhallDiagnostics.SourceLocation(file: "p.md", line: 2, column: 8))
    }

    /// Flat front matter over the limit on values is left to Yams, which reports it.
    @Test func theLimitOnValuesHoldsForFlatFrontMatter() {
        let list = "tags: [" + (0..<FrontMatterParser.maxValues).map { "t\($0)" }.joined(separator: ", ") + "]\n"
        let lines = (0..<FrontMatterParser.maxValues).map { "k\($0): v\n" }.joined()
        for yaml in [list, lines] {
            #expect(FlatYAML.entries(yaml) != nil, "flat")
            let r = Self.both(yaml)
            #expect(r.flatDiagnostics == r.yamsDiagnostics && r.flat == r.yams)
            #expect(r.flatDiagnostics.first?.message.contains("more than \(FrontMatterParser.maxValues) values") == true)
        }
        let under = "tags: [" + (0..<(FrontMatterParser.maxValues - 3)).map { "t\($0)" }.joined(separator: ", ") + "]\n"
        #expect(Self.both(under).flatDiagnostics.isEmpty)
    }

    /// Random lines built from the pieces front matter is made of, flat or not.
    @Test func randomFrontMatterReadsTheSameBothWays() {
        let keys = ["title", "weight", "tags", "draft", "date", "slug", "x", "title"]
        let values = ["Hello", "a: b", "1", "-3", "true", "[a, b]", "[]", "\"q\"", "'s'", "2026-01-02", "x #c", "é ✓",
                      "\"true\"", "'off'", "\"7\"", "[\"yes\", no]",
                      "", "  ", "[a,", "a:b", "~", "{}", "&a x", "*a", "|", "C#", "\"a\\tb\""]
        let lines = ["  - item", "- item", "    - deep", "# note", "", "  more text", "\t- tab"]
        var rng = SplitMix(seed: 7)
        var flatCount = 0
        for _ in 0..<3000 {
            var yaml = ""
            for _ in 0..<Int(rng.next() % 5) {
                if rng.next() % 4 == 0 {
                    yaml += lines[Int(rng.next() % UInt64(lines.count))] + "\n"
                } else {
                    let key = keys[Int(rng.next() % UInt64(keys.count))]
                    yaml += key + ":" + (rng.next() % 5 == 0 ? "" : " ") + values[Int(rng.next() % UInt64(values.count))] + "\n"
                }
            }
            if FlatYAML.entries(yaml) != nil { flatCount += 1 }
            Self.expectSame(yaml, read: nil)
        }
        #expect(flatCount > 300, "the flat reader took \(flatCount) of 3000")
    }

    /// Every page of the sample site reads the same both ways.
    @Test func sampleContentReadsTheSameBothWays() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Content").standardized
        let files = try #require(FileManager.default.enumerator(atPath: root.path)).compactMap { $0 as? String }.filter { $0.hasSuffix(".md") }
        var read = 0
        for file in files {
            let text = try String(contentsOf: root.appendingPathComponent(file), encoding: .utf8)
            guard case .success(let split) = FrontMatterSplitter.split(text, file: file), let yaml = split.yaml else { continue }
            Self.expectSame(yaml, read: nil)
            if FlatYAML.entries(yaml) != nil { read += 1 }
        }
        #expect(files.count > 20 && read > files.count / 2, "\(read) of \(files.count) pages read flat")
    }
}

private struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
