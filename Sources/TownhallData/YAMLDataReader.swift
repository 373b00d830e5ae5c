import TownhallContent
import TownhallDiagnostics
import Yams

/// Reads a YAML data file through Yams into `DataNode`s, enforcing `YAMLLimits`.
///
/// Yams resolves an alias by handing back the anchored node itself (same mark), so an
/// alias shows up as a second visit of a list or mapping already seen at that mark: that
/// is what is counted: every list and mapping reached again through an alias. libyaml itself stops at 1,000 levels of nesting, before Yams
/// could recurse that deep; the lower `maxDepth` applies after.
public struct YAMLDataReader: Sendable {
    public var file: String
    public var limits: YAMLLimits
    /// Added to line numbers: front matter starts below its `---` fence.
    public var lineOffset: Int

    public init(file: String, limits: YAMLLimits = .default, lineOffset: Int = 0) {
        self.file = file
        self.limits = limits
        self.lineOffset = lineOffset
    }

    public func read(_ text: String, diagnostics: inout [Diagnostic]) -> DataNode? {
        let size = text.utf8.count
        if size > limits.maxBytes {
            diagnostics.append(.error(
                "YAML data file is \(Self.megabytes(size)); the limit is \(Self.megabytes(limits.maxBytes))",
                at: SourceLocation(file: file),
                notes: ["large data reads many times faster as CSV: the same columns, one row per record"]))
            return nil
        }
        let reader = YAMLReader(file: file, lineOffset: lineOffset)
        let root: Node?
        switch reader.parse(text) {
        case .success(let node): root = node
        case .failure(let d):
            diagnostics.append(d)
            return nil
        }
        guard let root else { return .null(DataPosition(line: 1 + lineOffset, column: 1)) }
        var walk = Walk(file: file, limits: limits, lineOffset: lineOffset)
        do {
            return try walk.convert(root, depth: 1)
        } catch {
            diagnostics.append(error)
            return nil
        }
    }

    /// `12.5 MB`, or `3 KB` below a megabyte.
    static func megabytes(_ bytes: Int) -> String {
        guard bytes >= 1 << 20 else { return "\((bytes + 1023) >> 10) KB" }
        let tenths = (bytes * 10 + (1 << 19)) >> 20
        return "\(tenths / 10).\(tenths % 10) MB"
    }

    /// One conversion, counting alias uses and depth.
    struct Walk {
        let file: String
        let limits: YAMLLimits
        let lineOffset: Int
        var seen: Set<MarkKey> = []
        var aliasUses = 0

        struct MarkKey: Hashable {
            var isList: Bool
            var line: Int
            var column: Int
        }

        mutating func convert(_ node: Node, depth: Int) throws(Diagnostic) -> DataNode {
            let position = DataPosition(line: (node.mark?.line ?? 1) + lineOffset, column: node.mark?.column ?? 1)
            if depth > limits.maxDepth {
                throw .error(
                    "YAML data nests deeper than \(limits.maxDepth) levels",
                    at: location(position), notes: ["a data file is a list of records whose values are text or lists of text"])
            }
            switch node {
            case .scalar(let scalar):
                let s = scalar.string
                if scalar.style == .plain, s.isEmpty || s == "~" || s == "null" || s == "Null" || s == "NULL" {
                    return .null(position)
                }
                return .scalar(s, position)
            case .sequence(let sequence):
                try visit(isList: true, position)
                var items: [DataNode] = []
                items.reserveCapacity(sequence.count)
                for item in sequence { items.append(try convert(item, depth: depth + 1)) }
                return .list(items, position)
            case .mapping(let mapping):
                try visit(isList: false, position)
                var entries: [DataNode.Entry] = []
                entries.reserveCapacity(mapping.count)
                for (key, value) in mapping {
                    let keyPosition = DataPosition(line: (key.mark?.line ?? 1) + lineOffset, column: key.mark?.column ?? 1)
                    guard case .scalar(let k) = key else {
                        throw .error("expected a plain key, found a list or mapping", at: location(keyPosition))
                    }
                    entries.append(DataNode.Entry(key: k.string, keyPosition: keyPosition, value: try convert(value, depth: depth + 1)))
                }
                return .map(entries, position)
            case .alias:
                return .null(position)
            }
        }

        mutating func visit(isList: Bool, _ position: DataPosition) throws(Diagnostic) {
            let key = MarkKey(isList: isList, line: Int(position.line), column: Int(position.column))
            guard !seen.insert(key).inserted else { return }
            aliasUses += 1
            if aliasUses > limits.maxAliases {
                throw .error(
                    "YAML aliases expand to more than \(limits.maxAliases) lists and mappings (this \(isList ? "list" : "mapping") is one of them)",
                    at: location(position),
                    notes: ["aliases can make a small file expand enormously; write the values out, or use CSV"])
            }
        }

        func location(_ p: DataPosition) -> SourceLocation {
            SourceLocation(file: file, line: Int(p.line), column: Int(p.column))
        }
    }
}
