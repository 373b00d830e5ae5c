import TownhallDiagnostics
#if canImport(Glibc)
import Glibc
#endif

/// Reads CSV as RFC 4180 describes it, plus what spreadsheets really write: quoted fields
/// with doubled quotes, commas and line breaks inside; a byte-order mark; CRLF, LF or CR
/// line ends; blank lines (skipped); spaces around fields (trimmed). The first row is the
/// header. Every field keeps its line and column.
///
/// Written by hand rather than taken from SwiftCSV or CSV.swift: neither reports where a
/// field was (line and column), which every diagnostic needs, and both build a `String`
/// per field from `Character`s, several times slower on a million rows (see the README).
/// This reader works on bytes and copies each value once into the table's buffer.
public enum CSVReader {
    /// Reads UTF-8 CSV (already checked to be valid UTF-8). Returns nil when the file has
    /// no header row; problems with single rows are reported and those rows left out.
    public static func read(_ input: UnsafeBufferPointer<UInt8>, file: String, diagnostics: inout [Diagnostic]) -> DataTable? {
        var scanner = CSVScanner(input: input, file: file)
        return scanner.run(diagnostics: &diagnostics)
    }

    /// Convenience for tests and small files.
    public static func read(_ text: String, file: String, diagnostics: inout [Diagnostic]) -> DataTable? {
        var text = text
        return text.withUTF8 { read($0, file: file, diagnostics: &diagnostics) }
    }
}

/// The state of one pass over a CSV file.
private struct CSVScanner {
    let p: UnsafeBufferPointer<UInt8>
    let file: String
    var i = 0
    var line = 1
    /// A byte offset on the current line whose column is known, so that columns are
    /// counted incrementally (in Unicode scalars, like editors) without rescanning.
    var knownOffset = 0
    var knownColumn = 1
    /// The header, once read; rows are collected in flat arrays and handed to the table
    /// at the end (keeping them out of the optional table avoids copying it per row).
    var header: (names: [String], positions: [DataPosition])?
    var cells: [DataCell] = []
    var rowPositions: [DataPosition] = []
    /// Index in `cells` where the current row starts: cells are written straight into
    /// the table's array, and a row with the wrong number of fields is cut off again.
    var rowStart = 0
    var rowPosition = DataPosition(line: 1, column: 1)
    /// Values are collected here and moved into the table at the end.
    var bytes: [UInt8] = []

    static let quote: UInt8 = 34, comma: UInt8 = 44, lf: UInt8 = 10, cr: UInt8 = 13, space: UInt8 = 32, tab: UInt8 = 9

    init(input: UnsafeBufferPointer<UInt8>, file: String) {
        self.p = input
        self.file = file
        if input.count >= 3, input[0] == 0xEF, input[1] == 0xBB, input[2] == 0xBF { i = 3; knownOffset = 3 }
        bytes.reserveCapacity(input.count)
    }

    mutating func column(at offset: Int) -> Int {
        var c = knownColumn
        var k = knownOffset
        while k < offset {
            if p[k] & 0xC0 != 0x80 { c += 1 }
            k += 1
        }
        knownOffset = offset
        knownColumn = c
        return c
    }

    mutating func startLine(at offset: Int) {
        line += 1
        knownOffset = offset
        knownColumn = 1
    }

