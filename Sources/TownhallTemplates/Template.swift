/// A parsed Mustache template: the spec's tags (variables, sections, inverted sections,
/// comments, partials, set delimiters) and its inheritance (`{{<parent}}`, `{{$block}}`),
/// with the whitespace rules of hummingbird-project/swift-mustache, which rendered Townhall
/// themes before: the same template gives the same bytes.
public struct Template: Sendable {
    let nodes: NodeList
    /// Keeps the names the nodes look up (see `TemplatePath`) and the nodes themselves.
    private let names: NameStore

    /// Parses `text`; a syntax error carries its line and column.
    public init(_ text: String) throws(TemplateSyntaxError) {
        let names = NameStore()
        nodes = names.keep(try TemplateParser.parse(text, names: names))
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

/// Holds the names of one template's paths, and its nodes, for as long as the template lives.
final class NameStore: @unchecked Sendable {
    // Appended to only while the template is parsed, on one thread; never read.
    private var kept: [PathNames] = []
    private var others: [AnyObject] = []
    private var buffers: [UnsafeMutableRawPointer] = []

    func keep(_ names: PathNames) {
        kept.append(names)
    }

    /// The parsed nodes as the renderer reads them (see `Node`), kept here.
    func keep(_ parsed: [ParsedNode]) -> NodeList {
        // Inside a parent only its overrides count: the parser collected them already.
        let nodes = parsed.compactMap { node -> Node? in
            switch node {
            case .text(let bytes):
                return .text(TextBytes(keep(bytes)))
            case .variable(let path, let escaped):
                return .variable(path, escaped: escaped)
            case .section(let path, let body, let inverted):
                return .section(path, keep(body), inverted: inverted)
            case .partial(let name, let dynamic, let indentation, let overrides):
                let partial = PartialNode(
                    name: name, dynamic: dynamic ? PathNames(name) : nil, indentation: indentation,
                    overrides: overrides?.mapValues { keep($0) })
                others.append(partial)
                return .partial(Unmanaged.passUnretained(partial))
            case .block(let name, let body, let indentation):
                let block = BlockNode(name: name, nodes: keep(body), indentation: indentation)
                others.append(block)
                return .block(Unmanaged.passUnretained(block))
            case .blockDefinition:
                return nil
            }
        }
        return NodeList(keep(nodes))
    }

    private func keep<T>(_ items: [T]) -> UnsafeBufferPointer<T> {
        let buffer = UnsafeMutableBufferPointer<T>.allocate(capacity: max(items.count, 1))
        _ = buffer.initialize(from: items)
        buffers.append(UnsafeMutableRawPointer(buffer.baseAddress!))
        return UnsafeBufferPointer(start: buffer.baseAddress, count: items.count)
    }

    deinit {
        // Nodes and bytes are trivial values: their memory is given back without deinitializing.
        for buffer in buffers { buffer.deallocate() }
    }
}

/// A template's nodes as the renderer walks them: plain values whose payloads point into the
/// template's `NameStore`, so reading one retains nothing. Nodes that held arrays and strings
/// were retained and released as they were walked, about 1,400 times a page, on both cores.
/// As with `TemplatePath`, a template's nodes are only rendered while the template is held.
enum Node: @unchecked Sendable {
    /// Literal text, as the UTF-8 bytes a render copies out.
    case text(TextBytes)
    case variable(TemplatePath, escaped: Bool)
    case section(TemplatePath, NodeList, inverted: Bool)
    case partial(Unmanaged<PartialNode>)
    case block(Unmanaged<BlockNode>)
}

/// Bytes kept by a template's `NameStore`.
struct TextBytes: @unchecked Sendable {
    let bytes: UnsafeBufferPointer<UInt8>
    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }
}

/// Nodes kept by a template's `NameStore`.
struct NodeList: @unchecked Sendable {
    let nodes: UnsafeBufferPointer<Node>
    init(_ nodes: UnsafeBufferPointer<Node>) { self.nodes = nodes }

    /// Where the nodes are: each parsed section has its own (see `TemplateMemo.Key`).
    var address: Int { Int(bitPattern: nodes.baseAddress) }
}

/// `{{>name}}` (overrides nil) or `{{<name}}…{{/name}}` (overrides set). Indentation is set for
/// a standalone tag; a `*name` (`dynamic`) names a context value holding the template name.
final class PartialNode: Sendable {
    let name: String
    let dynamic: PathNames?
    let indentation: String?
    let overrides: [String: NodeList]?

    init(name: String, dynamic: PathNames?, indentation: String?, overrides: [String: NodeList]?) {
        self.name = name
        self.dynamic = dynamic
        self.indentation = indentation
        self.overrides = overrides
    }
}

/// `{{$name}}default{{/name}}` in a template: replaced by a parent's caller's override.
final class BlockNode: Sendable {
    let name: String
    let nodes: NodeList
    let indentation: String

    init(name: String, nodes: NodeList, indentation: String) {
        self.name = name
        self.nodes = nodes
        self.indentation = indentation
    }
}

/// What the parser makes; `NameStore.keep` turns it into `Node`s.
indirect enum ParsedNode: Sendable {
    /// Literal text, as UTF-8 bytes.
    case text([UInt8])
    case variable(TemplatePath, escaped: Bool)
    case section(TemplatePath, [ParsedNode], inverted: Bool)
    /// `{{>name}}` (overrides nil) or `{{<name}}…{{/name}}` (overrides set). Indentation is
    /// set for a standalone tag; a `*name` names a context value holding the template name.
    case partial(name: String, dynamic: Bool, indentation: String?, overrides: [String: [ParsedNode]]?)
    /// `{{$name}}default{{/name}}` in a template: replaced by a parent's caller's override.
    case block(name: String, nodes: [ParsedNode], indentation: String)
    /// `{{$name}}…{{/name}}` directly inside `{{<parent}}`: the override itself.
    case blockDefinition(name: String, nodes: [ParsedNode])
}

/// A template that could not be parsed, and where.
public struct TemplateSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public var line: Int
    public var column: Int

    public var description: String { "\(message) (line \(line), column \(column))" }
}
