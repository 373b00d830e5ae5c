import Foundation
import Testing
@testable import TownhallBuild

/// `OutputFile.text` drops control characters, found by a vectorised scan: each one is
/// found wherever it falls, and the bytes around it are left as they were.
@Suite struct OutputFileTests {
    static let controls: [UInt8] = [0, 1, 8, 11, 12, 14, 0x1B, 0x1F, 0x7F]
    static let kept: [UInt8] = [9, 10, 13, 0x20, 0x41, 0x7E, 0x80, 0x85, 0x89, 0x8A, 0x8D, 0x9F, 0xFF, 0xC3, 0xA9]

    @Test func everyControlByteIsFoundAtEveryPlace() {
        for length in [1, 7, 8, 9, 15, 16, 17, 40] {
            for place in 0..<length {
                for control in Self.controls {
                    var bytes = (0..<length).map { Self.kept[$0 % Self.kept.count] }
                    bytes[place] = control
                    let text = String(decoding: bytes, as: UTF8.self)
                    let expected = text.utf8.filter { !Self.isControl($0) }
                    #expect(OutputFile.hasControlCharacters(text), "byte \(control) at \(place) of \(length)")
                    #expect(Self.bytes(OutputFile.text("a", text)) == expected)
                }
            }
        }
    }

    /// The scan goes by blocks of 4,096 bytes: a control byte is found on either side of a
    /// block's edge, in the last block however short, and clean text of several blocks passes.
    @Test func controlBytesAreFoundAcrossBlocks() {
        for length in [4095, 4096, 4097, 8192, 10_000] {
            let clean = String(decoding: (0..<length).map { Self.kept[$0 % Self.kept.count] }, as: UTF8.self)
            #expect(!OutputFile.hasControlCharacters(clean), "length \(length)")
            for place in Set([0, 4095, 4096, 4097, 8191, 8192, length - 1]) where place < length {
                for control in Self.controls {
                    var bytes = Array(clean.utf8)
                    bytes[place] = control
                    #expect(OutputFile.hasControlCharacters(String(decoding: bytes, as: UTF8.self)), "byte \(control) at \(place) of \(length)")
                }
            }
        }
    }

    @Test func textWithoutControlBytesIsKeptWhole() {
        for length in 0..<40 {
            let bytes = (0..<length).map { Self.kept[($0 * 7) % Self.kept.count] }
            let text = String(decoding: bytes, as: UTF8.self)
            #expect(!OutputFile.hasControlCharacters(text), "length \(length)")
            #expect(Self.bytes(OutputFile.text("a", text)) == Array(text.utf8))
        }
    }

    /// A rendered page's bytes go through the same check without becoming `Data`, and its
    /// fingerprint is that of the same bytes read back from disk (a quick edit compares them).
    @Test func renderedBytesAreCheckedAndFingerprintedAsText() {
        for length in [0, 5, 8, 23] {
            for place in [nil] + Array(0..<length).map(Optional.some) {
                var bytes = (0..<length).map { Self.kept[($0 * 5) % Self.kept.count] }
                if let place { bytes[place] = 0x1B }
                let text = String(decoding: bytes, as: UTF8.self)
                let (file, dropped) = OutputFile.checkedBytes("p/index.html", Array(text.utf8))
                let reference = OutputFile.checkedText("p/index.html", text)
                #expect(dropped == reference.dropped && dropped == (place != nil))
                #expect(Self.bytes(file) == Self.bytes(reference.file))
                #expect(OutputManifest.fingerprint(file) == OutputManifest.fingerprint(reference.file))
                #expect(OutputManifest.fingerprint(file) == OutputManifest.fingerprint(OutputFile(path: "p/index.html", contents: .data(Data(Self.bytes(file))))))
            }
        }
    }

    static func isControl(_ b: UInt8) -> Bool { (b < 0x20 && b != 9 && b != 10 && b != 13) || b == 0x7F }

    static func bytes(_ file: OutputFile) -> [UInt8] {
        switch file.contents {
        case .data(let data): Array(data)
        case .bytes(let bytes): bytes
        case .copy: []
        }
    }
}
