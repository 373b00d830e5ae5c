#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import TownhallDiagnostics

/// The records of one data file (CSV, YAML or JSON) as a table: named columns, and for
/// each row and column a cell that remembers where its value was written.
///
/// The layout is flat on purpose: the values of every cell live in one byte buffer and
/// the cells in one array, so a million attendance rows cost a few large allocations
/// instead of millions of small strings and dictionaries.
public struct DataTable: Sendable {
    /// The path shown in diagnostics: `Content/data/members.csv`.
    public let file: String
    public let format: DataFormat
    /// Column names in file order (CSV header; YAML/JSON: keys in order of first use).
    public internal(set) var columns: [String]
    /// Where each column is named (its header cell or its first key).
    var columnPositions: [DataPosition]
    /// Where each row starts.
    var rowPositions: [DataPosition] = []
    /// `rowCount × columns.count` cells, row by row.
    var cells: [DataCell] = []
    /// Items of list cells (YAML/JSON sequences), referenced by `DataCell.start/count`.
    var items: [DataCell] = []
    /// The text of every cell, UTF-8, one after the other.
    var bytes: [UInt8] = []

    init(file: String, format: DataFormat, columns: [String], columnPositions: [DataPosition]) {
        self.file = file
        self.format = format
        self.columns = columns
        self.columnPositions = columnPositions
    }

    public var rowCount: Int { rowPositions.count }

    /// The column of a name, if the file has it.
    public func column(named name: String) -> Int? { columns.firstIndex(of: name) }

    @inline(__always)
    func cell(_ row: Int, _ column: Int) -> DataCell { cells[row &* columns.count &+ column] }

    /// The text of a text cell (for a list cell, its items joined by `;`).
    func text(_ cell: DataCell) -> String {
        if cell.kind == .list { return listItems(cell).map(text).joined(separator: ";") }
        return bytes.withUnsafeBufferPointer { buffer in
            String(decoding: UnsafeBufferPointer(rebasing: buffer[Int(cell.start)..<Int(cell.start + cell.count)]), as: UTF8.self)
        }
    }

    /// Calls `body` with the UTF-8 bytes of a text cell, without making a `String`.
    @inline(__always)
    func withBytes<R>(_ cell: DataCell, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        bytes.withUnsafeBufferPointer { buffer in
            body(UnsafeBufferPointer(rebasing: buffer[Int(cell.start)..<Int(cell.start + cell.count)]))
        }
    }

    /// Whether two text cells hold the same bytes.
    @inline(__always)
    func sameText(_ a: DataCell, _ b: DataCell) -> Bool {
        guard a.count == b.count else { return false }
        return bytes.withUnsafeBufferPointer { buffer in
            memcmp(buffer.baseAddress! + Int(a.start), buffer.baseAddress! + Int(b.start), Int(a.count)) == 0
        }
    }

    /// The items of a list cell; a text cell is one item.
    func listItems(_ cell: DataCell) -> [DataCell] {
        switch cell.kind {
        case .list: return Array(items[Int(cell.start)..<Int(cell.start + cell.count)])
        case .text: return [cell]
        case .absent: return []
        }
    }

    func location(_ position: DataPosition) -> SourceLocation {
        SourceLocation(file: file, line: Int(position.line), column: Int(position.column))
    }

    func location(_ cell: DataCell) -> SourceLocation { location(cell.position) }

    /// The text at a row and column (empty when absent), for tools and tests.
    public func text(row: Int, column: Int) -> String { text(cell(row, column)) }

    public func location(row: Int) -> SourceLocation { location(rowPositions[row]) }

    public func location(column: Int) -> SourceLocation { location(columnPositions[column]) }

    // MARK: - Building

    /// Appends text to the byte buffer and returns its cell.
    mutating func textCell(_ text: String, at position: DataPosition, quoted: Bool = false) -> DataCell {
        let start = UInt32(bytes.count)
        bytes.append(contentsOf: text.utf8)
        return DataCell(kind: .text, quoted: quoted, start: start, count: UInt32(bytes.count) - start, position: position)
    }
}

/// A 1-based line and column in a data file; 32 bits each keep a million cells small.
public struct DataPosition: Sendable, Hashable {
    public var line: UInt32
    public var column: UInt32

    public init(line: Int, column: Int) {
        self.line = UInt32(clamping: line)
        self.column = UInt32(clamping: column)
    }
}

/// One value of a table: where its text is in the byte buffer (or its items, for a list),
/// and where it was written.
struct DataCell: Sendable {
    enum Kind: UInt8, Sendable { case absent, text, list }

    var kind: Kind
    /// Written in quotes (CSV): the text starts one column after `position`.
    var quoted: Bool
    var start: UInt32
    var count: UInt32
    var position: DataPosition

    static func absent(at position: DataPosition) -> DataCell {
        DataCell(kind: .absent, quoted: false, start: 0, count: 0, position: position)
    }

    var isEmpty: Bool { kind == .absent || count == 0 }
}

/// What a table was read from; messages say "column" for CSV and "key" for the others.
public enum DataFormat: String, Sendable, Hashable {
    case csv, yaml, json
    /// The front matter of an event page.
    case frontMatter

    var fieldWord: String { self == .csv ? "column" : "key" }
}
