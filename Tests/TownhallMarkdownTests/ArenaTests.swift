import CmarkArena
import Dispatch
import Foundation
import Testing
@testable import TownhallMarkdown

/// cmark parses into a per-thread arena released when each document is done (see
/// `CmarkArena`): documents larger than its chunks, one parsed while another is open on
/// the same thread, and many threads at once must all render as they do alone.
@Suite struct ArenaTests {
    static let paragraph = "A *paragraph* with [a link](page.md) and `code`, long enough to span a line or two.\n\n"

    @Test func documentsLargerThanAChunkRenderWhole() {
        // 3 MB of source: many chunks, and buffers that outgrow them while rendered.
        let count = 30_000
        let html = Markdown.render(String(repeating: Self.paragraph, count: count))
        let one = Markdown.render(Self.paragraph)
        #expect(html.utf8.count == one.utf8.count * count)
        #expect(html == String(repeating: one, count: count))
    }

    @Test func aDocumentParsedInsideAnotherLeavesItIntact() {
        let source = "Before.\n\n```chart\nmembers\n```\n\n" + String(repeating: Self.paragraph, count: 50) + "After.\n"
        let inner = String(repeating: "A **nested** document, large enough to need chunks of its own.\n\n", count: 5_000)
        let nestedHTML = Markdown.render(inner)
        let plain = Markdown.render(source, embed: { _ in "<figure>chart</figure>\n" })
        // The outer tree is open (and has allocated after the inner one starts) while the
        // embed parses and renders a whole document of its own.
        let nested = Markdown.render(source, embed: { _ in
            Markdown.render(inner)
        })
        #expect(nested == plain.replacingOccurrences(of: "<figure>chart</figure>\n", with: nestedHTML))
        #expect(nested.hasSuffix("<p>After.</p>\n"))
    }

    @Test func threadsEachUseTheirOwnArena() {
        let sources = (0..<64).map { i in "# Page \(i)\n\n" + String(repeating: Self.paragraph, count: 20 + i * 7) }
        let alone = sources.map { Markdown.render($0) }
        // Each iteration writes only its own element.
        nonisolated(unsafe) let results = UnsafeMutableBufferPointer<String>.allocate(capacity: sources.count)
        results.initialize(repeating: "")
        defer { results.deallocate() }
        DispatchQueue.concurrentPerform(iterations: sources.count) { i in
            // Several passes, so each thread's arena is released and reused in between.
            for _ in 0..<3 { results[i] = Markdown.render(sources[i]) }
        }
        #expect(Array(results) == alone)
    }

    // The allocator itself, as libcmark calls it.
    static let mem = townhall_arena_allocator()!.pointee

    static func filled(_ count: Int, _ byte: UInt8) -> UnsafeMutableRawPointer {
        let p = mem.calloc(count, 1)!
        #expect(UnsafeRawBufferPointer(start: p, count: count).allSatisfy { $0 == 0 }, "calloc zeroes")
        p.initializeMemory(as: UInt8.self, repeating: byte, count: count)
        return p
    }

    static func holds(_ p: UnsafeMutableRawPointer, _ count: Int, _ byte: UInt8) -> Bool {
        UnsafeRawBufferPointer(start: p, count: count).allSatisfy { $0 == byte }
    }

    @Test func anInnerMarkGivesBackOnlyWhatCameAfterIt() {
        let outer = townhall_arena_here()
        let kept = Self.filled(4_000, 0xAA)
        let inner = townhall_arena_here()
        _ = Self.filled(3 << 20, 0xBB)  // several chunks' worth
        townhall_arena_release(inner)
        // Made after the inner release: must not land on the outer block.
        let after = Self.filled(64 << 10, 0xCC)
        #expect(Self.holds(kept, 4_000, 0xAA))
        #expect(Self.holds(after, 64 << 10, 0xCC))
        townhall_arena_release(outer)
    }

    @Test func reallocKeepsTheBytesWhetherItGrowsInPlaceOrMoves() {
        let mark = townhall_arena_here()
        var p = Self.mem.realloc(nil, 16)!
        p.initializeMemory(as: UInt8.self, repeating: 7, count: 16)
        var size = 16
        while size < 2 << 20 {
            let bigger = size * 3 / 2 + 8
            p = Self.mem.realloc(p, bigger)!
            #expect(Self.holds(p, size, 7))
            p.advanced(by: size).initializeMemory(as: UInt8.self, repeating: 7, count: bigger - size)
            // Another block between growths, so some of them must move.
            if size % 3 == 0 { _ = Self.filled(100, 1) }
            size = bigger
        }
        #expect(Self.holds(p, size, 7))
        townhall_arena_release(mark)
    }

    @Test func freeingTheNewestBlockMakesRoomForTheNext() {
        let mark = townhall_arena_here()
        let a = Self.filled(128, 1)
        let b = Self.filled(128, 2)
        Self.mem.free(b)
        let c = Self.filled(128, 3)
        #expect(c == b, "the newest block's room is used again")
        Self.mem.free(a)  // not the newest: left until the mark is released
        #expect(Self.holds(a, 128, 1))
        townhall_arena_release(mark)
    }

    @Test func aThreadKeepsLittleOnceAHugeDocumentIsDone() {
        // 12 MB of source: many chunks while it is parsed and rendered.
        let html = Markdown.render(String(repeating: Self.paragraph, count: 120_000))
        #expect(html.utf8.count > 10_000_000)
        #expect(townhall_arena_reserved() <= 4 << 20, "at most 4 MB kept after the document")
    }
}
