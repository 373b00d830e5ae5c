import TownhallContent

extension SampleData {
    /// The files of the data folder: members, events, attendance and moderation as CSV,
    /// groups as YAML (so the sample exercises both readers).
    public func files() -> [(name: String, bytes: [UInt8])] {
        [
            ("members.csv", membersCSV()), ("groups.yaml", groupsYAML()), ("events.csv", eventsCSV()),
            ("attendance.csv", attendanceCSV()), ("moderation.csv", moderationCSV()),
        ]
    }

    func membersCSV() -> [UInt8] {
        var w = CSVWriter(header: DataKind.members.fields.map(\.name))
        for m in members {
            w.field(m.id.rawValue); w.field(m.name); w.field(m.joined); w.field(m.left); w.field(m.role?.rawValue)
            w.field(m.tier.rawValue); w.field(m.groups.map(\.rawValue).joined(separator: ";")); w.field(m.referredBy?.rawValue)
            w.field(m.city); w.field(m.email); w.field(m.phone)
            w.endRow()
        }
        return w.bytes
    }

    func eventsCSV() -> [UInt8] {
        var w = CSVWriter(header: DataKind.events.fields.map(\.name))
        for e in events {
            w.field(e.id.rawValue); w.field(e.title); w.field(e.start.description.replacingOccurrences(of: "T", with: " "))
            w.field(e.end?.clockText); w.field(e.kind.rawValue); w.field(e.group?.rawValue); w.field(e.location)
            w.field(e.capacity); w.field(e.hosts.map(\.rawValue).joined(separator: ";")); w.field(e.fee)
            w.field(e.plan); w.field(e.recap)
            w.endRow()
        }
        return w.bytes
    }

    func attendanceCSV() -> [UInt8] {
        var w = CSVWriter(capacity: attendance.count * 48 + 64)
        for name in DataKind.attendance.fields.map(\.name) { w.field(name) }
        w.endRow()
        for a in attendance {
            w.field(a.event.rawValue); w.field(a.member.rawValue); w.field(a.registered)
            w.field(a.attended ? "yes" : "no")
            if let rating = a.rating { w.field(Int(rating)) } else { w.separator() }
            w.field(a.guest ? "yes" : "no")
            w.endRow()
        }
        return w.bytes
    }

    func moderationCSV() -> [UInt8] {
        var w = CSVWriter(header: DataKind.moderation.fields.map(\.name))
        for r in moderation {
            w.field(r.date); w.field(r.member.rawValue); w.field(r.rule); w.field(r.action.rawValue)
            w.endRow()
        }
        return w.bytes
    }

    func groupsYAML() -> [UInt8] {
        var out = "# Groups of the sample community, written by `townhall sample`.\n"
        for g in groups {
            out += "- id: \(g.id.rawValue)\n"
            out += "  name: \(Self.yamlQuote(g.name))\n"
            if let parent = g.parent { out += "  parent: \(parent.rawValue)\n" }
            out += "  created: \(g.created)\n"
            if let closed = g.closed { out += "  closed: \(closed)\n" }
            out += "  kind: \(g.kind.rawValue)\n"
            if let carrier = g.carrier { out += "  carrier: \(Self.yamlQuote(carrier))\n" }
            if let purpose = g.purpose { out += "  purpose: \(Self.yamlQuote(purpose))\n" }
        }
        return Array(out.utf8)
    }

    /// A double-quoted YAML string: always safe, whatever the text.
    static func yamlQuote(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
