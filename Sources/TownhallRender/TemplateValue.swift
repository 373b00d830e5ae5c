import TownhallContent

/// View-model pieces turned into what the template engine reads, at the last moment.
enum TemplateValue {
    /// What a template sees for a missing value. Every key is always set, because Mustache
    /// looks a missing key up in the enclosing context and would find the parent's value.
    static var absent: Any { false }

    static func text(_ s: String) -> Any { s.isEmpty ? absent : s }

    static func from(_ value: FrontMatterValue) -> Any {
        switch value {
        case .string(let s): return s
        case .int(let i): return i
        case .double(let d): return d
        case .bool(let b): return b
        case .list(let l): return l.map(from)
        case .map(let m):
            var dict: [String: Any] = [:]
            for pair in m { dict[pair.key] = from(pair.value) }
            return dict
        case .null: return TemplateValue.absent
        }
    }

    static func params(_ params: [String: FrontMatterValue]) -> [String: Any] {
        params.mapValues(from)
    }

    static func date(_ date: CalendarDate?) -> Any {
        guard let date else { return TemplateValue.absent }
        return ["iso": date.description, "text": date.longText]
    }
}
