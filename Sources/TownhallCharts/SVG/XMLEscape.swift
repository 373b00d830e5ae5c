/// Escaping for XML text and attribute values. Characters that XML 1.0 forbids outright
/// (most C0 controls, U+FFFE, U+FFFF) are dropped: no escape makes them legal, and one of
/// them in a member's name would make the whole SVG unparseable.
enum XMLEscape {
    static func text(_ s: String) -> String {
        escape(s, inAttribute: false)
    }

    /// Also escapes quotes, and tabs and line breaks as character references so that
    /// attribute-value normalisation keeps them.
    static func attribute(_ s: String) -> String {
        escape(s, inAttribute: true)
    }

    private static func escape(_ s: String, inAttribute: Bool) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where inAttribute: out += "&quot;"
            case "'" where inAttribute: out += "&#39;"
            case "\t" where inAttribute: out += "&#9;"
            case "\n" where inAttribute: out += "&#10;"
            case "\r": out += "&#13;"
            default:
                if isAllowed(scalar) { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }

    private static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD: return true
        case 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
        default: return false
        }
    }
}
