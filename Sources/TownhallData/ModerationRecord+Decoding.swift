extension ModerationRecord {
    /// Reads every row of a moderation table.
    static func decode(_ d: inout TableDecoder, source: Int, into out: inout DecodedRecords<ModerationRecord>) {
        let cDate = d.column("date"), cMember = d.column("member"), cRule = d.column("rule"), cAction = d.column("action")
        for row in 0..<d.rowCount {
            let date = d.required(row, cDate, "date").flatMap { d.date($0, "date") }
            let member = d.required(row, cMember, "member").map { d.text($0) }
            let rule = d.required(row, cRule, "rule").map { d.text($0) }
            let action = d.required(row, cAction, "action").flatMap { d.choice($0, "action", as: Action.self) }
            guard let date, let member, let rule, let action else { continue }
            out.records.append(ModerationRecord(
                date: date, member: MemberID(member), rule: rule, action: action,
                origin: RecordOrigin(source: source, row: row)))
        }
    }
}
