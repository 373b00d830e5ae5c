import TownhallContent
import TownhallDiagnostics

/// Checks the community data as a whole, after every record was read: duplicate ids,
/// references between kinds, cycles, impossible dates and the privacy settings. Every
/// problem is collected, each at the field that causes it.
struct CommunityValidator: Sendable {
    let data: CommunityData
    let sources: DataSources
    let decoded: Decoded
    let asOf: CalendarDate
    let privacy: PrivacySettings
    /// Worker threads for the attendance checks; 0 uses every core.
    var threads = 0

    /// The references, which are most of the work, are checked beside the rest (in turn, they
    /// kept one core busy alone); the problems come in the same order either way.
    func validate() -> [Diagnostic] {
        [0, 1, 2].concurrentMap(threads: threads) { part -> [Diagnostic] in
            switch part {
            case 0: return duplicates()
            case 1: return references()
            default:
                var out = IDCycles.find(
                    data.groups.map { ($0.id.rawValue, $0.parent?.rawValue, $0.origin) }, field: "parent",
                    message: { "group parents form a cycle: \($0)" }, sources: sources)
                out += IDCycles.find(
                    data.members.map { ($0.id.rawValue, $0.referredBy?.rawValue, $0.origin) }, field: "referred_by",
                    message: { "referral chain forms a cycle: \($0)" }, sources: sources)
                out += dateOrder()
                out += afterAsOf()
                out += privacySettings()
                return out
            }
        }.flatMap { $0 }
    }

    // MARK: - Duplicates

    func duplicates() -> [Diagnostic] {
        var out: [Diagnostic] = []
        func check<ID: Hashable & CustomStringConvertible>(_ ids: [(ID, RecordOrigin)], noun: String) {
            var first: [ID: RecordOrigin] = [:]
            first.reserveCapacity(ids.count)
            for (id, origin) in ids {
                if let earlier = first[id] {
                    out.append(.error(
                        "duplicate \(noun) id \"\(id)\"; it is already used at \(sources.location(earlier, "id"))",
                        at: sources.location(origin, "id")))
                } else {
                    first[id] = origin
                }
            }
        }
        check(data.members.map { ($0.id, $0.origin) }, noun: "member")
        check(data.groups.map { ($0.id, $0.origin) }, noun: "group")
        check(data.events.sorted { ($0.origin.source, $0.origin.row) < ($1.origin.source, $1.origin.row) }.map { ($0.id, $0.origin) }, noun: "event")
        return out
    }

    // MARK: - References

    func references() -> [Diagnostic] {
        var out: [Diagnostic] = []
        let members = ReferenceSet(
            data.members.map(\.id.rawValue) + decoded.members.failedIDs, noun: "member", complete: !decoded.incomplete.contains(.members))
        let groups = ReferenceSet(
            data.groups.map(\.id.rawValue) + decoded.groups.failedIDs, noun: "group", complete: !decoded.incomplete.contains(.groups))
        let events = ReferenceSet(
            data.events.map(\.id.rawValue) + decoded.events.failedIDs, noun: "event", complete: !decoded.incomplete.contains(.events))
        var budget = SuggestionBudget()
        for m in data.members {
            for (k, g) in m.groups.enumerated() where !groups.contains(g.rawValue) {
                out.append(.error(groups.unknown(g.rawValue, budget: &budget), at: sources.location(m.origin, "groups", item: k)))
            }
            if let r = m.referredBy, !members.contains(r.rawValue) {
                out.append(.error(members.unknown(r.rawValue, budget: &budget, label: "referrer"), at: sources.location(m.origin, "referred_by")))
            }
        }
        for g in data.groups {
            if let p = g.parent, !groups.contains(p.rawValue) {
                out.append(.error(groups.unknown(p.rawValue, budget: &budget, label: "parent group"), at: sources.location(g.origin, "parent")))
            }
        }
        for e in data.events {
            if let g = e.group, !groups.contains(g.rawValue) {
                out.append(.error(groups.unknown(g.rawValue, budget: &budget), at: sources.location(e.origin, "group")))
            }
            for (k, h) in e.hosts.enumerated() where !members.contains(h.rawValue) {
                out.append(.error(members.unknown(h.rawValue, budget: &budget, label: "host"), at: sources.location(e.origin, "hosts", item: k)))
            }
        }
        out += attendance(members: members, events: events, budget: &budget)
        for r in data.moderation where !members.contains(r.member.rawValue) {
            out.append(.error(members.unknown(r.member.rawValue, budget: &budget), at: sources.location(r.origin, "member")))
        }
        return out
    }