    mutating func run(diagnostics: inout [Diagnostic]) -> DataTable? {
        let n = p.count
        rowPosition = DataPosition(line: 1, column: 1)
        while true {
            while i < n, p[i] == Self.space || p[i] == Self.tab { i += 1 }
            let position = DataPosition(line: line, column: column(at: i))
            let cell: DataCell
            if i < n, p[i] == Self.quote {
                guard let quoted = quotedField(at: position, diagnostics: &diagnostics) else {
                    // The rest of the file is inside the quote: keep the rows before it.
                    cells.removeLast(cells.count - rowStart)
                    return finish(diagnostics: &diagnostics)
                }
                cell = quoted
            } else {
                let s = i
                var high: UInt8 = 0
                while i < n {
                    let b = p[i]
                    if b == Self.comma || b == Self.lf || b == Self.cr { break }
                    high |= b
                    i += 1
                }
                // An ASCII field moves the column by its length: the next field's column is
                // then not counted over its bytes a second time (a fifth of reading a CSV).
                if high < 0x80, knownOffset == s {
                    knownColumn += i - s
                    knownOffset = i
                }
                var e = i
                while e > s, p[e - 1] == Self.space || p[e - 1] == Self.tab { e -= 1 }
                let start = UInt32(bytes.count)
                if e > s { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: p[s..<e])) }
                cell = DataCell(kind: .text, quoted: false, start: start, count: UInt32(e - s), position: position)
            }
            cells.append(cell)
            if i < n, p[i] == Self.comma {
                i += 1
                continue
            }
            endRow(diagnostics: &diagnostics)
            if i >= n { break }
            if p[i] == Self.cr, i + 1 < n, p[i + 1] == Self.lf { i += 2 } else { i += 1 }
            startLine(at: i)
            rowPosition = DataPosition(line: line, column: 1)
        }
        return finish(diagnostics: &diagnostics)
    }

    /// A field in double quotes, starting at `p[i] == "`. Doubled quotes become one; CRLF
    /// and CR inside become LF, so values do not depend on the editor that saved them.
    mutating func quotedField(at position: DataPosition, diagnostics: inout [Diagnostic]) -> DataCell? {
        let n = p.count
        i += 1
        let start = UInt32(bytes.count)
        var segment = i
        while true {
            while i < n {
                let b = p[i]
                if b == Self.quote { break }
                if b == Self.lf {
                    startLine(at: i + 1)
                } else if b == Self.cr {
                    bytes.append(contentsOf: UnsafeBufferPointer(rebasing: p[segment..<i]))
                    if i + 1 < n, p[i + 1] == Self.lf {
                        segment = i + 1 // the LF is kept with the next segment
                    } else {
                        bytes.append(Self.lf)
                        segment = i + 1
                        startLine(at: i + 1)
                    }
                }
                i += 1
            }
            guard i < n else {
                diagnostics.append(.error(
                    "quoted field is never closed; a quote inside a quoted field is written twice (\"\")",
                    at: SourceLocation(file: file, line: Int(position.line), column: Int(position.column))))
                return nil
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: p[segment..<i]))
            if i + 1 < n, p[i + 1] == Self.quote {
                bytes.append(Self.quote)
                i += 2
                segment = i
                continue
            }
            i += 1
            break
        }
        let count = UInt32(bytes.count) - start
        while i < n, p[i] == Self.space || p[i] == Self.tab { i += 1 }
        if i < n, p[i] != Self.comma, p[i] != Self.lf, p[i] != Self.cr {
            diagnostics.append(.error(
                "unexpected text after a closing quote; quote the whole field and double any quote inside it",
                at: SourceLocation(file: file, line: line, column: column(at: i))))
            while i < n, p[i] != Self.comma, p[i] != Self.lf, p[i] != Self.cr { i += 1 }
        }
        return DataCell(kind: .text, quoted: true, start: start, count: count, position: position)
    }

    mutating func endRow(diagnostics: inout [Diagnostic]) {
        let count = cells.count - rowStart
        // A blank line (or one of only spaces) is not a row.
        if count == 1, cells[rowStart].count == 0, !cells[rowStart].quoted {
            cells.removeLast()
            return
        }
        guard let header else {
            makeHeader(diagnostics: &diagnostics)
            cells.removeAll(keepingCapacity: true)
            return
        }
        if count != header.names.count {
            let more = count > header.names.count
            diagnostics.append(.error(
                "row has \(count) \(count == 1 ? "field" : "fields") but the header has \(header.names.count); the row is left out",
                at: SourceLocation(file: file, line: Int(rowPosition.line), column: 1),
                notes: more ? ["a value with a comma in it must be in double quotes: \"Lock Street, Library\""] : []))
            cells.removeLast(count)
            return
        }
        rowPositions.append(rowPosition)
        rowStart = cells.count
    }

    mutating func makeHeader(diagnostics: inout [Diagnostic]) {
        let row = Array(cells[rowStart...])
        var names: [String] = []
        var seen: [String: Int] = [:]
        for cell in row {
            let name = bytes.withUnsafeBufferPointer {
                String(decoding: UnsafeBufferPointer(rebasing: $0[Int(cell.start)..<Int(cell.start + cell.count)]), as: UTF8.self)
            }
            let location = SourceLocation(file: file, line: Int(cell.position.line), column: Int(cell.position.column))
            if name.isEmpty {
                diagnostics.append(.error("empty column name in the header row", at: location))
            } else if let first = seen[name] {
                diagnostics.append(.error("column \"\(name)\" appears twice in the header (first as column \(first + 1))", at: location))
            }
            seen[name] = seen[name] ?? names.count
            names.append(name)
        }
        header = (names, row.map(\.position))
        // Reserve the cells once: lines left × columns. Growing by doubling instead would
        // allocate (and fault in) up to twice the memory for a million rows.
        var lines = 1
        if let base = p.baseAddress {
            // Line feeds found with `memchr`: a loop over every byte of a 44 MB file showed.
            var at = i
            while at < p.count, let found = memchr(base + at, Int32(Self.lf), p.count - at) {
                lines += 1
                at = base.distance(to: found.assumingMemoryBound(to: UInt8.self)) + 1
            }
        }
        cells.reserveCapacity(lines * names.count)
        rowPositions.reserveCapacity(lines)
    }

    mutating func finish(diagnostics: inout [Diagnostic]) -> DataTable? {
        guard let header else {
            diagnostics.append(.error(
                "the file has no header row; the first line must name the columns",
                at: SourceLocation(file: file, line: 1, column: 1)))
            return nil
        }
        var table = DataTable(file: file, format: .csv, columns: header.names, columnPositions: header.positions)
        table.cells = cells
        table.rowPositions = rowPositions
        table.bytes = bytes
        cells = []
        rowPositions = []
        bytes = []
        return table
    }
}
