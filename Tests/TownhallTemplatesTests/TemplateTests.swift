import Testing
@testable import TownhallTemplates

struct RenderCase: Sendable {
    var template: String
    var data: TemplateData
    var partials: [String: String] = [:]
    /// What hummingbird-project/swift-mustache 2.x rendered for the same template and data
    /// (recorded when Townhall moved to its own renderer); nil where it refused the template.
    var expected: String?
}

/// Standalone lines, indentation, inheritance, delimiters, escaping and look-ups, each
/// checked against the bytes the previous engine gave, quirks included: a theme written for
/// it must render the same.
let renderCases: [RenderCase] = [
    RenderCase(template: "Hello {{name}}!\n", data: ["name": "<b>&\"'"], expected: "Hello &lt;b&gt;&amp;&quot;&#39;!\n"),
    RenderCase(template: "{{{name}}} {{&name}}", data: ["name": "<b>"], expected: "<b> <b>"),
    RenderCase(template: "{{a.b.c}} {{a.x}} {{#a}}{{b.c}}{{/a}}", data: ["a": ["b": ["c": "deep"]], "x": "outer"], expected: "deep  deep"),
    RenderCase(template: "{{#list}}[{{.}}]{{/list}}{{^list}}none{{/list}}", data: ["list": ["a", "b", 3, true]], expected: "[a][b][3][true]"),
    RenderCase(template: "{{#list}}x{{/list}}{{^list}}none{{/list}}", data: ["list": []], expected: "none"),
    RenderCase(template: "<ul>\n{{#items}}\n  <li>{{name}}</li>\n{{/items}}\n</ul>\n", data: ["items": [["name": "a"], ["name": "b"]]], expected: "<ul>\n  <li>a</li>\n  <li>b</li>\n</ul>\n"),
    RenderCase(template: "  {{#flag}}  \nyes\n  {{/flag}}\n  {{! comment }}\nend", data: ["flag": true], expected: "yes\nend"),
    RenderCase(template: "{{#s}}[{{.}}]{{/s}}{{#e}}e{{/e}}{{#z}}{{.}}{{/z}}{{^missing}}m{{/missing}}", data: ["s": "str", "e": "", "z": 0], expected: "[str]e0m"),
    RenderCase(template: "{{n}} {{d}} {{b}} {{f}}", data: ["n": 42, "d": .double(2.5), "b": true, "f": false], expected: "42 2.5 true false"),
    RenderCase(template: "a\r\n{{#x}}\r\nb\r\n{{/x}}\r\nc\rd {{y}}\r\n", data: ["x": true, "y": "Y"], expected: "a\r\nb\r\nc\rd Y\r\n"),
    RenderCase(template: "{{=<% %>=}}\n<% name %> {{name}}\n<%={{ }}=%>\n{{name}}", data: ["name": "N"], expected: "N {{name}}\nN"),
    RenderCase(template: "begin\n  {{>part}}\nend\n", data: ["x": "X", "items": ["1", "2"]], partials: ["part": "one {{x}}\ntwo\n{{#items}}\nitem {{.}}\n{{/items}}\nlast\n"], expected: "begin\n  one X\n  two\n  item 1\nitem 2\n  last\nend\n"),
    RenderCase(template: "  {{>part}}", data: ["x": "X"], partials: ["part": "a\nb {{x}}\nc"], expected: "  a\n  b X\n  c"),
    RenderCase(template: "{{<base}}\n{{$main}}\nmain {{x}}\n  indented\n{{/main}}\n{{/base}}\n", data: ["x": "X"],
         partials: ["base": "<html>\n  {{$main}}default{{/main}}\n  {{$other}}\n  other default\n  {{/other}}\n</html>\n"], expected: "<html>\n  main X\n    indented\n\n    other default\n</html>\n"),
    RenderCase(template: "{{<outer}}{{$a}}from top{{/a}}{{/outer}}", data: [:],
         partials: ["outer": "{{<inner}}{{$a}}from outer{{/a}}{{/inner}}", "inner": "[{{$a}}inner default{{/a}}]"], expected: "[from top]"),
    RenderCase(template: "{{#a}}{{.x}}|{{x}}{{/a}}", data: ["a": ["y": 1], "x": "top"], expected: "|top"),
    RenderCase(template: "  trailing   ", data: [:], expected: "  trailing   "),
    RenderCase(template: "{{#a}}\n{{#b}}\n  nested {{c}}\n{{/b}}\n{{/a}}\n", data: ["a": ["b": [["c": 1], ["c": 2]]]], expected: "  nested 1\n  nested 2\n"),
    RenderCase(template: "x {{#a}} y {{/a}} z\n", data: ["a": true], expected: "x  y  z\n"),
    RenderCase(template: "{{^a}}\n  none\n{{/a}}\n", data: ["a": .list([])], expected: "  none\n"),
    RenderCase(template: "| {{>p}} |\n", data: [:], partials: ["p": "a\nb"], expected: "| a\nb |\n"),
    RenderCase(template: "\t{{>p}}\n", data: ["v": "V"], partials: ["p": "{{#v}}\nline {{.}}\n{{/v}}\nafter\n"], expected: "\tline V\n\tafter\n"),
    RenderCase(template: "{{<base}}\n  {{$b}}\n    over\n      more\n  {{/b}}\n{{/base}}", data: [:], partials: ["base": "<{{$b}}def{{/b}}>\n  {{$b}}\n  {{/b}}\n"], expected: "<over\n  more\n>\n  over\n    more\n"),
    RenderCase(template: "é{{x}}ü\n", data: ["x": "—"], expected: "é—ü\n"),
    RenderCase(template: "{{x}\n", data: ["x": "1"], expected: nil),
    RenderCase(template: "{ {{x}} }} {{", data: ["x": "1"], expected: "{ 1 }} "),
    RenderCase(template: "{{>*dyn}}", data: ["dyn": "p", "v": 1], partials: ["p": "dynamic {{v}}"], expected: "dynamic 1"),
]

