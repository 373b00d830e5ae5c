import Foundation

/// Turns diagnostics into text. With `color`, adds ANSI colour; with a source reader,
/// shows the offending line and a caret under the column.
public struct DiagnosticPrinter: Sendable {
    public var format: DiagnosticFormat
    public var color: Bool
    /// Returns the text of a source line (1-based), when it can be read.
    public var sourceLine: @Sendable (_ file: String, _ line: Int) -> String?

    public init(
        format: DiagnosticFormat = .text,
        color: Bool = false,
        sourceLine: @escaping @Sendable (String, Int) -> String? = { _, _ in nil }
    ) {
        self.format = format
        self.color = color
        self.sourceLine = sourceLine
    }

    public func render(_ diagnostics: [Diagnostic]) -> String {
        switch format {
        case .text: return diagnostics.map(text).joined()
        case .github: return diagnostics.map(github).joined()
        case .json: return json(diagnostics)
        }
    }

    func text(_ d: Diagnostic) -> String {
        let label = d.severity.rawValue
        let paint = { (code: String, s: String) in color ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s }
        var out = paint("1", "\(d.location):") + " "
            + paint(d.severity == .error ? "1;31" : "1;33", "\(label):") + " "
            + paint("1", d.message) + "\n"
        if d.location.line > 0, let line = sourceLine(d.location.file, d.location.line) {
            out += "  \(line)\n"
            if d.location.column > 0 {
                // Keep tabs so the caret lines up under the same column in a terminal.
                let pad = line.prefix(d.location.column - 1).map { $0 == "\t" ? "\t" : " " }.joined()
                out += "  " + pad + paint("1;32", "^") + "\n"
            }
        }
        for note in d.notes { out += paint("1;36", "note:") + " \(note)\n" }
        return out
    }

    func github(_ d: Diagnostic) -> String {
        var props = ["file=\(escapeProperty(d.location.file))"]
        if d.location.line > 0 { props.append("line=\(d.location.line)") }
        if d.location.column > 0 { props.append("col=\(d.location.column)") }
        let message = ([d.message] + d.notes).joined(separator: "\n")
        return "::\(d.severity.rawValue) \(props.joined(separator: ","))::\(escapeData(message))\n"
    }

    func json(_ diagnostics: [Diagnostic]) -> String {
        let items = diagnostics.map { d in
            "{\"column\":\(d.location.column),\"file\":\(JSONText.quote(d.location.file)),"
                + "\"line\":\(d.location.line),\"message\":\(JSONText.quote(d.message)),"
                + "\"notes\":[\(d.notes.map(JSONText.quote).joined(separator: ","))],"
                + "\"severity\":\"\(d.severity.rawValue)\"}"
        }
        return "{\"diagnostics\":[\(items.joined(separator: ","))],"
            + "\"errors\":\(diagnostics.errorCount),\"warnings\":\(diagnostics.warningCount)}\n"
    }

    // GitHub's workflow-command escaping rules.
    private func escapeData(_ s: String) -> String {
        s.replacingOccurrences(of: "%", with: "%25")
            .replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    private func escapeProperty(_ s: String) -> String {
        escapeData(s).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}
