extension DataTable {
    /// The values of a list field with their positions: the items of a YAML/JSON list, or
    /// the parts of a text separated by `;` (how CSV writes lists), trimmed, empty parts
    /// dropped. Positions of parts count from the cell's first character.
    func listValues(_ cell: DataCell) -> [(text: String, position: DataPosition)] {
        switch cell.kind {
        case .absent: return []
        case .list: return listItems(cell).map { (text($0), $0.position) }
        case .text:
            return withBytes(cell) { b in
                var out: [(String, DataPosition)] = []
                var column = Int(cell.position.column) + (cell.quoted ? 1 : 0)
                var partStart = 0
                var partColumn = column
                func flush(_ end: Int) {
                    var s = partStart, e = end, c = partColumn
                    while s < e, b[s] == 32 || b[s] == 9 { s += 1; c += 1 }
                    while e > s, b[e - 1] == 32 || b[e - 1] == 9 { e -= 1 }
                    if e > s {
                        out.append((String(decoding: UnsafeBufferPointer(rebasing: b[s..<e]), as: UTF8.self),
                                    DataPosition(line: Int(cell.position.line), column: c)))
                    }
                }
                // `column` is the column of b[k]; it moves on at the first byte of each character.
                for k in 0..<b.count {
                    if b[k] == 59 { // ;
                        flush(k)
                        partStart = k + 1
                        partColumn = column + 1
                    }
                    if b[k] & 0xC0 != 0x80 { column += 1 }
                }
                flush(b.count)
                return out
            }
        }
    }
}
