/// A short description cut at a word boundary.
package enum Summary {
    package static func make(_ text: String, limit: Int) -> String {
        var clean = collapse(text)
        // Text that is ASCII where it is cut is cut on its bytes: walking `Character`s to the
        // limit and back to a space was half of this.
        if let kept = clean.withUTF8({ asciiCut($0, limit: limit) }) {
            return kept == clean.utf8.count ? clean : clean.withUTF8 { String(decoding: $0[..<kept], as: UTF8.self) } + "…"
        }
        // At most `limit` characters are walked: counting all of a long first paragraph's
        // characters was most of the cost.
        guard let end = clean.index(clean.startIndex, offsetBy: limit, limitedBy: clean.endIndex),
              end != clean.endIndex else { return clean }
        var cut = clean[..<end]
        if let space = cut.lastIndex(of: " ") { cut = cut[..<space] }
        return cut + "…"
    }

    /// The bytes `make` keeps of collapsed text (all of them when it is not cut), or nil when
    /// that takes `Character`s. Text of at most `limit` bytes has at most `limit` characters.
    /// Past that, when its first `limit` + 1 bytes are ASCII and none is a carriage return
    /// (which a line feed joins), each of them is a character, the limit falls between two,
    /// and the last space before it is a byte.
    private static func asciiCut(_ bytes: UnsafeBufferPointer<UInt8>, limit: Int) -> Int? {
        guard bytes.count > limit else { return bytes.count }
        for b in bytes[...limit] where b >= 0x80 || b == 0x0D { return nil }
        return bytes[..<limit].lastIndex(of: 0x20) ?? limit
    }

    /// Runs of line feeds and spaces made one space, none at either end: the characters
    /// `" "` and `"\n"` split on and joined again (`Character`s, so a line feed after a
    /// carriage return, or a space a combining mark follows, is not a separator). Worked
    /// on bytes, 2 % of a 10,000-page build done by `Character`; a space next to a
    /// character the bytes cannot settle sends the text the `Character` way.
    static func collapse(_ text: String) -> String {
        var text = text
        let bytes: [UInt8]? = text.withUTF8 { bytes in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var pending = false
            for i in bytes.indices {
                let b = bytes[i]
                let separator: Bool
                switch b {
                case 0x0A: separator = i == 0 || bytes[i - 1] != 0x0D
                case 0x20:
                    guard spaceStandsAlone(bytes, i) else { return nil }
                    separator = true
                default: separator = false
                }
                if separator {
                    pending = !out.isEmpty
                    continue
                }
                if pending {
                    out.append(0x20)
                    pending = false
                }
                out.append(b)
            }
            return out
        }
        guard let bytes else {
            return text.split(whereSeparator: { $0 == "\n" || $0 == " " }).joined(separator: " ")
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// True when the space at `i` is a `Character` alone: the scalar after it does not
    /// extend it (combining marks start at U+0300) and the one before it is not a prepended
    /// mark (those start at U+0600). Smart punctuation (U+2010 to U+2027) is neither.
    private static func spaceStandsAlone(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        if i + 1 < bytes.count, bytes[i + 1] >= 0x80 {
            let next = scalar(bytes, at: i + 1)
            guard next < 0x300 || (0x2010...0x2027).contains(next) else { return false }
        }
        if i > 0, bytes[i - 1] >= 0x80 {
            var start = i - 1
            while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
            let previous = scalar(bytes, at: start)
            guard previous < 0x600 || (0x2010...0x2027).contains(previous) else { return false }
        }
        return true
    }

    /// The scalar whose UTF-8 starts at `i` (the text is valid UTF-8: it is a `String`).
    private static func scalar(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> UInt32 {
        let lead = UInt32(bytes[i])
        func tail(_ k: Int) -> UInt32 { i + k < bytes.count ? UInt32(bytes[i + k]) & 0x3F : 0 }
        switch lead {
        case ..<0x80: return lead
        case ..<0xE0: return (lead & 0x1F) << 6 | tail(1)
        case ..<0xF0: return (lead & 0x0F) << 12 | tail(1) << 6 | tail(2)
        default: return (lead & 0x07) << 18 | tail(1) << 12 | tail(2) << 6 | tail(3)
        }
    }
}
