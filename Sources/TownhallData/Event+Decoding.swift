extension Event {
    /// What an event page supplies besides its front matter.
    struct PageDefaults {
        /// The file name without `.md`: the id when the front matter gives none.
        var stem: String
        var title: String
        /// Relative to the content folder: `events/2026-12-05-repair-cafe.md`.
        var sourcePath: String
    }

    /// Reads the rows of an events table, or the single record of an event page.
    static func decode(_ d: inout TableDecoder, source: Int, page: PageDefaults? = nil, into out: inout DecodedRecords<Event>) {
        let cID = d.column("id"), cTitle = d.column("title"), cDate = d.column("date"), cEnd = d.column("end")
        let cKind = d.column("kind"), cGroup = d.column("group"), cLocation = d.column("location")
        let cCapacity = d.column("capacity"), cHosts = d.column("hosts"), cFee = d.column("fee")
        let cPlan = d.column("plan"), cRecap = d.column("recap")
        for row in 0..<d.rowCount {
            var id: String?
            if let page, d.cell(row, cID) == nil {
                id = page.stem
            } else {
                id = d.required(row, cID, "id").flatMap { d.id($0, "id") }
            }
            if let page, let given = id, given != page.stem, let cell = d.cell(row, cID) {
                d.diagnostics.append(.error(
                    "event id \"\(given)\" differs from the file name \"\(page.stem).md\"; an event page is published at events/<id>/",
                    at: d.location(cell), notes: ["rename the file to \(given).md, or remove `id:` to use the file name"]))
                id = nil
            }
            let title = page.map { $0.title } ?? d.required(row, cTitle, "title").map { d.text($0) }
            let start = d.required(row, cDate, "date").flatMap { d.eventTime($0, "date") }
            let kind = d.required(row, cKind, "kind").flatMap { d.choice($0, "kind", as: Kind.self) }
            let location = d.required(row, cLocation, "location").map { d.text($0) }
            let capacity = d.required(row, cCapacity, "capacity").flatMap { d.whole($0, "capacity") }
            let hostsCell = d.required(row, cHosts, "hosts")
            var end: EventTime??
            if let cell = d.cell(row, cEnd) {
                // `end: 17:00` is a time on the start day.
                if let start, let minutes = EventTime.clock(d.text(cell)) {
                    end = EventTime(date: start.date, minutes: minutes)
                } else {
                    end = d.eventTime(cell, "end")
                }
            }
            guard let id, let title, let start, let kind, let location, let capacity, hostsCell != nil, end != .some(nil) else {
                if let id { out.failedIDs.append(id) }
                continue
            }
            out.records.append(Event(
                id: EventID(id), title: title, start: start, end: end ?? nil, kind: kind,
                group: d.cell(row, cGroup).map { GroupID(d.text($0)) }, location: location, capacity: capacity,
                hosts: d.list(hostsCell).map { MemberID($0) }, fee: d.cell(row, cFee).map(d.text),
                plan: page == nil ? d.cell(row, cPlan).map(d.text) : nil, recap: d.cell(row, cRecap).map(d.text),
                page: page?.sourcePath, origin: RecordOrigin(source: source, row: row)))
        }
    }
}