@Suite struct TemplateTests {
    @Test(arguments: renderCases.indices) func rendersLikeTheEngineThemesWereWrittenFor(_ i: Int) throws {
        let c = renderCases[i]
        guard let expected = c.expected else {
            #expect(throws: TemplateSyntaxError.self) { try Template(c.template) }
            return
        }
        var library = TemplateLibrary()
        library.register(try Template(c.template), named: "__t")
        for (name, text) in c.partials { library.register(try Template(text), named: name) }
        #expect(library.render(c.data, withTemplate: "__t") == expected, "case \(i): \(c.template.debugDescription)")
    }

    @Test func syntaxErrorsSayWhatAndWhere() {
        func error(_ text: String) -> TemplateSyntaxError? {
            do { _ = try Template(text); return nil } catch { return error }
        }
        let close = error("<p>\n{{#a}}\nx\n{{/b}}\n")
        #expect(close?.line == 4)
        #expect(close?.column == 4)
        #expect(close?.message.contains("expected {{/a}}") == true)
        let unclosed = error("a\n{{#items}}\n")
        #expect(unclosed?.message.contains("never closed") == true)
        #expect(error("{{ upper(name) }}")?.message.contains("functions") == true)
        #expect(error("{{<base}}{{x}}{{/base}}")?.message.contains("overrides") == true)
        #expect(error("{{=<% %>}}")?.message.contains("set-delimiter") == true)
        #expect(error("x {{name")?.line == 1)
    }

    /// A template's nodes live in memory its value holds (see `Node`): a template kept alone,
    /// its text and library long gone and other templates made and dropped since, renders as
    /// it did, partials, blocks and dynamic names included, on many threads at once.
    @Test func aTemplateKeepsItsNodesForAsLongAsItLives() async throws {
        func make() throws -> TemplateLibrary {
            var library = TemplateLibrary()
            let text = String(repeating: "x", count: 300) + "{{#a}}[{{b}}]{{/a}}{{>p}}{{>*which}}{{<base}}{{$main}}M{{.}}{{/main}}{{/base}}"
            library.register(try Template(text), named: "t")
            library.register(try Template("P{{b}}"), named: "p")
            library.register(try Template("Q"), named: "q")
            library.register(try Template("<{{$main}}default{{/main}}>"), named: "base")
            return library
        }
        let library = try make()
        for k in 0..<50 { _ = try Template(String(repeating: "y{{z}}", count: k + 1)) }
        let data: TemplateData = ["a": [["b": 1], ["b": 2]], "b": "B", "which": "q"]
        let expected = String(repeating: "x", count: 300) + "[1][2]PBQ<M>"
        let renders = (0..<8).map { _ in Task.detached { library.render(data, withTemplate: "t") } }
        for render in renders { #expect(await render.value == expected) }
    }

    @Test func missingPartialsRenderNothing() throws {
        var library = TemplateLibrary()
        library.register(try Template("a{{>nope}}b"), named: "t")
        #expect(library.render([:], withTemplate: "t") == "ab")
        #expect(library.render([:], withTemplate: "other") == nil)
    }

    @Test func dataHelpers() {
        #expect(TemplateData.text("") == .bool(false))
        #expect(TemplateData.text("x") == .string("x"))
        var object: TemplateData = ["a": 1]
        object["b"] = "two"
        #expect(object["b"] == .string("two"))
        #expect(object["a"] == .int(1))
        #expect(TemplateData.string("s")["a"] == nil)
    }
}

/// Escaping finds each special character wherever it falls in the eight-byte scan.
@Suite struct EscapeScanTests {
    @Test func everySpecialCharacterIsEscapedAtEveryPlace() {
        let escapes: [Character: String] = ["&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;"]
        for length in [1, 7, 8, 9, 16, 17, 30] {
            for place in 0..<length {
                for (special, escaped) in escapes {
                    var chars = Array(repeating: Character("a"), count: length)
                    for k in stride(from: 1, to: length, by: 3) { chars[k] = "é" }
                    chars[place] = special
                    let text = String(chars)
                    var out: [UInt8] = []
                    HTML.escape(text, into: &out)
                    #expect(String(decoding: out, as: UTF8.self) == text.map { $0 == special ? escaped : String($0) }.joined(), "\(text)")
                }
            }
            let plain = String(repeating: "a%é=\u{7F}+;", count: length)
            var out: [UInt8] = Array("kept".utf8)
            HTML.escape(plain, into: &out)
            #expect(String(decoding: out, as: UTF8.self) == "kept" + plain, "appends to what is there")
        }
    }
}
