import Foundation

/// 64-bit FNV-1a, fed incrementally: the keys of the incremental build. Not for security;
/// a collision would only make Townhall skip a page that changed, and 64 bits make that
/// vanishingly unlikely for a site's few thousand pages.
struct ContentHash: Hashable, Sendable, CustomStringConvertible {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func add(_ s: String) {
        var s = s
        s.withUTF8 { buffer in
            for byte in buffer { mix(byte) }
        }
        mix(0xFF) // separator, so ("ab","c") and ("a","bc") differ
    }

    mutating func add(_ data: Data) {
        // Through the raw bytes: Data's iterator cost more than writing the file.
        data.withUnsafeBytes { buffer in
            for byte in buffer { mix(byte) }
        }
        mix(0xFF)
    }

    mutating func add(_ n: Int) { add(String(n)) }

    private mutating func mix(_ byte: UInt8) {
        value ^= UInt64(byte)
        value = value &* 0x0000_0100_0000_01B3
    }

    static func of(_ parts: String...) -> ContentHash {
        var h = ContentHash()
        for p in parts { h.add(p) }
        return h
    }

    var description: String { String(value, radix: 16) }
}
