/// A short description cut at a word boundary.
package enum Summary {
    package static func make(_ text: String, limit: Int) -> String {
        let clean = text.split(whereSeparator: { $0 == "\n" || $0 == " " }).joined(separator: " ")
        guard clean.count > limit else { return clean }
        var cut = String(clean.prefix(limit))
        if let space = cut.lastIndex(of: " ") { cut = String(cut[..<space]) }
        return cut + "…"
    }
}
