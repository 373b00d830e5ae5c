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

    @Test func nulBytesAreRejected() {
        guard case .failure(let d) = TextFile.decode(Data([0x61, 0x00]), displayPath: "x") else { Issue.record("expected an error"); return }
        #expect(d.message.contains("NUL"))
    }
}
