import Foundation
import TownhallDiagnostics

/// Where people read Townhall's messages: stderr, coloured only on a terminal and never
/// when NO_COLOR is set.
struct Console: Sendable {
    enum Level: Int, Comparable, Sendable {
        case quiet, normal, verbose
        static func < (a: Level, b: Level) -> Bool { a.rawValue < b.rawValue }
    }

    var level: Level
    var color: Bool
    var isTerminal: Bool

    init(quiet: Bool, verbose: Bool, environment: [String: String] = ProcessInfo.processInfo.environment) {
        level = quiet ? .quiet : (verbose ? .verbose : .normal)
        isTerminal = isatty(STDERR_FILENO) == 1
        color = isTerminal && environment["NO_COLOR"].map(\.isEmpty) ?? true && environment["TERM"] != "dumb"
    }

    func error(_ text: String) { write(text) }

    func info(_ text: String) {
        if level >= .normal { write(text + "\n") }
    }

    func detail(_ text: String) {
        if level >= .verbose { write(text + "\n") }
    }

    func bold(_ s: String) -> String { color ? "\u{1B}[1m\(s)\u{1B}[0m" : s }
    func green(_ s: String) -> String { color ? "\u{1B}[32m\(s)\u{1B}[0m" : s }

    func printDiagnostics(_ diagnostics: [Diagnostic], format: DiagnosticFormat) {
        let printer = DiagnosticPrinter(format: format, color: color && format == .text, sourceLine: Self.sourceLine)
        let text = printer.render(diagnostics)
        if format == .json {
            FileHandle.standardOutput.write(Data(text.utf8))
        } else if !text.isEmpty {
            write(text)
        }
    }

    private func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// The offending line, for the caret under a diagnostic.
    @Sendable static func sourceLine(_ file: String, _ line: Int) -> String? {
        guard let data = FileManager.default.contents(atPath: file), data.count < 8_000_000 else { return nil }
        var current = 1
        for text in String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false) {
            if current == line { return String(text.hasSuffix("\r") ? text.dropLast() : text) }
            current += 1
        }
        return nil
    }
}
