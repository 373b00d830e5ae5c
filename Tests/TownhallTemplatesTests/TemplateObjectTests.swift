import Testing
@testable import TownhallTemplates

/// `TemplateObject` behaves as the dictionary it replaced: set, replace, remove, look up by
/// a precomputed hash, and compare regardless of order.
@Suite struct TemplateObjectTests {
    @Test func setsReplacesAndRemoves() {
        var o: TemplateObject = ["a": 1, "b": "two"]
        o["c"] = true
        o["a"] = 10
        #expect(o.map(\.key) == ["a", "b", "c"], "keys stay in the order first set")
        #expect(o["a"] == 10 && o["b"] == "two" && o["c"] == true)
        o["b"] = nil
        #expect(o.map(\.key) == ["a", "c"] && o["b"] == nil)
        o["missing"] = nil
        #expect(o.map(\.key) == ["a", "c"])
    }

    @Test func literalKeepsTheLastOfARepeatedKey() {
        let o: TemplateObject = ["k": 1, "j": 0, "k": 2]
        #expect(o.map(\.key) == ["k", "j"] && o["k"] == 2)
    }

    /// Past `indexedFrom` pairs, the object is made with a dictionary: the same result.
    @Test func manyPairsMakeTheSameObject() {
        let count = TemplateObject.indexedFrom * 4
        let pairs = (0..<count).map { ("k\($0 % (count / 2))", TemplateData.int($0)) }
        let made = TemplateObject(pairs: pairs)
        var oneByOne = TemplateObject()
        for (key, value) in pairs { oneByOne[key] = value }
        #expect(made.map(\.key) == oneByOne.map(\.key) && made == oneByOne)
        #expect(made["k0"] == .int(count / 2) && made.map(\.key).count == count / 2)
    }

    /// `init(moving:)` takes a literal's pairs without copying them; an array held elsewhere
    /// is copied first and keeps its pairs.
    @Test func movingLeavesAnArrayHeldElsewhereAsItWas() {
        let pairs: [(String, TemplateData)] = [("a", "x"), ("b", ["c": 1]), ("a", "y")]
        let moved = TemplateObject(moving: pairs)
        #expect(moved.map(\.key) == ["a", "b"] && moved["a"] == "y" && moved["b"] == ["c": 1])
        #expect(pairs.map(\.0) == ["a", "b", "a"] && pairs[0].1 == "x" && pairs[1].1 == ["c": 1])
        let data: TemplateData = ["k": 1, "j": 0, "k": 2]
        #expect(data["k"] == 2 && data["j"] == 0)
    }

    /// Names of every length up to forty bytes (the hash reads short ones in two loads that
    /// may overlap) are each found, and names differing in one byte at either end are told apart.
    @Test func namesOfEveryLengthAreFound() {
        let letters = Array("abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGH")
        var names: [String] = []
        for length in 0...40 {
            let name = String(letters[0..<length])
            names.append(name)
            if length > 0 {
                names.append("Z" + name.dropFirst())
                names.append(name.dropLast() + "Z")
            }
        }
        names.append("é")
        let unique = Array(Set(names)).sorted()
        var o = TemplateObject()
        for (i, name) in unique.enumerated() { o[name] = .int(i) }
        for (i, name) in unique.enumerated() {
            #expect(o[name] == .int(i), "\(name)")
            #expect(o[name, TemplateObject.hash(name)] == .int(i))
        }
        #expect(o.map(\.key).count == unique.count)
    }

    @Test func looksUpByAPrecomputedHash() {
        let o = TemplateObject(["title": "T", "titles": "Ts", "": "empty", "tïtle": "accent"])
        for key in ["title", "titles", "", "tïtle"] {
            #expect(o[key, TemplateObject.hash(key)] == o[key])
            #expect(o[key] != nil)
        }
        #expect(o["titl"] == nil && o["title", TemplateObject.hash("titles")] == nil, "a hash only narrows the search")
    }

    @Test func comparesRegardlessOfOrder() {
        let a: TemplateObject = ["x": 1, "y": ["z": "deep"]]
        let b: TemplateObject = ["y": ["z": "deep"], "x": 1]
        #expect(a == b)
        #expect(a != ["x": 1, "y": ["z": "other"]])
        #expect(a != ["x": 1])
        #expect(a != ["x": 1, "w": ["z": "deep"]])
    }

    @Test func fromADictionaryInSortedOrder() {
        let o = TemplateObject(["b": 2, "a": 1, "c": 3])
        #expect(o.map(\.key) == ["a", "b", "c"])
        #expect(o == ["c": 3, "a": 1, "b": 2])
    }

    @Test func templatesFindNestedNames() {
        let data: TemplateData = ["page": ["title": "Hello & bye", "meta": ["words": 12]]]
        #expect(Template.parsed("{{page.title}} {{page.meta.words}} {{#page}}{{title}}{{/page}}").render(data)
            == "Hello &amp; bye 12 Hello &amp; bye")
    }
}

private extension Template {
    static func parsed(_ text: String) -> Template { try! Template(text) }
}

/// A `.utf8` value (a page's rendered body) renders as the string of its bytes would.
@Suite struct TemplateBytesTests {
    @Test func bytesRenderAsTheirString() throws {
        let html = "<p>Café & “tea”</p>\n"
        let template = try Template("{{{body}}}|{{body}}|{{#body}}[{{{.}}}]{{/body}}|{{^body}}none{{/body}}")
        let asBytes = template.render(["body": .utf8(Array(html.utf8))])
        #expect(asBytes == template.render(["body": .string(html)]))
        #expect(asBytes.hasPrefix(html + "|&lt;p&gt;Café &amp; “tea”&lt;/p&gt;\n|[" + html + "]|"))
        #expect(TemplateData.utf8(Array(html.utf8)).interpolated == html)
        let library = try TemplateLibrary.of(["page": "<main>{{{page.content}}}</main>"])
        var slots: [TemplateSlot] = []
        let bytes = try #require(library.renderBytes(["page": ["content": .slot("content", .utf8(Array(html.utf8)))]], withTemplate: "page", slots: &slots))
        #expect(bytes == Array("<main>\(html)</main>".utf8))
        #expect(slots == [TemplateSlot(name: "content", offset: 6, length: html.utf8.count, escaped: false)])
    }
}
