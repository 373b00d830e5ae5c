extension Attendance {
    /// Reads every row of an attendance table. This is the hot path of a large load, so
    /// values are read from bytes and only the two ids become strings.
    static func decode(_ d: inout TableDecoder, source: Int, into out: inout DecodedRecords<Attendance>) {
        let cEvent = d.column("event"), cMember = d.column("member"), cRegistered = d.column("registered")
        let cAttended = d.column("attended"), cRating = d.column("rating"), cGuest = d.column("guest")
        out.records.reserveCapacity(out.records.count + d.rowCount)
        // Sheets list an event's registrations together: reuse the previous row's event
        // id when the bytes are the same, saving a string (and later a hash) per row.
        var lastEvent: (cell: DataCell, id: String)?
        for row in 0..<d.rowCount {
            var event: String?
            if let cell = d.required(row, cEvent, "event") {
                if let last = lastEvent, d.table.sameText(last.cell, cell) {
                    event = last.id
                } else {
                    let id = d.text(cell)
                    lastEvent = (cell, id)
                    event = id
                }
            }
            let member = d.required(row, cMember, "member").map { d.text($0) }
            let registered = d.required(row, cRegistered, "registered").flatMap { d.date($0, "registered") }
            let attended = d.required(row, cAttended, "attended").flatMap { d.yesNo($0, "attended") }
            let rating = d.cell(row, cRating).map { d.rating($0, "rating") }
            let guest = d.cell(row, cGuest).map { d.yesNo($0, "guest") }
            guard let event, let member, let registered, let attended, rating != .some(nil), guest != .some(nil) else { continue }
            out.records.append(Attendance(
                event: EventID(event), member: MemberID(member), registered: registered, attended: attended,
                rating: rating ?? nil, guest: (guest ?? nil) ?? false, origin: RecordOrigin(source: source, row: row)))
        }
    }
}
