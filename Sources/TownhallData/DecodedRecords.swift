/// The records read from one or more tables of a kind, and the ids of rows that could not
/// be read. Those ids still count as known, so that one bad member row does not turn
/// into an "unknown member" error on every attendance row that names the member.
struct DecodedRecords<Record: Sendable>: Sendable {
    var records: [Record] = []
    var failedIDs: [String] = []
}
