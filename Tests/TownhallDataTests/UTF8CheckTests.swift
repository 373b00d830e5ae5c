import Testing
@testable import TownhallData

@Suite struct UTF8CheckTests {
    func check(_ bytes: [UInt8]) -> UTF8Check.Problem? {
        bytes.withUnsafeBytes { UTF8Check.firstProblem($0) }
    }

    @Test func acceptsTextInEveryPositionOfTheEightByteSteps() {
        let text = Array("id,name\nm1,Zoë Ünal 😀,Riverside\n".utf8)
        for pad in 0..<9 {
            #expect(check(Array(repeating: UInt8(ascii: "a"), count: pad) + text) == nil)
        }
    }

    @Test func findsBadBytesAndNULsWhereverTheyAre() {
        for pad in 0..<17 {
            let prefix = Array(repeating: UInt8(ascii: "a"), count: pad)
            #expect(check(prefix + [0xE9, 0x61]) == .invalid(pad), "Latin-1 é")
            #expect(check(prefix + [0x00] + Array("abcdefgh".utf8)) == .nul(pad))
            #expect(check(prefix + [0xC0, 0x80]) == .invalid(pad), "overlong")
            #expect(check(prefix + [0xED, 0xA0, 0x80]) == .invalid(pad), "surrogate")
            #expect(check(prefix + [0xF0, 0x9F, 0x98]) == .invalid(pad), "cut short")
        }
    }
}
