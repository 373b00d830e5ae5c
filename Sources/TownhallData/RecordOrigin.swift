/// Where a record was read: which table of the load (`DataSources`) and which row. Eight
/// bytes instead of a location per field, which matters with a million attendance rows;
/// the location of any field is looked up in the table when a diagnostic needs it.
public struct RecordOrigin: Sendable, Hashable {
    public var source: Int32
    public var row: Int32

    public init(source: Int, row: Int) {
        self.source = Int32(source)
        self.row = Int32(row)
    }
}
