import Foundation

/// Short content hashes for cache-safe asset names. FNV-1a: not for security, only to
/// change the name whenever the bytes change.
enum Fingerprint {
    static func hex(_ data: Data) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in data {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        let s = String(hash, radix: 16)
        return String((String(repeating: "0", count: 16 - s.count) + s).prefix(10))
    }

    /// `assets/style.css` → `assets/style.1a2b3c4d5e.css`.
    static func name(_ path: String, data: Data) -> String {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return path + "." + hex(data) }
        return path[..<dot] + "." + hex(data) + path[dot...]
    }
}
