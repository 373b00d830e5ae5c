/// Estimated text widths. The SVG is laid out before any font is known, so widths are an
/// estimate from character counts: 0.6 em for most characters (generous for sans-serif
/// Latin text) and 1 em for wide East Asian characters and emoji.
enum TextMeasure {
    /// The font size the stylesheet sets on every chart, in user units.
    static let fontSize = 12.0

    static func width(_ text: String) -> Double {
        var ems = 0.0
        for character in text {
            ems += character.unicodeScalars.first.map(isWide) == true ? 1 : 0.6
        }
        return ems * fontSize
    }

    /// The text cut with "…" to fit `maxWidth`; unchanged when it fits.
    static func truncated(_ text: String, maxWidth: Double) -> String {
        guard width(text) > maxWidth else { return text }
        var kept = ""
        var used = width("…")
        for character in text {
            let w = width(String(character))
            if used + w > maxWidth { break }
            kept.append(character)
            used += w
        }
        while kept.last?.isWhitespace == true { kept.removeLast() }
        return kept + "…"
    }

    private static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F,
             0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1FAFF, 0x20000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}
