import TownhallContent
import TownhallTemplates

/// View-model pieces turned into what templates read.
enum TemplateValue {
    static func from(_ value: FrontMatterValue) -> TemplateData {
        switch value {
        case .string(let s): .string(s)
        case .int(let i): .int(i)
        case .double(let d): .double(d)
        case .bool(let b): .bool(b)
        case .list(let l): .list(l.map(from))
        case .map(let m): .object(TemplateObject(moving: m.map { ($0.key, from($0.value)) }))
        case .null: .absent
        }
    }

    static func params(_ params: [String: FrontMatterValue]) -> TemplateData {
        .object(TemplateObject(params.mapValues(from)))
    }

    /// A link as the templates take it: `{name, url}` or `{title, url}`.
    static func strings(_ pairs: KeyValuePairs<String, String>) -> TemplateData {
        .object(TemplateObject(moving: pairs.map { ($0.key, TemplateData.string($0.value)) }))
    }
}
