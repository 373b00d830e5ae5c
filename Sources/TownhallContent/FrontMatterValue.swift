/// A front-matter value kept for templates when the key is not one Townhall knows.
public indirect enum FrontMatterValue: Sendable, Hashable {
    case string(String)
    case int(Int)
    case double(Double)
    case bool(Bool)
    case list([FrontMatterValue])
    /// Keys in the order written, so templates see them as the author wrote them.
    case map([(key: String, value: FrontMatterValue)])
    case null

    public static func == (a: FrontMatterValue, b: FrontMatterValue) -> Bool {
        switch (a, b) {
        case let (.string(x), .string(y)): return x == y
        case let (.int(x), .int(y)): return x == y
        case let (.double(x), .double(y)): return x == y
        case let (.bool(x), .bool(y)): return x == y
        case let (.list(x), .list(y)): return x == y
        case let (.map(x), .map(y)): return x.map(\.key) == y.map(\.key) && x.map(\.value) == y.map(\.value)
        case (.null, .null): return true
        default: return false
        }
    }

    public func hash(into h: inout Hasher) {
        switch self {
        case .string(let s): h.combine(s)
        case .int(let i): h.combine(i)
        case .double(let d): h.combine(d)
        case .bool(let b): h.combine(b)
        case .list(let l): h.combine(l)
        case .map(let m): for (k, v) in m { h.combine(k); h.combine(v) }
        case .null: h.combine(0)
        }
    }
}
