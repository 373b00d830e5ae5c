// Reads one CSV file with Townhall's reader, SwiftCSV or CSV.swift and counts rows and
// field bytes, so the three can be compared (and checked to agree). See README.md.
//
//   swift build -c release
//   .build/release/Bench attendance.csv townhall|swiftcsv|csvswift
import Foundation
import SwiftCSV
import Yaslab
import MiniData
import TownhallDiagnostics

let path = CommandLine.arguments[1]
let which = CommandLine.arguments[2]
let data = try Data(contentsOf: URL(fileURLWithPath: path))
let clock = ContinuousClock()
let start = clock.now
var rows = 0
var fieldChars = 0
switch which {
case "swiftcsv":
    let text = String(decoding: data, as: UTF8.self)
    let csv = try EnumeratedCSV(string: text, loadColumns: false)
    rows = csv.rows.count
    for row in csv.rows { for f in row { fieldChars += f.utf8.count } }
case "csvswift":
    let text = String(decoding: data, as: UTF8.self)
    (rows, fieldChars) = try yaslabParse(text)
case "townhall":
    var diagnostics: [Diagnostic] = []
    let table = data.withUnsafeBytes { raw in
        MiniData.CSVReader.read(raw.assumingMemoryBound(to: UInt8.self), file: path, diagnostics: &diagnostics)
    }!
    rows = table.rowCount
    for r in 0..<table.rowCount { for c in 0..<table.columns.count { fieldChars += table.text(row: r, column: c).utf8.count } }
default: fatalError()
}
let elapsed = clock.now - start
print("\(which): \(rows) rows, \(fieldChars) bytes of fields, \(elapsed)")
