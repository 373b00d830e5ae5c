/// Holds one template's nodes, and the names of its paths, for as long as the template lives.
final class TemplateStore: @unchecked Sendable {
    // Appended to only while the template is parsed, on one thread; read only to let go of them.
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
/// template's `TemplateStore`, so reading one retains nothing. Nodes that held arrays and strings
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

/// Bytes kept by a template's `TemplateStore`.
struct TextBytes: @unchecked Sendable {
    let bytes: UnsafeBufferPointer<UInt8>
    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }
}

/// Nodes kept by a template's `TemplateStore`.
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

/// What the parser makes; `TemplateStore.keep` turns it into `Node`s.
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
