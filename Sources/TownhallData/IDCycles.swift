import TownhallDiagnostics

/// Finds cycles in a "points to one other" relation (group → parent, member → referrer).
/// Each cycle is reported once, at the field of its smallest id, listing the whole loop.
enum IDCycles {
    static func find(
        _ records: [(id: String, next: String?, origin: RecordOrigin)], field: String,
        message: (String) -> String, sources: DataSources
    ) -> [Diagnostic] {
        var index: [String: Int] = [:]
        index.reserveCapacity(records.count)
        for (i, r) in records.enumerated() where index[r.id] == nil { index[r.id] = i }
        // 0: not visited, 1: on the current path, 2: done.
        var state = [UInt8](repeating: 0, count: records.count)
        var out: [Diagnostic] = []
        for start in records.indices where state[start] == 0 {
            var path: [Int] = []
            var current: Int? = start
            while let i = current, state[i] == 0 {
                state[i] = 1
                path.append(i)
                current = records[i].next.flatMap { index[$0] }
            }
            if let i = current, state[i] == 1, let from = path.firstIndex(of: i) {
                let loop = Array(path[from...])
                let first = loop.min { records[$0].id < records[$1].id }!
                let at = loop.firstIndex(of: first)!
                let ordered = Array(loop[at...] + loop[..<at])
                let text = (ordered + [first]).map { records[$0].id }.joined(separator: " → ")
                out.append(.error(message(text), at: sources.location(records[first].origin, field)))
            }
            for i in path { state[i] = 2 }
        }
        return out
    }
}
