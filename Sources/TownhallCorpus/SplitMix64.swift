/// SplitMix64 (Steele, Lea and Flood, 2014): a tiny seeded generator whose sequence is
/// fixed by its definition, so a corpus depends only on its seed and options. The helpers
/// below use their own arithmetic instead of the standard library's `random(in:using:)`,
/// whose algorithm Swift does not promise to keep.
package struct SplitMix64: Sendable {
    package private(set) var state: UInt64

    package init(seed: UInt64) {
        state = seed
    }

    /// An independent stream for item `index` of a seeded run (one per page).
    package init(seed: UInt64, stream index: Int) {
        var mixer = SplitMix64(seed: seed ^ (UInt64(truncatingIfNeeded: index) &* 0xD1B5_4A32_D192_ED03))
        state = mixer.next()
    }

    package mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A whole number in `0..<bound` (multiply-shift; the bias is below 2⁻³² for our bounds).
    package mutating func below(_ bound: Int) -> Int {
        precondition(bound > 0)
        return Int(truncatingIfNeeded: ((next() >> 32) &* UInt64(bound)) >> 32)
    }

    /// A whole number in `range`, both ends included.
    package mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + below(range.upperBound - range.lowerBound + 1)
    }

    /// True with probability `percent` / 100.
    package mutating func chance(_ percent: Int) -> Bool {
        below(100) < percent
    }

    package mutating func pick<T>(_ items: [T]) -> T {
        items[below(items.count)]
    }

    /// `count` distinct elements of `items`, in the order drawn.
    package mutating func sample<T>(_ items: [T], _ count: Int) -> [T] {
        var pool = items
        var out: [T] = []
        for _ in 0..<min(count, pool.count) {
            out.append(pool.remove(at: below(pool.count)))
        }
        return out
    }
}
