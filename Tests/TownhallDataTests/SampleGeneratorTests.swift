import Foundation
import Testing
import TownhallContent
import TownhallDiagnostics
@testable import TownhallData

@Suite struct SampleGeneratorTests {
    static let options = SampleOptions(members: 400, seed: 7)

    func bytes(_ options: SampleOptions) -> [String: [UInt8]] {
        Dictionary(uniqueKeysWithValues: SampleGenerator(options: options).generate().files().map { ($0.name, $0.bytes) })
    }

    @Test func theSameSeedGivesTheSameBytes() {
        #expect(bytes(Self.options) == bytes(Self.options))
        var other = Self.options
        other.seed = 8
        #expect(bytes(other)["members.csv"] != bytes(Self.options)["members.csv"])
    }

    @Test func theRandomNumbersAreFixedForASeed() {
        // xoshiro256** seeded by SplitMix64: these values must never change, or every
        // committed sample would.
        var random = SampleRandom(seed: 1)
        // Reference values computed independently from the published algorithms.
        #expect((0..<3).map { _ in random.next() } == [0xB3F2_AF6D_0FC7_10C5, 0x853B_5596_4736_4CEA, 0x92F8_9756_082A_4514])
    }

    @Test func generatedDataIsValidAndShapedLikeACommunity() throws {
        let data = SampleGenerator(options: Self.options).generate()
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("townhall-sample-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("data"), withIntermediateDirectories: true)
        for file in data.files() { try Data(file.bytes).write(to: root.appendingPathComponent("data/" + file.name)) }
        var diagnostics: [Diagnostic] = []
        let loaded = CommunityLoader(contentRoot: root, displayRoot: "Content", threads: 1)
            .load(pages: [], config: SiteConfig(), asOf: Self.options.asOf, diagnostics: &diagnostics)
        #expect(diagnostics.isEmpty, "\(diagnostics.prefix(5).map(\.description))")

        let members = loaded.members.filter { $0.tier != .guest }
        #expect(members.count >= 300)
        #expect(members.allSatisfy { $0.joined >= Self.options.start && $0.joined <= Self.options.asOf })
        #expect(Set(members.map { "\($0.joined.year)" }) == ["2024", "2025", "2026"])
        #expect(members.contains { $0.left != nil }, "some members leave")
        #expect(loaded.members.allSatisfy { $0.email?.hasSuffix("@example.org") == true })
        #expect(loaded.members.contains { $0.phone != nil } && loaded.members.contains { $0.phone == nil })
        // Referral chains: someone who was referred referred someone else.
        let referrers = Set(members.compactMap(\.referredBy))
        #expect(members.contains { referrers.contains($0.id) && $0.referredBy != nil })
        // A fission tree of at least 12 groups, two levels deep somewhere.
        #expect(loaded.groups.count >= 12)
        let depth2 = loaded.groups.filter { g in g.parent.flatMap { loaded.group($0)?.parent } != nil }
        #expect(!depth2.isEmpty)
        #expect(loaded.groups.contains { $0.closed != nil })
        // Events with attendance, and a core of regulars: the busiest tenth of attendees
        // account for far more than a tenth of attendances.
        let figures = EventFigures.all(loaded)
        #expect(figures.filter { $0.attended > 0 }.count >= 60)
        var perMember: [MemberID: Int] = [:]
        for row in loaded.attendance where row.attended { perMember[row.member, default: 0] += 1 }
        let counts = perMember.values.sorted(by: >)
        let top = counts.prefix(counts.count / 10).reduce(0, +)
        #expect(Double(top) > 0.3 * Double(counts.reduce(0, +)))
        // Seasons: fewer events in August than in October.
        let august = loaded.events.filter { $0.date.month == 8 }.count
        let october = loaded.events.filter { $0.date.month == 10 }.count
        #expect(august * 2 < october)
        #expect(!loaded.moderation.isEmpty)
        #expect(loaded.moderation.contains { $0.action == .removal } || loaded.moderation.contains { $0.action == .secondWarning })
    }

    @Test func largeDataSetsHaveTheRequestedSize() {
        let data = SampleGenerator(options: SampleOptions(members: 5000, groups: 100, events: 1000, attendance: 40000, seed: 3)).generate()
        #expect(data.members.count == 5000)
        #expect(data.groups.count == 100)
        #expect(data.events.count == 1000)
        #expect(abs(data.attendance.count - 40000) < 2000)
    }
}
