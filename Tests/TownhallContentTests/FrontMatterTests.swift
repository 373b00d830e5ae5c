import Foundation
import Testing
import TownhallDiagnostics
import Yams
@testable import TownhallContent

@Suite struct FrontMatterTests {
    @Test func splitsFrontMatterAndCountsBodyOffset() throws {
        let split = try FrontMatterSplitter.split("---\ntitle: A\ntags: [x]\n---\nBody\n", file: "a.md").get()
        #expect(split.yaml == "title: A\ntags: [x]\n")
        #expect(split.body == "Body\n")
        #expect(split.bodyLineOffset == 4)
    }

    @Test func fileWithoutFrontMatterIsAllBody() throws {
        let split = try FrontMatterSplitter.split("# Title\n\nText\n", file: "a.md").get()
        #expect(split.yaml == nil)
        #expect(split.bodyLineOffset == 0)
    }

    @Test func unclosedFenceIsAnErrorAtLineOne() {
        let result = FrontMatterSplitter.split("---\ntitle: A\n\nBody\n", file: "a.md")
        guard case .failure(let d) = result else { Issue.record("expected an error"); return }
        #expect(d.description == "a.md:1:1: error: front matter opened with --- is never closed; expected a line with only ---")
    }

    @Test func tomlIsRejectedWithAClearError() {
        guard case .failure(let d) = FrontMatterSplitter.split("+++\ntitle = \"A\"\n+++\n", file: "a.md") else {
            Issue.record("expected an error"); return
        }
        #expect(d.message.contains("TOML front matter (+++) is not supported"))
    }

    @Test func knownKeysAreTypedAndUnknownKeysKept() {
        var diagnostics: [Diagnostic] = []
        let yaml = """
            title: Rules
            weight: 3
            date: 2026-09-01
            reviewed: 2026-10-02
            draft: false
            tags: [rules, safety]
            toc: true
            numbered: true
            contact: { name: Maren, email: maren@example.org }
            sponsors: [Tool Library]

            """
        let fm = FrontMatterParser.parse(yaml, file: "rules.md", diagnostics: &diagnostics)
        #expect(diagnostics.isEmpty)
        #expect(fm.title == "Rules")
        #expect(fm.weight == 3)
        #expect(fm.date == CalendarDate(year: 2026, month: 9, day: 1))
        #expect(fm.reviewed?.description == "2026-10-02")
        #expect(fm.tags == ["rules", "safety"])
        #expect(fm.toc == true && fm.numbered)
        #expect(fm.params["sponsors"] == .list([.string("Tool Library")]))
        #expect(fm.params["contact"] == .map([(key: "name", value: .string("Maren")), (key: "email", value: .string("maren@example.org"))]))
    }

    @Test func wrongTypesPointAtTheValueBelowTheFence() {
        var diagnostics: [Diagnostic] = []
        _ = FrontMatterParser.parse("title: A\nweight: heavy\n", file: "a.md", diagnostics: &diagnostics)
        #expect(diagnostics.map(\.description) == ["a.md:3:9: error: expected a whole number for `weight`, found \"heavy\""])
    }

    @Test func slugsCannotEscapeTheOutput() {
        var diagnostics: [Diagnostic] = []
        let fm = FrontMatterParser.parse("slug: ../../etc\n", file: "a.md", diagnostics: &diagnostics)
        #expect(fm.slug == nil)
        #expect(diagnostics.first?.message.contains("invalid slug") == true)
    }

    /// YAML is read with Yams' basic resolver (no regular expression per key: 4 % of a
    /// 10,000-page build); the typed reads still give YAML 1.1's values.
    @Test func scalarsKeepTheirYAMLTypes() {
        var diagnostics: [Diagnostic] = []
        let yaml = """
            draft: yes
            toc: Off
            weight: 0x1F
            flag: on
            count: 1_000
            ratio: 2.5
            quoted: "true"
            number_text: '7'
            plain: maybe
            nothing: ~

            """
        let fm = FrontMatterParser.parse(yaml, file: "a.md", diagnostics: &diagnostics)
        #expect(diagnostics.isEmpty)
        #expect(fm.draft && fm.toc == false && fm.weight == 31)
        #expect(fm.params["flag"] == .bool(true))
        #expect(fm.params["count"] == .int(1000))
        #expect(fm.params["ratio"] == .double(2.5))
        #expect(fm.params["quoted"] == .string("true"))
        #expect(fm.params["number_text"] == .string("7"))
        #expect(fm.params["plain"] == .string("maybe"))
        #expect(fm.params["nothing"] == .null)
    }

    /// Plain decimals take a short way; every form of whole number reads as Yams reads it.
    @Test func wholeNumbersReadAsYamsReadsThem() throws {
        let texts = ["0", "7", "-7", "+7", "42", "-0", "017", "0o17", "0x1F", "0b101", "1_000", "1:30", "999999999999999999",
                     "9223372036854775807", "12a", "", "-1", "1.0", "'7'", "\"7\""]
        for text in texts {
            let node = try #require(try Yams.compose(yaml: "w: \(text)\n", .basic, .default, .utf8)?.mapping?["w"])
            var diagnostics: [Diagnostic] = []
            #expect(YAMLReader(file: "a.md").int(node, key: "w", into: &diagnostics) == node.int, "\(text)")
        }
    }

    @Test func keysThatReadTheSameAreDuplicates() {
        for yaml in ["title: A\ntitle: B\n", "1: a\n\"1\": b\n"] {
            var diagnostics: [Diagnostic] = []
            _ = FrontMatterParser.parse(yaml, file: "a.md", diagnostics: &diagnostics)
            #expect(diagnostics.first?.message.contains("duplicate") == true, "\(yaml): \(diagnostics)")
        }
    }
}
