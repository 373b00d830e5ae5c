/// A deterministic hash of a template context: the incremental build's measure of
/// "what this page shows besides its own text". Dictionary keys are visited in sorted
/// order and every value carries a type tag, so equal contexts hash equally and
/// `["a": "1"]` differs from `["a": 1]`.
struct ContextHash {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func add(_ any: Any) {
        switch any {
        case let s as String: tag(1); bytes(s)
        case let b as Bool: tag(b ? 2 : 3)
        case let i as Int: tag(4); bytes(String(i))
        case let d as Double: tag(5); bytes(String(d.bitPattern))
        case let dict as [String: Any]:
            tag(6)
            for key in dict.keys.sorted() {
                bytes(key)
                add(dict[key]!)
            }
            tag(7)
        case let list as [Any]:
            tag(8)
            for item in list { add(item) }
            tag(9)
        case let list as [[String: Any]]:
            tag(8)
            for item in list { add(item) }
            tag(9)
        default:
            // Anything else is described; templates only ever see the kinds above.
            tag(10); bytes(String(describing: any))
        }
    }

    mutating func add(_ number: UInt64) { bytes(String(number)) }

    private mutating func tag(_ t: UInt8) { mix(t) }

    private mutating func bytes(_ s: String) {
        for byte in s.utf8 { mix(byte) }
        mix(0xFF)
    }

    private mutating func mix(_ byte: UInt8) {
        value = (value ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
    }
}
