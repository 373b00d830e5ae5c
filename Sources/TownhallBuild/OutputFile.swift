import ByteScan
import Foundation

/// One file of the built site: text or bytes made by the build, or a file copied as it is.
public struct OutputFile: Sendable, Hashable {
    public enum Contents: Sendable, Hashable {
        case data(Data)
        /// Bytes made by the build, kept as rendered (a page is not copied into `Data`).
        case bytes([UInt8])
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
        checkedText(path, text).file
    }

    /// `text(_:_:)`, and whether it dropped any character: the bytes of a page that lost
    /// some are not where its render recorded them (see `QuickEdit`).
    static func checkedText(_ path: String, _ text: String) -> (file: OutputFile, dropped: Bool) {
        checkedBytes(path, Array(text.utf8))
    }

    /// `checkedText` for bytes already rendered, kept without a copy when nothing is dropped.
    /// One scan says both whether to filter and whether anything was dropped.
    static func checkedBytes(_ path: String, _ bytes: [UInt8]) -> (file: OutputFile, dropped: Bool) {
        guard bytes.withUnsafeBufferPointer(hasControl) else { return (OutputFile(path: path, contents: .bytes(bytes)), false) }
        return (OutputFile(path: path, contents: .bytes(bytes.filter { !isControl($0) })), true)
    }

    /// True when `text` has characters `text(_:_:)` drops: its bytes would then not be
    /// where a render recorded them (see `QuickEdit`).
    static func hasControlCharacters(_ text: String) -> Bool {
        var text = text
        return text.withUTF8(hasControl)
    }

    /// In C (`ByteScan`), which the compiler vectorises: every page passes through here,
    /// and eight bytes at a time in Swift the 140 MB of a 10,000-page site took 1 % of a
    /// build's CPU.
    private static func hasControl(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        return townhall_has_control(base, bytes.count)
    }

    private static func isControl(_ b: UInt8) -> Bool {
        (b < 0x20 && b != 9 && b != 10 && b != 13) || b == 0x7F
    }
}
