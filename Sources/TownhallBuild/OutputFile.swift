import Foundation

/// One file of the built site: text or bytes made by the build, or a file copied as it is.
public struct OutputFile: Sendable, Hashable {
    public enum Contents: Sendable, Hashable {
        case data(Data)
        case copy(URL)
    }

    /// Relative to the output root, with `/`.
    public var path: String
    public var contents: Contents

    public init(path: String, contents: Contents) {
        self.path = path
        self.contents = contents
    }

    /// A generated text file. Control characters (other than tab, line feed and carriage
    /// return) are dropped: HTML and XML forbid them, and data or front matter can carry
    /// them in, from a spreadsheet cell or a YAML escape.
    public static func text(_ path: String, _ text: String) -> OutputFile {
        var text = text
        let data = text.withUTF8 { bytes -> Data in
            // Checked on the raw buffer: every page passes through here.
            guard hasControl(bytes) else { return Data(buffer: bytes) }
            return Data(bytes.filter { !isControl($0) })
        }
        return OutputFile(path: path, contents: .data(data))
    }

    /// True when `text` has characters `text(_:_:)` drops: its bytes would then not be
    /// where a render recorded them (see `QuickEdit`).
    static func hasControlCharacters(_ text: String) -> Bool {
        var text = text
        return text.withUTF8(hasControl)
    }

    /// Eight bytes at a time, each byte tested exactly (no carries between bytes): every page
    /// passes through here twice, and a byte-by-byte scan of the 130 MB of a 10,000-page
    /// site took 3 % of a build.
    private static func hasControl(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        let raw = UnsafeRawPointer(base)
        let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F, highs: UInt64 = 0x8080_8080_8080_8080
        let ones: UInt64 = 0x0101_0101_0101_0101
        /// High bit of each byte of `word` that is zero.
        @inline(__always) func zeroBytes(_ word: UInt64) -> UInt64 { ~(((word & low7) &+ low7) | word) & highs }
        var i = 0
        while i + 8 <= bytes.count {
            let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            // Below 0x20: adding 0x60 to the low seven bits does not reach the high bit.
            let below = ~(((word & low7) &+ (ones &* 0x60)) | word) & highs
            if below != 0 || zeroBytes(word ^ (ones &* 0x7F)) != 0 {
                let allowed = zeroBytes(word ^ (ones &* 9)) | zeroBytes(word ^ (ones &* 10)) | zeroBytes(word ^ (ones &* 13))
                if below & ~allowed != 0 || zeroBytes(word ^ (ones &* 0x7F)) != 0 { return true }
            }
            i += 8
        }
        while i < bytes.count {
            if isControl(base[i]) { return true }
            i += 1
        }
        return false
    }

    private static func isControl(_ b: UInt8) -> Bool {
        (b < 0x20 && b != 9 && b != 10 && b != 13) || b == 0x7F
    }
}
