#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

extension String {
    /// Where `byte` (ASCII) first occurs, found by `memchr` on the UTF-8 bytes: every link of
    /// every page is cut at its `:`, `#` and `?`, and the generic search of the UTF-8 view
    /// went a byte at a time through its index checks.
    func firstIndex(ofASCII byte: UInt8) -> String.Index? {
        var text = self
        let offset = text.withUTF8 { bytes -> Int? in
            guard let base = bytes.baseAddress, let hit = memchr(base, Int32(byte), bytes.count) else { return nil }
            return UnsafeRawPointer(hit) - UnsafeRawPointer(base)
        }
        return offset.map { utf8.index(utf8.startIndex, offsetBy: $0) }
    }
}
