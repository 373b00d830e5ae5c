import TownhallContent

/// Who belonged to each group when. The member list says which groups a member is in, not
/// since when, so a membership is taken to run from the later of joining and the group's
/// creation to the earlier of leaving and the group's closing.
public struct GroupMembership: Sendable {
    /// Per group (in `data.groups` order), the day numbers each membership starts and ends
    /// (end exclusive; `Int.max` while it lasts).
    let spans: [[(start: Int, end: Int)]]

    public init(_ data: CommunityData) {
        var spans = [[(start: Int, end: Int)]](repeating: [], count: data.groups.count)
        for member in data.members where member.tier != .guest {
            for id in member.groups {
                guard let g = data.groupIndex[id] else { continue }
                let group = data.groups[g]
                let start = max(member.joined.dayNumber, group.created.dayNumber)
                let end = min(member.left?.dayNumber ?? Int.max, group.closed?.dayNumber ?? Int.max)
                if start < end { spans[g].append((start, end)) }
            }
        }
        self.spans = spans
    }

    /// Members of the group (index into `data.groups`) on `date`.
    public func size(of group: Int, on date: CalendarDate) -> Int {
        let day = date.dayNumber
        return spans[group].reduce(0) { $0 + ($1.start <= day && day < $1.end ? 1 : 0) }
    }

    /// The last day of each quarter from `from` up to `through`, then `through` itself when
    /// it is not a quarter end: the points of a "size over time" table.
    public static func quarterEnds(from: CalendarDate, through: CalendarDate) -> [CalendarDate] {
        guard from <= through else { return [] }
        var out: [CalendarDate] = []
        var year = from.year
        var quarter = (from.month - 1) / 3
        while true {
            let month = quarter * 3 + 3
            let end = CalendarDate(year: year, month: month, day: CalendarDate.daysIn(month: month, year: year))!
            if end >= through { break }
            out.append(end)
            quarter += 1
            if quarter == 4 { quarter = 0; year += 1 }
        }
        out.append(through)
        return out
    }
}
