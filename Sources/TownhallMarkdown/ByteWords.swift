/// Eight bytes read as one word and tested for byte values all at once, exactly: no carry
/// crosses from one byte into the next. The scans that every page passes through (control
/// characters, word counts, plain-ASCII files) use it; each result has the high bit set of
/// every byte that matches. `TownhallTemplates` keeps its own test: it depends on no module.
/// Public and inlinable so that other modules inline it (as `package` it stayed a call per
/// word, dearer than the test itself).
public enum ByteWords {
    // Computed, not stored: a stored static is a lazy global behind an accessor call.
    @inlinable public static var ones: UInt64 { 0x0101_0101_0101_0101 }
    @inlinable public static var low7: UInt64 { 0x7F7F_7F7F_7F7F_7F7F }
    @inlinable public static var highs: UInt64 { 0x8080_8080_8080_8080 }

    /// The bytes of `word` equal to `byte`.
    @inlinable @inline(__always)
    public static func equal(_ word: UInt64, _ byte: UInt8) -> UInt64 {
        let x = word ^ (ones &* UInt64(byte))
        return ~(((x & low7) &+ low7) | x) & highs
    }

    /// The bytes of `word` below `limit` (at most 0x80): adding `0x80 - limit` to a byte's
    /// low seven bits reaches the high bit exactly when the byte is at least `limit`.
    @inlinable @inline(__always)
    public static func below(_ word: UInt64, _ limit: UInt8) -> UInt64 {
        ~(((word & low7) &+ (ones &* UInt64(0x80 - limit))) | word) & highs
    }

    /// The bytes of `word` that are not ASCII.
    @inlinable @inline(__always)
    public static func nonASCII(_ word: UInt64) -> UInt64 { word & highs }
}
