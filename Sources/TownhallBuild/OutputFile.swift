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

    public static func text(_ path: String, _ text: String) -> OutputFile {
        OutputFile(path: path, contents: .data(Data(text.utf8)))
    }
}
