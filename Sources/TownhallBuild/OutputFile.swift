import Foundation

/// One file of the built site: text or bytes made by the build, or a file copied as it is.
public struct OutputFile: Sendable, Hashable {
    public enum Contents: Sendable, Hashable {
        case data(Data)
        case copy(URL)
    }

    /// Relative to the output root, with `/`.
    public var path: String
    public var contents: Contents

    public init(path: String, contents: Contents) {
        self.path = path
        self.contents = contents
    }

    /// A generated text file. Control characters (other than tab, line feed and carriage
    /// return) are dropped: HTML and XML forbid them, and data or front matter can carry
    /// them in, from a spreadsheet cell or a YAML escape.
    public static func text(_ path: String, _ text: String) -> OutputFile {
        var text = text
        let data = text.withUTF8 { bytes -> Data in
            // Checked on the raw buffer: every page passes through here.
            guard bytes.contains(where: isControl) else { return Data(buffer: bytes) }
            return Data(bytes.filter { !isControl($0) })
        }
        return OutputFile(path: path, contents: .data(data))
    }

    /// True when `text` has characters `text(_:_:)` drops: its bytes would then not be
    /// where a render recorded them (see `QuickEdit`).
    static func hasControlCharacters(_ text: String) -> Bool {
        text.utf8.contains(where: isControl)
    }

    private static func isControl(_ b: UInt8) -> Bool {
        (b < 0x20 && b != 9 && b != 10 && b != 13) || b == 0x7F
    }
}
