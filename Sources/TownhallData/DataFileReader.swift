import Foundation
import TownhallContent
import TownhallDiagnostics

/// Reads one data file into a table, choosing the reader by extension: `.csv`, `.yaml` or
/// `.yml`, `.json`. The bytes must be UTF-8 (a byte-order mark is allowed).
public struct DataFileReader: Sendable {
    public var yamlLimits: YAMLLimits

    public init(yamlLimits: YAMLLimits = .default) {
        self.yamlLimits = yamlLimits
    }

    public static let extensions = ["csv", "yaml", "yml", "json"]

    public func read(_ url: URL, displayPath: String, diagnostics: inout [Diagnostic]) -> DataTable? {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            diagnostics.append(.error("cannot read file: \(error.localizedDescription)", at: SourceLocation(file: displayPath)))
            return nil
        }
        return read(data, format: Self.format(of: url.pathExtension), displayPath: displayPath, diagnostics: &diagnostics)
    }

    static func format(of pathExtension: String) -> DataFormat {
        switch pathExtension.lowercased() {
        case "csv": return .csv
        case "json": return .json
        default: return .yaml
        }
    }

    public func read(_ data: Data, format: DataFormat, displayPath: String, diagnostics: inout [Diagnostic]) -> DataTable? {
        // The bytes are read in place: a million-row file is not copied before parsing.
        data.withUnsafeBytes { raw -> DataTable? in
            if let problem = UTF8Check.firstProblem(raw) {
                let bytes = [UInt8](raw)
                switch problem {
                case .invalid(let bad):
                    let (line, column) = TextFile.position(of: bad, in: bytes)
                    diagnostics.append(.error(
                        "file is not valid UTF-8 (byte 0x\(String(bytes[bad], radix: 16, uppercase: true)))",
                        at: SourceLocation(file: displayPath, line: line, column: column),
                        notes: ["save the file as UTF-8 (in a spreadsheet: CSV UTF-8)"]))
                case .nul(let nul):
                    let (line, column) = TextFile.position(of: nul, in: bytes)
                    diagnostics.append(.error("file contains a NUL byte; expected text", at: SourceLocation(file: displayPath, line: line, column: column)))
                }
                return nil
            }
            let bytes = raw.assumingMemoryBound(to: UInt8.self)
            switch format {
            case .csv:
                return CSVReader.read(bytes, file: displayPath, diagnostics: &diagnostics)
            case .json:
                let root = JSONDataReader(file: displayPath).read(bytes, diagnostics: &diagnostics)
                return root.flatMap { RecordTableBuilder.table(from: $0, file: displayPath, format: .json, diagnostics: &diagnostics) }
            case .yaml, .frontMatter:
                guard case .success(let text) = TextFile.decode(data, displayPath: displayPath) else { return nil }
                let root = YAMLDataReader(file: displayPath, limits: yamlLimits).read(text, diagnostics: &diagnostics)
                return root.flatMap { RecordTableBuilder.table(from: $0, file: displayPath, format: .yaml, diagnostics: &diagnostics) }
            }
        }
    }

    /// The front matter of an event page as a one-row table.
    public func readFrontMatter(_ yaml: String, displayPath: String, diagnostics: inout [Diagnostic]) -> DataTable? {
        guard let root = YAMLDataReader(file: displayPath, limits: yamlLimits, lineOffset: 1).read(yaml, diagnostics: &diagnostics) else {
            return nil
        }
        guard case .map = root else {
            diagnostics.append(.error(
                "an event page needs front matter: a mapping with date, kind, location, capacity and hosts",
                at: SourceLocation(file: displayPath, line: 1, column: 1)))
            return nil
        }
        return RecordTableBuilder.table(from: .list([root], root.position), file: displayPath, format: .frontMatter, diagnostics: &diagnostics)
    }
}
