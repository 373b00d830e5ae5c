/// A value read from a YAML or JSON data file, with where it was written: the common form
/// both readers produce before records are laid out in a `DataTable`.
public indirect enum DataNode: Sendable, Equatable {
    case scalar(String, DataPosition)
    case list([DataNode], DataPosition)
    case map([DataNode.Entry], DataPosition)
    case null(DataPosition)

    public struct Entry: Sendable, Equatable {
        public var key: String
        public var keyPosition: DataPosition
        public var value: DataNode

        public init(key: String, keyPosition: DataPosition, value: DataNode) {
            self.key = key
            self.keyPosition = keyPosition
            self.value = value
        }
    }

    public var position: DataPosition {
        switch self {
        case .scalar(_, let p), .list(_, let p), .map(_, let p), .null(let p): return p
        }
    }

    /// For messages: `"text"`, `a list`, `a mapping`, `nothing`.
    var summary: String {
        switch self {
        case .scalar(let s, _): return "\"\(s)\""
        case .list: return "a list"
        case .map: return "a mapping"
        case .null: return "nothing"
        }
    }
}
