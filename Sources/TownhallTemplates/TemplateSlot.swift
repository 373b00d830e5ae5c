/// Where a render wrote a `.slot` value: its name, its byte range in the output (UTF-8) and
/// whether it was escaped. A page rendered again with only its slot values changed is the
/// old output with each range replaced by the new value written the same way, which is how
/// an edit to one page's body is applied without the rest of the site (see `QuickEdit`).
public struct TemplateSlot: Sendable, Equatable {
    public var name: String
    public var offset: Int
    public var length: Int
    public var escaped: Bool

    public init(name: String, offset: Int, length: Int, escaped: Bool) {
        self.name = name
        self.offset = offset
        self.length = length
        self.escaped = escaped
    }

    /// Whether `new` in place of the bytes `old` leaves the rest of a render as it was. Inside
    /// an indented partial, what follows a value is indented when the value ends a line, and
    /// a standalone piece is indented only when it is not empty: those two, and nothing
    /// else about a value, change the bytes around it.
    public static func sameLayout(_ new: String, _ old: some Collection<UInt8>) -> Bool {
        let newline = UInt8(ascii: "\n")
        return new.isEmpty == old.isEmpty && (new.utf8.last == newline) == (old.reversed().first == newline)
    }

    /// A value as an interpolation writes it: `{{x}}` escaped, `{{{x}}}` as it is.
    public static func text(_ value: TemplateData, escaped: Bool) -> String {
        var out: [UInt8] = []
        write(value, escaped: escaped, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    static func write(_ value: TemplateData, escaped: Bool, into out: inout [UInt8]) {
        if escaped {
            HTML.escape(value.interpolated, into: &out)
        } else if case .utf8(let bytes) = value {
            out += bytes
        } else {
            out.append(utf8: value.interpolated)
        }
    }
}
