import Testing
@testable import TownhallTemplates

/// A render records where each slot value went, so that replacing those bytes gives what
/// rendering with the new values gives: checked over plain, escaped, indented, partial,
/// inherited and section uses.
@Suite struct TemplateSlotTests {
    /// Renders with `old` recorded, replaces each slot's bytes with `new`'s value, and
    /// compares with a render of `new`.
    func expectSplice(_ templates: [String: String], old: [String: TemplateData], new: [String: TemplateData], slots expected: Int) throws {
        let lib = try TemplateLibrary.of(templates)
        func data(_ values: [String: TemplateData], slot: Bool) -> TemplateData {
            var page: TemplateObject = ["title": "T & co"]
            for (k, v) in values { page[k] = slot ? .slot(k, v) : v }
            return ["page": .object(page), "items": ["a", "b"]]
        }
        var slots: [TemplateSlot] = []
        let recorded = try #require(lib.render(data(old, slot: true), withTemplate: "main", slots: &slots))
        #expect(recorded == lib.render(data(old, slot: false), withTemplate: "main"), "slots render as their values")
        #expect(slots.count == expected)
        var bytes = Array(recorded.utf8)
        for slot in slots.reversed() {
            bytes.replaceSubrange(slot.offset..<slot.offset + slot.length, with: Array(TemplateSlot.text(new[slot.name]!, escaped: slot.escaped).utf8))
        }
        #expect(String(decoding: bytes, as: UTF8.self) == lib.render(data(new, slot: false), withTemplate: "main"))
    }

    @Test func plainAndEscaped() throws {
        try expectSplice(
            ["main": "<h1>{{page.title}}</h1>\n{{{page.content}}}\n<p>{{page.minutes}} min · {{page.content}}</p>\n"],
            old: ["content": "<p>a</p>", "minutes": 1], new: ["content": "<p>b & “c”</p>\n<p>d</p>", "minutes": 12], slots: 3)
    }

    @Test func insideIndentedPartialsAndParents() throws {
        try expectSplice(
            [
                "main": "{{<base}}\n{{$body}}\n  <main>\n    {{>content}}\n  </main>\n{{/body}}\n{{/base}}\n",
                "base": "<html>\n  {{$body}}default{{/body}}\n</html>\n",
                "content": "{{#items}}\n<i>{{.}}</i>\n{{/items}}\n{{{page.content}}}\n<p>{{page.minutes}}</p>\n",
            ],
            old: ["content": "<p>one</p>\n<p>two</p>", "minutes": 3], new: ["content": "<p>three</p>", "minutes": 4], slots: 2)
    }

    @Test func asASectionAndInsideOne() throws {
        try expectSplice(
            ["main": "{{#page.content}}[{{.}}]{{/page.content}}{{^page.content}}none{{/page.content}}{{#page}}{{minutes}}{{/page}}"],
            old: ["content": "x", "minutes": 1], new: ["content": "y<z>", "minutes": 2], slots: 2)
    }

    /// Inside an indented partial, what follows a value is indented when the value ends a
    /// line: a value that starts or stops ending one cannot be spliced in, and
    /// `sameLayout` says so.
    @Test func aValueThatEndsALineChangesWhatFollows() throws {
        let lib = try TemplateLibrary.of(["main": "<div>\n  {{>body}}\n</div>\n", "body": "{{{page.content}}}{{page.title}}\n"])
        func render(_ content: String, slots: inout [TemplateSlot]) -> String {
            lib.render(["page": ["content": .slot("content", .string(content)), "title": "T"]], withTemplate: "main", slots: &slots) ?? ""
        }
        var slots: [TemplateSlot] = []
        let old = render("<p>a</p>", slots: &slots)
        var ignored: [TemplateSlot] = []
        let new = render("<p>b</p>\n", slots: &ignored)
        #expect(old == "<div>\n  <p>a</p>T\n</div>\n")
        #expect(new == "<div>\n  <p>b</p>\n  T\n</div>\n", "the title is indented once the content ends a line")
        let slot = try #require(slots.first)
        let oldBytes = Array(old.utf8)[slot.offset..<slot.offset + slot.length]
        #expect(!TemplateSlot.sameLayout("<p>b</p>\n", oldBytes))
        #expect(TemplateSlot.sameLayout("<p>longer</p>", oldBytes))
        #expect(!TemplateSlot.sameLayout("", oldBytes))
    }

    @Test func aRenderWithoutRecordingIgnoresSlots() throws {
        let lib = try TemplateLibrary.of(["main": "{{page.content}}"])
        #expect(lib.render(["page": ["content": .slot("content", "a<b")]], withTemplate: "main") == "a&lt;b")
    }
}
