import Testing
@testable import TownhallTemplates

/// A memo must never change what a render gives: a `.reusable` section is copied only when
/// its first rendering read nothing but its value.
@Suite struct TemplateMemoTests {
    func item(_ key: String, _ title: String) -> TemplateData {
        .reusable(key, ["title": .string(title), "url": .string("\(title)/")])
    }

    @Test func reusedSectionsRenderAsWithoutAMemo() throws {
        let lib = try TemplateLibrary.of([
            "main": "<ul>\n{{#items}}\n  <li><a href=\"{{url}}\">{{title}}</a></li>\n{{/items}}\n</ul>\n{{#whole}}[{{title}}]{{/whole}}\n",
        ])
        let memo = TemplateMemo()
        for page in 0..<3 {
            let data: TemplateData = [
                "items": [item("a", "A & B"), item("b", "C"), ["title": .string("own \(page)"), "url": "./"]],
                "whole": item("w", "Whole"),
            ]
            #expect(lib.render(data, withTemplate: "main", memo: memo) == lib.render(data, withTemplate: "main"))
        }
        #expect(memo.count == 3, "the two items and the whole section are kept once each")
    }

    /// Thousands of keys, which grow every shard's table many times over: each is found
    /// again with its own section, and keys that differ only in their body or indentation
    /// stay apart.
    @Test func manyKeysAreEachFoundAgain() throws {
        let lib = try TemplateLibrary.of([
            "main": "{{#items}}<{{title}}>{{/items}}\n  {{>part}}",
            "part": "{{#items}}({{title}}){{/items}}",
        ])
        let memo = TemplateMemo()
        let items = (0..<3000).map { item("key \($0)", "title \($0)") }
        let data: TemplateData = ["items": .list(items)]
        let plain = lib.render(data, withTemplate: "main")
        #expect(lib.render(data, withTemplate: "main", memo: memo) == plain)
        #expect(memo.count == 6000, "each key once in each of the two sections")
        // The same keys with other titles: every section now comes from the memo.
        let changed: TemplateData = ["items": .list((0..<3000).map { item("key \($0)", "other \($0)") })]
        #expect(lib.render(changed, withTemplate: "main", memo: memo) == plain)
        #expect(memo.count == 6000)
    }

    @Test func aKeptSectionIsCopiedEvenWhenTheValueIsNotRead() throws {
        // Proof that reuse happens: the same key with a different value renders the first.
        let lib = try TemplateLibrary.of(["main": "{{#items}}{{title}};{{/items}}"])
        let memo = TemplateMemo()
        _ = lib.render(["items": [item("k", "first")]], withTemplate: "main", memo: memo)
        #expect(lib.render(["items": [item("k", "second")]], withTemplate: "main", memo: memo) == "first;")
    }

    @Test(arguments: [
        "{{#items}}{{title}} of {{site}};{{/items}}",          // a name found outside the value
        "{{#items}}{{title}}{{#missing}}!{{/missing}};{{/items}}", // a name missed everywhere
        "{{#items}}{{title}}{{^missing}}?{{/missing}};{{/items}}",
        "{{#flag}}{{site}}{{/flag}}",                          // `true` pushes nothing
        "{{#flag}}{{.}}{{/flag}}",
        "{{#items}}{{>part}}{{/items}}",                       // …inside a partial
        "{{#items}}{{title}}{{page.content}}{{/items}}",       // a recorded slot
        "{{<parent}}{{$b}}x{{/b}}{{/parent}}",                 // a block filled from the caller
    ])
    func sectionsThatReadOutsideTheirValueAreNotKept(_ main: String) throws {
        let lib = try TemplateLibrary.of(["main": main, "part": "{{title}} in {{site}}", "parent": "{{#items}}{{$b}}d{{/b}}{{/items}}"])
        let memo = TemplateMemo()
        for site in ["one", "two"] {
            let data: TemplateData = [
                "items": [item("k", "T")], "flag": .reusable("f", true), "site": .string(site),
                "page": ["content": .slot("content", .string(site))],
            ]
            var slots: [TemplateSlot] = []
            let recorded = lib.render(data, withTemplate: "main", slots: &slots, memo: memo)
            #expect(recorded == lib.render(data, withTemplate: "main"), "\(main) with \(site)")
            #expect(lib.render(data, withTemplate: "main", memo: memo) == lib.render(data, withTemplate: "main"), "\(main) with \(site)")
        }
        #expect(memo.count == 0, "\(main)")
    }

    @Test func aKeyAsAListItemAndAsASectionValueIsKeptApart() throws {
        // An item is pushed as the context; a `true` section value is not, so `.` differs.
        let lib = try TemplateLibrary.of(["main": "{{#f}}<{{.}}>{{/f}}"])
        let memo = TemplateMemo()
        for data: TemplateData in [["f": [.reusable("k", true)]], ["f": .reusable("k", true)], ["f": [.reusable("k", true)]]] {
            #expect(lib.render(data, withTemplate: "main", memo: memo) == lib.render(data, withTemplate: "main"))
        }
    }

    @Test func aSectionThatReadsASlotIsNotKeptEvenWhenNothingIsRecorded() throws {
        let lib = try TemplateLibrary.of(["main": "{{#items}}<i>{{title}}</i>{{/items}}"])
        let memo = TemplateMemo()
        let data: TemplateData = ["items": [.reusable("k", ["title": .slot("title", "T")])]]
        _ = lib.render(data, withTemplate: "main", memo: memo)
        var slots: [TemplateSlot] = []
        #expect(lib.render(data, withTemplate: "main", slots: &slots, memo: memo) == "<i>T</i>")
        #expect(slots == [TemplateSlot(name: "title", offset: 3, length: 1, escaped: true)])
        #expect(memo.count == 0)
    }

    @Test func indentationIsPartOfTheKey() throws {
        let lib = try TemplateLibrary.of(["main": "<a>\n  {{>list}}\n</a>\n{{>list}}\n", "list": "{{#items}}\n<i>{{title}}</i>\n{{/items}}\n"])
        let memo = TemplateMemo()
        let data: TemplateData = ["items": [item("k", "T"), item("j", "U")]]
        #expect(lib.render(data, withTemplate: "main", memo: memo) == lib.render(data, withTemplate: "main"))
        #expect(memo.count == 4)
    }

    @Test func slotsAfterACopiedSectionLandInPlace() throws {
        let lib = try TemplateLibrary.of(["main": "{{#items}}<i>{{title}}</i>{{/items}}{{page.content}}"])
        let memo = TemplateMemo()
        for content in ["x", "yy"] {
            let data: TemplateData = ["items": [item("k", "T")], "page": ["content": .slot("content", .string(content))]]
            var slots: [TemplateSlot] = []
            let html = try #require(lib.render(data, withTemplate: "main", slots: &slots, memo: memo))
            #expect(html == "<i>T</i>\(content)")
            #expect(slots == [TemplateSlot(name: "content", offset: 8, length: content.utf8.count, escaped: true)])
        }
    }

    @Test func aReusableValueReadsLikeItsValue() throws {
        let lib = try TemplateLibrary.of(["main": "{{w.title}}|{{#w}}{{url}}{{/w}}|{{^w}}none{{/w}}|{{n}}"])
        let data: TemplateData = ["w": item("k", "T"), "n": .reusable("n", 3)]
        #expect(lib.render(data, withTemplate: "main", memo: TemplateMemo()) == "T|T/||3")
        var value = item("k", "T")
        value["extra"] = 1
        #expect(value == ["title": "T", "url": "T/", "extra": 1], "a changed value is no longer reusable")
    }
}
