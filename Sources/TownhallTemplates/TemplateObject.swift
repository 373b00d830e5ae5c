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

    /// A literal's pairs are moved into the fields rather than copied: a copy retained every
    /// value and the literal's array then released each through the runtime's generic
    /// destroy, which was a third of making the renderers' objects.
    public init(dictionaryLiteral elements: (String, TemplateData)...) {
        self.init(moving: elements)
    }

    /// Fields from pairs like `init(pairs:)`, moved out of the array when nothing else holds
    /// it (a literal's never is shared; a shared one is copied first, as arrays are).
    public init(moving elements: [(String, TemplateData)]) {
        var pairs = elements
        let count = pairs.count
        guard count <= Self.indexedFrom else {
            self.init(pairs: pairs)
            return
        }
        var fields: [Entry] = []
        fields.reserveCapacity(count)
        pairs.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            for i in 0..<count {
                let (key, value) = (base + i).move()
                let hash = Self.hash(key)
                var at = -1
                for j in fields.indices where fields[j].hash == hash && fields[j].key == key { at = j }
                if at >= 0 { fields[at].value = value } else { fields.append(Entry(hash: hash, key: key, value: value)) }
            }
            // What the array destroys when it goes: nothing to release.
            base.initialize(repeating: ("", .absent), count: count)
        }
        self.init()
        entries = fields
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
        return key.withUTF8 { hash(bytes: UnsafeRawBufferPointer($0)) }
    }

    /// Names are mostly a few bytes: up to sixteen are read as two loads that may overlap
    /// (a byte at a time for the tail made a name's hash 160 instructions), longer ones
    /// eight bytes at a time.
    @inline(__always)
    static func hash(bytes raw: UnsafeRawBufferPointer) -> UInt64 {
        let n = raw.count
        let start = UInt64(n) &* 0x9E37_79B9_7F4A_7C15
        if n <= 16 {
            let a: UInt64, b: UInt64
            if n >= 8 {
                a = raw.loadUnaligned(fromByteOffset: 0, as: UInt64.self)
                b = raw.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self)
            } else if n >= 4 {
                a = UInt64(raw.loadUnaligned(fromByteOffset: 0, as: UInt32.self))
                b = UInt64(raw.loadUnaligned(fromByteOffset: n - 4, as: UInt32.self))
            } else if n > 0 {
                a = UInt64(raw[0]) | UInt64(raw[n / 2]) << 8 | UInt64(raw[n - 1]) << 16
                b = 0
            } else {
                (a, b) = (0, 0)
            }
            return mix(start ^ a ^ mix(b ^ 0x2545_F491_4F6C_DD1D))
        }
        var h = start
        var i = 0
        while i + 8 <= n {
            h = mix(h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            i += 8
        }
        // The last eight bytes, overlapping those already mixed.
        return mix(h ^ raw.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self))
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
