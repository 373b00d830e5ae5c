/// The fields of a template object, in the order they were set. Objects are small (a page's
/// context has about twenty names), so a list searched by a hash of each name beats a
/// `Dictionary`, which hashed every name on every insert and lookup with SipHash (3 % of a
/// 10,000-page build); templates hash their names once, when parsed.
public struct TemplateObject: Sendable, Equatable, ExpressibleByDictionaryLiteral, Sequence {
    private var entries: [Entry] = []

    private struct Entry: Sendable {
        let hash: UInt64
        let key: String
        var value: TemplateData
    }

    public init() {}

    /// Fields from a dictionary, in its keys' sorted order (a dictionary's own order changes
    /// from run to run).
    public init(_ fields: [String: TemplateData]) {
        entries = fields.keys.sorted().map { Entry(hash: Self.hash($0), key: $0, value: fields[$0]!) }
    }

    /// Fields from pairs; a later pair sets a key again (in the place it was first set).
    public init<S: Sequence>(pairs: S) where S.Element == (String, TemplateData) {
        let pairs = Array(pairs)
        entries.reserveCapacity(pairs.count)
        guard pairs.count > Self.indexedFrom else {
            for (key, value) in pairs { self[key] = value }
            return
        }
        // A front-matter map may hold thousands of keys: found by a dictionary while made,
        // rather than by a search of the list for each.
        var place: [String: Int] = [:]
        for (key, value) in pairs {
            if let i = place[key] {
                entries[i].value = value
            } else {
                place[key] = entries.count
                entries.append(Entry(hash: Self.hash(key), key: key, value: value))
            }
        }
    }

    /// How many pairs are set one by one, each searching those before it.
    static let indexedFrom = 32

    public init(dictionaryLiteral elements: (String, TemplateData)...) {
        self.init(pairs: elements)
    }

    public subscript(key: String) -> TemplateData? {
        get { self[key, Self.hash(key)] }
        set {
            let hash = Self.hash(key)
            if let i = index(of: key, hash) {
                if let newValue { entries[i].value = newValue } else { entries.remove(at: i) }
            } else if let newValue {
                entries.append(Entry(hash: hash, key: key, value: newValue))
            }
        }
    }

    /// Looks up a name whose `hash` is already known.
    subscript(key: String, hash: UInt64) -> TemplateData? {
        index(of: key, hash).map { entries[$0].value }
    }

    /// The fields in the order they were first set.
    public func makeIterator() -> some IteratorProtocol<(key: String, value: TemplateData)> {
        entries.lazy.map { (key: $0.key, value: $0.value) }.makeIterator()
    }

    private func index(of key: String, _ hash: UInt64) -> Int? {
        entries.withUnsafeBufferPointer { entries in
            for i in entries.indices where entries[i].hash == hash && entries[i].key == key { return i }
            return nil
        }
    }

    /// The name's UTF-8 bytes eight at a time, mixed (a byte-at-a-time FNV over the `utf8`
    /// view was a percent of a build: the renderers name every field they set).
    static func hash(_ key: String) -> UInt64 {
        var key = key
        return key.withUTF8 { bytes in
            let raw = UnsafeRawBufferPointer(bytes)
            var h = UInt64(bytes.count) &* 0x9E37_79B9_7F4A_7C15
            var i = 0
            while i + 8 <= raw.count {
                h = mix(h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                i += 8
            }
            var tail: UInt64 = 0
            var shift: UInt64 = 0
            while i < raw.count {
                tail |= UInt64(raw[i]) << shift
                shift += 8
                i += 1
            }
            return mix(h ^ tail)
        }
    }

    @inline(__always)
    private static func mix(_ x: UInt64) -> UInt64 {
        var z = (x ^ (x >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Equal when they hold the same keys with equal values, in any order.
    public static func == (a: TemplateObject, b: TemplateObject) -> Bool {
        guard a.entries.count == b.entries.count else { return false }
        return a.entries.allSatisfy { e in b[e.key, e.hash] == e.value }
    }
}
