import Foundation
import Testing
@testable import TownhallContent

@Suite struct TextFileTests {
    @Test func bomAndCRLFAreNormalised() throws {
        let data = Data([0xEF, 0xBB, 0xBF]) + Data("a\r\nb\r\n".utf8)
        #expect(try TextFile.decode(data, displayPath: "x").get() == "a\nb\n")
    }

    @Test func invalidUTF8IsReportedWithPosition() {
        let data = Data("ok\nCaf".utf8) + Data([0xE9]) + Data("\n".utf8)
        guard case .failure(let d) = TextFile.decode(data, displayPath: "x.md") else { Issue.record("expected an error"); return }
        #expect(d.location.line == 2 && d.location.column == 4)
        #expect(d.message == "file is not valid UTF-8 (byte 0xE9)")
    }

    @Test func overlongAndSurrogateSequencesAreInvalid() {
        #expect(TextFile.firstInvalidUTF8([0xC0, 0x80]) == 0)
        #expect(TextFile.firstInvalidUTF8([0x41, 0xED, 0xA0, 0x80]) == 1)
        #expect(TextFile.firstInvalidUTF8(Array("héllo ✓ 🎉".utf8)) == nil)
    }

    /// `decode` checks files with the standard library and asks `firstInvalidUTF8` only where
    /// a file fails: the two must agree on which bytes are UTF-8.
    @Test func theScanAgreesWithTheStandardLibrary() {
        var generator = SystemRandomNumberGenerator()
        let pieces: [[UInt8]] = [[0x61], [0x0A], [0xC3, 0xA9], [0xE2, 0x80, 0x9C], [0xF0, 0x9F, 0x8E, 0x89], [0xC3], [0x80], [0xBF],
                                 [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE0, 0x80, 0xAF], [0xFF], [0xEF, 0xBB, 0xBF]]
        for _ in 0..<3000 {
            let bytes = (0..<Int.random(in: 0...10, using: &generator)).flatMap { _ in pieces.randomElement(using: &generator)! }
            #expect((String(validating: bytes, as: UTF8.self) == nil) == (TextFile.firstInvalidUTF8(bytes) != nil), "\(bytes)")
        }
    }

    @Test func nulAndCarriageReturnsAreFoundInNonASCIIFiles() throws {
        #expect(try TextFile.decode(Data("é\r\nx\ry\n".utf8), displayPath: "x").get() == "é\nx\ny\n")
        guard case .failure(let d) = TextFile.decode(Data("é\nab".utf8) + Data([0]), displayPath: "x") else { Issue.record("expected an error"); return }
        #expect(d.message.contains("NUL") && d.location.line == 2 && d.location.column == 3)
    }

    @Test func nulBytesAreRejected() {
        guard case .failure(let d) = TextFile.decode(Data([0x61, 0x00]), displayPath: "x") else { Issue.record("expected an error"); return }
        #expect(d.message.contains("NUL"))
    }

    /// ASCII is skipped eight bytes at a time: a bad byte is found wherever it falls.
    @Test func invalidBytesAreFoundAfterAnyRunOfASCII() {
        for place in 0..<24 {
            var bytes = Array(repeating: UInt8(ascii: "a"), count: 24)
            bytes[place] = 0xFF
            #expect(TextFile.firstInvalidUTF8(bytes) == place)
            bytes[place] = 0xC3
            #expect(TextFile.firstInvalidUTF8(bytes) == place, "a lead byte without its continuation")
        }
    }

    @Test func filesAreReadByPathWithTheirSizeChecked() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("textfile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("a.md")
        try Data("héllo\n".utf8).write(to: file)
        guard case .bytes(let bytes) = TextFile.readBytes(path: file.path, displayPath: "a.md", limit: 100) else {
            Issue.record("expected the bytes"); return
        }
        #expect(bytes == Array("héllo\n".utf8))
        guard case .tooLarge(7) = TextFile.readBytes(path: file.path, displayPath: "a.md", limit: 6) else {
            Issue.record("expected the size"); return
        }
        guard case .failure(let d) = TextFile.readBytes(path: dir.path + "/missing.md", displayPath: "missing.md", limit: 100) else {
            Issue.record("expected an error"); return
        }
        #expect(d.description == "missing.md: error: cannot read file: No such file or directory")
    }

    /// The plain-ASCII shortcut turns down a NUL, a carriage return or a non-ASCII byte
    /// wherever it falls, so the full checks still see them.
    @Test func plainASCIIShortcutSeesEveryByteThatNeedsTheFullCheck() {
        #expect(TextFile.isPlainASCII(Array("plain text\n\twith tabs".utf8)))
        #expect(TextFile.isPlainASCII([]))
        for length in [1, 7, 8, 9, 17] {
            for place in 0..<length {
                for byte: UInt8 in [0, 13, 0x80, 0xC3, 0xFF] {
                    var bytes = Array(repeating: UInt8(ascii: "a"), count: length)
                    bytes[place] = byte
                    #expect(!TextFile.isPlainASCII(bytes), "\(byte) at \(place) of \(length)")
                }
            }
        }
    }
}
