/// The records read from one or more tables of a kind, and the ids of rows that could not
/// be read. Those ids still count as known, so that one bad member row does not turn
/// into an "unknown member" error on every attendance row that names the member.
struct DecodedRecords<Record: Sendable>: Sendable {
    var records: [Record] = []
    var failedIDs: [String] = []

    /// Appends another file's records; the first file's array is taken over as it is
    /// rather than copied element by element (a million rows would be a million copies).
    /// Nothing is appended for a file with none: appending even nothing to an array the
    /// file's result still holds copied it whole.
    mutating func merge(_ other: DecodedRecords) {
        if records.isEmpty { records = other.records } else if !other.records.isEmpty { records += other.records }
        if !other.failedIDs.isEmpty { failedIDs += other.failedIDs }
    }
}