    /// Attendance is most of the data, so its references and duplicates are checked apart:
    /// ids are resolved to indices on every core (rows of one event come together, so the
    /// previous lookup usually answers the next), then duplicates are found by index.
    func attendance(members: ReferenceSet, events: ReferenceSet, budget: inout SuggestionBudget) -> [Diagnostic] {
        var data = self.data
        if data.attendanceIndexes.count != data.attendance.count { data.resolveAttendance(threads: threads) }
        let count = data.attendance.count
        let resolved = [data.attendanceIndexes]
        var out: [Diagnostic] = []
        var first: [UInt64: Int] = [:]
        first.reserveCapacity(count)
        var i = 0
        for part in resolved {
            for (e, m) in part {
                defer { i += 1 }
                guard e >= 0, m >= 0 else {
                    let row = data.attendance[i]
                    if e < 0, !events.contains(row.event.rawValue) {
                        out.append(.error(events.unknown(row.event.rawValue, budget: &budget), at: sources.location(row.origin, "event")))
                    }
                    if m < 0, !members.contains(row.member.rawValue) {
                        out.append(.error(members.unknown(row.member.rawValue, budget: &budget), at: sources.location(row.origin, "member")))
                    }
                    continue
                }
                let key = UInt64(UInt32(e)) << 32 | UInt64(UInt32(m))
                if let earlier = first.updateValue(i, forKey: key) {
                    first[key] = earlier
                    let row = data.attendance[i]
                    out.append(.error(
                        "member \"\(row.member)\" is registered twice for event \"\(row.event)\"; the first registration is at \(sources.location(data.attendance[earlier].origin, "member"))",
                        at: sources.location(row.origin, "member")))
                }
            }
        }
        return out
    }

    // MARK: - Dates

    /// Things that end before they begin, and sub-groups older than their parents.
    func dateOrder() -> [Diagnostic] {
        var out: [Diagnostic] = []
        for m in data.members {
            if let left = m.left, left < m.joined {
                out.append(.error(
                    "member \"\(m.id)\" left on \(left), before joining on \(m.joined)",
                    at: sources.location(m.origin, "left")))
            }
        }
        for g in data.groups {
            if let closed = g.closed, closed < g.created {
                out.append(.error(
                    "group \"\(g.id)\" closed on \(closed), before it was created on \(g.created)",
                    at: sources.location(g.origin, "closed")))
            }
            if let parentID = g.parent, let parent = data.group(parentID), g.created < parent.created {
                out.append(.error(
                    "group \"\(g.id)\" was created on \(g.created), before its parent \"\(parentID)\" (created \(parent.created))",
                    at: sources.location(g.origin, "created"),
                    notes: ["a sub-group splits off an existing group; check both dates"]))
            }
        }
        for e in data.events {
            if let end = e.end, end < e.start {
                out.append(.error(
                    "event \"\(e.id)\" ends (\(end)) before it starts (\(e.start))",
                    at: sources.location(e.origin, "end")))
            }
        }
        return out
    }

    /// Dates that record something that has happened cannot lie after the build date.
    func afterAsOf() -> [Diagnostic] {
        var out: [Diagnostic] = []
        let note = "the build date comes from --as-of, SOURCE_DATE_EPOCH or as_of in site.yaml, else today"
        func check(_ date: CalendarDate, _ what: String, _ origin: RecordOrigin, _ field: String) {
            guard date > asOf else { return }
            out.append(.error("\(what) \(date) is after the build date \(asOf)", at: sources.location(origin, field), notes: [note]))
        }
        for m in data.members { check(m.joined, "joined date", m.origin, "joined") }
        for g in data.groups { check(g.created, "created date", g.origin, "created") }
        for a in data.attendance { check(a.registered, "registration date", a.origin, "registered") }
        for r in data.moderation { check(r.date, "moderation date", r.origin, "date") }
        return out
    }

    // MARK: - Privacy

    func privacySettings() -> [Diagnostic] {
        let fields = DataKind.members.fields.map(\.name)
        var out: [Diagnostic] = []
        for (field, location) in zip(privacy.publishMemberFields, privacy.publishMemberFieldLocations) where !fields.contains(field) {
            var message = "unknown member field \"\(field)\" in privacy.publish_member_fields"
            message += Suggestion.closest(to: field, in: fields).map { "; did you mean \"\($0)\"?" }
                ?? "; member fields are \(fields.joined(separator: ", "))"
            out.append(.error(message, at: location))
        }
        return out
    }
}
