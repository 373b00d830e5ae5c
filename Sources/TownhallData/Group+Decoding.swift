extension Group {
    /// Reads every row of a groups table.
    static func decode(_ d: inout TableDecoder, source: Int, into out: inout DecodedRecords<Group>) {
        let cID = d.column("id"), cName = d.column("name"), cParent = d.column("parent"), cCreated = d.column("created")
        let cClosed = d.column("closed"), cKind = d.column("kind"), cCarrier = d.column("carrier"), cPurpose = d.column("purpose")
        for row in 0..<d.rowCount {
            let id = d.required(row, cID, "id").flatMap { d.id($0, "id") }
            let name = d.required(row, cName, "name").map { d.text($0) }
            let created = d.required(row, cCreated, "created").flatMap { d.date($0, "created") }
            let kind = d.required(row, cKind, "kind").flatMap { d.choice($0, "kind", as: Kind.self) }
            let closed = d.cell(row, cClosed).map { d.date($0, "closed") }
            guard let id, let name, let created, let kind, closed != .some(nil) else {
                if let id { out.failedIDs.append(id) }
                continue
            }
            out.records.append(Group(
                id: GroupID(id), name: name, parent: d.cell(row, cParent).map { GroupID(d.text($0)) },
                created: created, closed: closed ?? nil, kind: kind,
                carrier: d.cell(row, cCarrier).map(d.text), purpose: d.cell(row, cPurpose).map(d.text),
                origin: RecordOrigin(source: source, row: row)))
        }
    }
}
