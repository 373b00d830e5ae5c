/// What a template reads: a typed tree, so looking a name up is a search of an object's
/// fields by a precomputed hash and a `switch`, never a dynamic cast (which made up a third of a build's time with `Any`).
public enum TemplateData: Sendable, Equatable {
    case string(String)
    /// Text already in UTF-8 bytes (a page's rendered body): written out as it is, without
    /// a `String` made of it first (checking 50 MB of bodies as UTF-8 was 1 % of a build).
    /// Otherwise it is the string of those bytes.
    case utf8([UInt8])
    case int(Int)
    case double(Double)
    case bool(Bool)
    case list([TemplateData])
    case object(TemplateObject)
    /// A value a render records the place of (see `TemplateSlot`); otherwise it is `value`.
    /// For strings and numbers only: their truthiness in a section never changes, so a
    /// recorded render can later take a new value in each place and nothing else.
    indirect case slot(String, TemplateData)
    /// A value whose section the renderer may write once and reuse (see `TemplateMemo`):
    /// whoever makes it promises that the same key always comes with the same value.
    indirect case reusable(String, TemplateData)

    /// Text, or `false` when empty: an empty string is truthy in Mustache, and a missing key
    /// would be looked up in the enclosing context instead, so absent values are `false`.
    public static func text(_ s: String) -> TemplateData { s.isEmpty ? .absent : .string(s) }

    /// The value templates see for something a page does not have.
    public static let absent = TemplateData.bool(false)

    /// Reads or sets a key of an object (setting on anything else makes it an object).
    public subscript(key: String) -> TemplateData? {
        get { self[key, TemplateObject.hash(key)] }
        set {
            // A changed value no longer matches its key.
            if case .reusable(_, let inner) = self { self = inner }
            var fields = TemplateObject()
            if case .object(let existing) = self {
                fields = existing
                // Drop this value's hold on the fields so the change below does not copy it.
                self = .absent
            }
            fields[key] = newValue
            self = .object(fields)
        }
    }

    /// Reads a key whose hash is known (a template's names are hashed when parsed).
    subscript(key: String, hash: UInt64) -> TemplateData? {
        switch self {
        case .object(let fields): fields[key, hash]
        case .reusable(_, let value): value[key, hash]
        default: nil
        }
    }

    /// How an interpolation prints it.
    public var interpolated: String {
        switch self {
        case .string(let s): s
        case .utf8(let bytes): String(decoding: bytes, as: UTF8.self)
        case .int(let i): String(i)
        case .double(let d): String(d)
        case .bool(let b): b ? "true" : "false"
        case .list, .object: ""
        case .slot(_, let value), .reusable(_, let value): value.interpolated
        }
    }
}

extension TemplateData: ExpressibleByStringLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
{
    public init(stringLiteral value: String) { self = .string(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(arrayLiteral elements: TemplateData...) { self = .list(elements) }
    public init(dictionaryLiteral elements: (String, TemplateData)...) {
        self = .object(TemplateObject(moving: elements))
    }
}
