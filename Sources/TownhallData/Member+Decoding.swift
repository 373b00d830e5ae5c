extension Member {
    /// Reads every row of a members table.
    static func decode(_ d: inout TableDecoder, source: Int, into out: inout DecodedRecords<Member>) {
        let cID = d.column("id"), cName = d.column("name"), cJoined = d.column("joined"), cLeft = d.column("left")
        let cRole = d.column("role"), cTier = d.column("tier"), cGroups = d.column("groups")
        let cReferrer = d.column("referred_by"), cCity = d.column("city"), cEmail = d.column("email"), cPhone = d.column("phone")
        out.records.reserveCapacity(out.records.count + d.rowCount)
        for row in 0..<d.rowCount {
            let id = d.required(row, cID, "id").flatMap { d.id($0, "id") }
            let name = d.required(row, cName, "name").map { d.text($0) }
            let joined = d.required(row, cJoined, "joined").flatMap { d.date($0, "joined") }
            let tier = d.required(row, cTier, "tier").flatMap { d.choice($0, "tier", as: Tier.self) }
            var ok = true
            let left = d.cell(row, cLeft).map { d.date($0, "left") }
            if case .some(nil) = left { ok = false }
            let role = d.cell(row, cRole).map { d.choice($0, "role", as: Role.self) }
            if case .some(nil) = role { ok = false }
            guard ok, let id, let name, let joined, let tier else {
                if let id { out.failedIDs.append(id) }
                continue
            }
            out.records.append(Member(
                id: MemberID(id), name: name, joined: joined, left: left ?? nil, role: role ?? nil, tier: tier,
                groups: d.list(d.cell(row, cGroups)).map { GroupID($0) },
                referredBy: d.cell(row, cReferrer).map { MemberID(d.text($0)) },
                city: d.cell(row, cCity).map(d.text), email: d.cell(row, cEmail).map(d.text),
                phone: d.cell(row, cPhone).map(d.text),
                origin: RecordOrigin(source: source, row: row)))
        }
    }
}
