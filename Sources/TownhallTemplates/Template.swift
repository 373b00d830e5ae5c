/// A parsed Mustache template: the spec's tags (variables, sections, inverted sections,
/// comments, partials, set delimiters) and its inheritance (`{{<parent}}`, `{{$block}}`),
/// with the whitespace rules of hummingbird-project/swift-mustache, which rendered Townhall
/// themes before: the same template gives the same bytes.
public struct Template: Sendable {
    let nodes: [Node]
    /// Keeps the names the nodes look up (see `TemplatePath`).
    private let names: NameStore

    /// Parses `text`; a syntax error carries its line and column.
    public init(_ text: String) throws(TemplateSyntaxError) {
        let names = NameStore()
        nodes = try TemplateParser.parse(text, names: names)
        self.names = names
    }

    /// Renders with no partials (archetypes, one-off snippets).
    public func render(_ data: TemplateData) -> String {
        TemplateLibrary().render(data, with: self)
    }
}

/// A name looked up in the context: `.`, `a.b.c`, or `.a` (only the innermost context).
/// Its parts are reached without retaining them: every page looks up the same paths of the
/// same templates, and the reference counts of their arrays, changed by both threads at
/// once, cost about 7 % of rendering a page on two cores.
struct TemplatePath: @unchecked Sendable {
    // Unretained: the template's `NameStore` keeps it, and a template's nodes are only
    // rendered while the template is held (by its library, or by the caller of `render`).
    // Immutable, so shared safely.
    private let names: Unmanaged<PathNames>
    let isSelf: Bool
    let anchored: Bool

    /// A path whose names `store` keeps, as long as the template holding the path.
    init(_ name: String, store: NameStore) {
        let names = PathNames(name)
        store.keep(names)
        self.init(unretained: names)
    }

    /// A path whose names the caller keeps alive while it is used.
    init(unretained names: PathNames) {
        self.names = Unmanaged.passUnretained(names)
        isSelf = names.isSelf
        anchored = names.anchored
    }

    func withNames<R>(_ body: (PathNames) -> R) -> R {
        names._withUnsafeGuaranteedRef(body)
    }
}

/// The parts of a path's name and their `TemplateObject.hash`, worked out once when parsed
/// rather than on every lookup.
final class PathNames: Sendable {
    let parts: [String]
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

/// Holds the names of one template's paths for as long as the template lives.
final class NameStore: @unchecked Sendable {
    // Appended to only while the template is parsed, on one thread; never read.
    private var kept: [PathNames] = []

    func keep(_ names: PathNames) {
        kept.append(names)
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
