extension Array where Element == UInt8 {
    /// Appends the UTF-8 bytes of `text` (renders write bytes, see `TemplateLibrary.renderBytes`).
    @inline(__always)
    mutating func append(utf8 text: String) {
        var text = text
        text.withUTF8 { append(contentsOf: $0) }
    }
}
