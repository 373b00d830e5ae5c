import Testing
import TownhallMarkdown

/// `SmallStringSet` answers as `Set<String>` does, below its limit and once past it.
@Suite struct SmallStringSetTests {
    @Test(arguments: [0, 5, 31, 32, 33, 200])
    func answersAsASetDoes(distinct: Int) {
        var rng = SystemRandomNumberGenerator()
        let words = (0..<distinct).map { "id-\($0)" } + ["é", "e\u{301}"]
        var small = SmallStringSet()
        var reference = Set<String>()
        for _ in 0..<(3 * words.count) {
            let word = words.randomElement(using: &rng)!
            #expect(small.contains(word) == reference.contains(word), "\(word)")
            #expect(small.insert(word) == reference.insert(word).inserted, "\(word)")
        }
        for word in words + ["absent", "id-\(distinct)"] {
            #expect(small.contains(word) == reference.contains(word), "\(word)")
        }
    }
}
