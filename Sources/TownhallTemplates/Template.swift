/// A parsed Mustache template: the spec's tags (variables, sections, inverted sections,
/// comments, partials, set delimiters) and its inheritance (`{{<parent}}`, `{{$block}}`),
/// with the whitespace rules of hummingbird-project/swift-mustache, which rendered Townhall
/// themes before: the same template gives the same bytes.
public struct Template: Sendable {
    let nodes: NodeList
    /// Keeps the nodes and the names they look up (see `Node`, `TemplatePath`).
    private let store: TemplateStore

    /// Parses `text`; a syntax error carries its line and column.
    public init(_ text: String) throws(TemplateSyntaxError) {
        let store = TemplateStore()
        nodes = store.keep(try TemplateParser.parse(text, store: store))
        self.store = store
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
    // Unretained: the template's `TemplateStore` keeps it, and a template's nodes are only
    // rendered while the template is held (by its library, or by the caller of `render`).
    // Immutable, so shared safely.
    private let names: Unmanaged<PathNames>
    let isSelf: Bool
    let anchored: Bool

    /// A path whose names `store` keeps, as long as the template holding the path.
    init(_ name: String, store: TemplateStore) {
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

/// A template that could not be parsed, and where.
public struct TemplateSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public var line: Int
    public var column: Int

    public var description: String { "\(message) (line \(line), column \(column))" }
}
