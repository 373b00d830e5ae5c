/// A parsed Mustache template: the spec's tags (variables, sections, inverted sections,
/// comments, partials, set delimiters) and its inheritance (`{{<parent}}`, `{{$block}}`),
/// with the whitespace rules of hummingbird-project/swift-mustache, which rendered Townhall
/// themes before: the same template gives the same bytes.
public struct Template: Sendable {
    let nodes: [Node]

    /// Parses `text`; a syntax error carries its line and column.
    public init(_ text: String) throws(TemplateSyntaxError) {
        nodes = try TemplateParser.parse(text)
    }

    /// Renders with no partials (archetypes, one-off snippets).
    public func render(_ data: TemplateData) -> String {
        TemplateLibrary().render(data, with: self)
    }
}

/// A name looked up in the context: `.`, `a.b.c`, or `.a` (only the innermost context).
struct TemplatePath: Sendable {
    let parts: [String]
    /// Each part's `TemplateObject.hash`, worked out once here rather than on every lookup.
    let hashes: [UInt64]
    let isSelf: Bool
    let anchored: Bool

    init(_ name: String) {
        isSelf = name == "."
        anchored = name.first == "." && name != "."
        parts = name.split(separator: ".").map(String.init)
        hashes = parts.map(TemplateObject.hash)
    }
}

indirect enum Node: Sendable {
    /// Literal text, as the UTF-8 bytes a render copies out.
    case text([UInt8])
    case variable(TemplatePath, escaped: Bool)
    case section(TemplatePath, [Node], inverted: Bool)
    /// `{{>name}}` (overrides nil) or `{{<name}}…{{/name}}` (overrides set). Indentation is
    /// set for a standalone tag; a `*name` names a context value holding the template name.
    case partial(name: String, dynamic: Bool, indentation: String?, overrides: [String: [Node]]?)
    /// `{{$name}}default{{/name}}` in a template: replaced by a parent's caller's override.
    case block(name: String, nodes: [Node], indentation: String)
    /// `{{$name}}…{{/name}}` directly inside `{{<parent}}`: the override itself.
    case blockDefinition(name: String, nodes: [Node])
}

/// A template that could not be parsed, and where.
public struct TemplateSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public var line: Int
    public var column: Int

    public var description: String { "\(message) (line \(line), column \(column))" }
}
