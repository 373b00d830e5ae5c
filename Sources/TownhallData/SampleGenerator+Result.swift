import Foundation
import TownhallContent

extension SampleState {
    /// The generated records with their ids: members `m0001`… in order of joining.
    func result() -> SampleData {
        let width = max(4, String(people.count).count)
        func memberID(_ p: Int) -> MemberID {
            let n = String(p + 1)
            return MemberID("m" + String(repeating: "0", count: width - n.count) + n)
        }
        let origin = RecordOrigin(source: 0, row: 0)
        let members = people.enumerated().map { p, person in
            Member(
                id: memberID(p), name: person.name, joined: person.joined, left: person.left, role: person.role,
                tier: person.tier, groups: person.groups.map { GroupID(groups[$0].id) },
                referredBy: person.referrer.map(memberID), city: SampleText.cities[person.city],
                email: Self.email(person.name, p), phone: p % 3 == 2 ? nil : Self.phone(p), origin: origin)
        }
        let groupRecords = groups.map { g in
            Group(
                id: GroupID(g.id), name: g.name, parent: g.parent.map { GroupID(groups[$0].id) }, created: g.created,
                closed: g.closed, kind: g.kind, carrier: g.carrier, purpose: g.purpose, origin: origin)
        }
        let eventRecords = events.filter { !$0.fromPage }.map { e in
            Event(
                id: EventID(e.id), title: e.title, start: e.start, end: e.end, kind: e.kind,
                group: e.group.map { GroupID(groups[$0].id) }, location: e.location, capacity: e.capacity,
                hosts: e.hosts.map(memberID), fee: e.fee, plan: e.plan, recap: e.recap, origin: origin)
        }
        let eventIDs = events.map { EventID($0.id) }
        let memberIDs = people.indices.map(memberID)
        let rows = attendance.map { a in
            Attendance(
                event: eventIDs[a.event], member: memberIDs[a.person], registered: a.registered, attended: a.attended,
                rating: a.rating, guest: a.guest, origin: origin)
        }
        let records = moderation.map { r in
            ModerationRecord(date: r.date, member: memberIDs[r.person], rule: r.rule, action: r.action, origin: origin)
        }
        return SampleData(members: members, groups: groupRecords, events: eventRecords, attendance: rows, moderation: records)
    }

    /// `amira.kaur.42@example.org`: example.org is reserved for examples (RFC 2606).
    static func email(_ name: String, _ p: Int) -> String {
        let folded = name.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
        var local = ""
        for scalar in folded.lowercased().unicodeScalars {
            if scalar >= "a" && scalar <= "z" { local.unicodeScalars.append(scalar) } else if scalar == " " { local += "." }
        }
        return "\(local).\(p + 1)@example.org"
    }

    /// Numbers in 020 7946 0000–0999, which Ofcom keeps for drama and examples.
    static func phone(_ p: Int) -> String {
        let n = String(p % 1000)
        return "+44 20 7946 0" + String(repeating: "0", count: 3 - n.count) + n
    }
}
