/// A set of strings that usually holds a few: a page's heading ids, a front matter's keys.
/// A few are found faster by comparing them than by hashing each (hashing was a sixth of
/// giving a page's headings their ids); a `Set` takes over once it holds many.
public struct SmallStringSet {
    private var few: [String] = []
    private var many: Set<String>?
    static let limit = 32

    public init() {}

    public func contains(_ string: String) -> Bool {
        many?.contains(string) ?? few.contains(string)
    }

    /// Adds `string`; false when it was there already.
    @discardableResult
    public mutating func insert(_ string: String) -> Bool {
        if many != nil { return many!.insert(string).inserted }
        if few.contains(string) { return false }
        if few.count < Self.limit {
            few.append(string)
        } else {
            many = Set(few + [string])
            few = []
        }
        return true
    }
}
