import Testing
import TownhallDiagnostics
@testable import TownhallData

@Suite struct CSVReaderTests {
    /// Reads CSV and returns every row as (value, line, column) triples.
    func rows(_ text: String) -> (rows: [[String]], positions: [[String]], diagnostics: [String], columns: [String]) {
        var diagnostics: [Diagnostic] = []
        guard let table = CSVReader.read(text, file: "t.csv", diagnostics: &diagnostics) else {
            return ([], [], diagnostics.map(\.description), [])
        }
        var values: [[String]] = []
        var positions: [[String]] = []
        for r in 0..<table.rowCount {
            values.append((0..<table.columns.count).map { table.text(table.cell(r, $0)) })
            positions.append((0..<table.columns.count).map {
                let p = table.cell(r, $0).position
                return "\(p.line):\(p.column)"
            })
        }
        return (values, positions, diagnostics.map(\.description), table.columns)
    }

    @Test func readsHeaderAndRowsWithPositions() {
        let r = rows("id,name,city\nm1,Amira K.,Northbank\nm2,Tomasz Wren,Riverside\n")
        #expect(r.columns == ["id", "name", "city"])
        #expect(r.rows == [["m1", "Amira K.", "Northbank"], ["m2", "Tomasz Wren", "Riverside"]])
        #expect(r.positions[1] == ["3:1", "3:4", "3:16"])
        #expect(r.diagnostics.isEmpty)
    }

    @Test func quotedFieldsKeepCommasQuotesAndLineBreaks() {
        let r = rows("id,location,note\ne1,\"Lock Street, Library\",\"She said \"\"bring a lamp\"\"\"\ne2,\"Millrace\nCommunity Centre\",x\ne3,y,z\n")
        #expect(r.rows == [
            ["e1", "Lock Street, Library", "She said \"bring a lamp\""],
            ["e2", "Millrace\nCommunity Centre", "x"],
            ["e3", "y", "z"],
        ])
        // The row after a two-line field starts on line 5, and columns count from its line.
        #expect(r.positions[1] == ["3:1", "3:4", "4:19"])
        #expect(r.positions[2] == ["5:1", "5:4", "5:6"])
    }

    @Test func byteOrderMarkCRLFBlankLinesAndSpacesAreHandled() {
        let r = rows("\u{FEFF}id , name\r\n\r\n  m1 ,  Amira K.  \r\n   \r\nm2,\" spaced \"\r\n")
        #expect(r.columns == ["id", "name"])
        #expect(r.rows == [["m1", "Amira K."], ["m2", " spaced "]])
        #expect(r.positions[0] == ["3:3", "3:9"])
        #expect(r.positions[1] == ["5:1", "5:4"])
        #expect(r.diagnostics.isEmpty)
    }

    /// Columns count Unicode scalars, after ASCII fields (counted as they are scanned) and
    /// after fields with other letters alike; checked against counting the line's scalars.
    @Test func columnsCountScalarsAfterAnyField() {
        let lines = ["id,name,city,note", "m1,Zoë Ünal,Łódź,ok", "  m2 ,  Amira  ,Northbank,é", "m3,\"Ça, va\",日本,x", "m4,a,b,c"]
        let r = rows(lines.joined(separator: "\n") + "\n")
        #expect(r.diagnostics.isEmpty)
        for (k, row) in r.positions.enumerated() {
            let line = lines[k + 1]
            var expected: [String] = []
            var column = 1, inQuotes = false, atFieldStart = true
            for scalar in line.unicodeScalars {
                if atFieldStart, scalar != " " { expected.append("\(k + 2):\(column)"); atFieldStart = false }
                if scalar == "\"" { inQuotes.toggle() }
                if scalar == ",", !inQuotes { atFieldStart = true }
                column += 1
            }
            #expect(row == expected, "\(line)")
        }
    }

    @Test func crlfInsideQuotesBecomesLF() {
        let r = rows("a,b\r\n\"one\r\ntwo\",x\r\n")
        #expect(r.rows == [["one\ntwo", "x"]])
    }

    @Test func lastRowWithoutNewlineAndEmptyFields() {
        let r = rows("a,b,c\n1,,3\n,,\n4,5,")
        #expect(r.rows == [["1", "", "3"], ["", "", ""], ["4", "5", ""]])
    }

    @Test func wrongFieldCountsAreErrorsAndRowsAreLeftOut() {
        let r = rows("a,b\n1,2\n1,2,3\n1\n5,6\n")
        #expect(r.rows == [["1", "2"], ["5", "6"]])
        #expect(r.diagnostics == [
            "t.csv:3:1: error: row has 3 fields but the header has 2; the row is left out",
            "t.csv:4:1: error: row has 1 field but the header has 2; the row is left out",
        ])
    }

    @Test func unclosedQuoteIsReportedAtTheOpeningQuote() {
        let r = rows("a,b\n1,2\n3,\"never closed\n4,5\n")
        #expect(r.rows == [["1", "2"]])
        #expect(r.diagnostics == ["t.csv:3:3: error: quoted field is never closed; a quote inside a quoted field is written twice (\"\")"])
    }

    @Test func textAfterClosingQuoteIsAnError() {
        let r = rows("a,b\n\"x\"y,2\n")
        #expect(r.diagnostics == ["t.csv:2:4: error: unexpected text after a closing quote; quote the whole field and double any quote inside it"])
    }

    @Test func headerIsRequired() {
        #expect(rows("").diagnostics == ["t.csv:1:1: error: the file has no header row; the first line must name the columns"])
        #expect(rows("\n\n").diagnostics.count == 1)
        #expect(rows("a,,a\n").diagnostics == [
            "t.csv:1:3: error: empty column name in the header row",
            "t.csv:1:4: error: column \"a\" appears twice in the header (first as column 1)",
        ])
    }

    @Test func columnsCountCharactersNotBytes() {
        let r = rows("name,city\nRenée,Zoë\n")
        #expect(r.positions[0] == ["2:1", "2:7"])
    }

    @Test func listValuesAreSplitOnSemicolonsWithPositions() {
        var diagnostics: [Diagnostic] = []
        let table = CSVReader.read("groups\ntea-01; electronics-bench ;;x\n\"a;b\"\n", file: "t.csv", diagnostics: &diagnostics)!
        let first = table.listValues(table.cell(0, 0))
        #expect(first.map(\.text) == ["tea-01", "electronics-bench", "x"])
        #expect(first.map(\.position.column) == [1, 9, 29])
        let quoted = table.listValues(table.cell(1, 0))
        #expect(quoted.map(\.text) == ["a", "b"])
        #expect(quoted.map(\.position.column) == [2, 4])
    }
}
