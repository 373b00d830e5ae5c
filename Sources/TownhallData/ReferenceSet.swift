import TownhallDiagnostics

/// The ids of one kind, for checking references and wording "unknown …" errors. A class
/// so that the sorted list (for suggestions) is made once, and only when an error needs it.
final class ReferenceSet {
    let ids: Set<String>
    let noun: String
    /// False when a file of the kind could not be read whole: then any id may exist.
    let complete: Bool
    private(set) lazy var sorted: [String] = ids.sorted()

    init(_ ids: [String], noun: String, complete: Bool = true) {
        self.ids = Set(ids)
        self.noun = noun
        self.complete = complete
    }

    func contains(_ id: String) -> Bool { !complete || ids.contains(id) }

    /// `unknown group "tea-2"; did you mean "tea-02"?`, or the known ids when there are few.
    func unknown(_ id: String, budget: inout SuggestionBudget, label: String? = nil) -> String {
        let sorted = self.sorted
        var message = "unknown \(label ?? noun) \"\(id)\""
        if budget.spend(), let guess = Suggestion.closest(to: id, in: sorted) {
            message += "; did you mean \"\(guess)\"?"
        } else if sorted.isEmpty {
            message += "; there are no \(noun)s"
        } else if sorted.count <= 8 {
            message += "; known \(noun)s are \(sorted.joined(separator: ", "))"
        }
        return message
    }
}

/// "Did you mean" compares a name with every id; with 100,000 members and a file full of
/// bad references that would take minutes, so only the first few errors get a suggestion.
struct SuggestionBudget {
    var remaining = 200

    mutating func spend() -> Bool {
        guard remaining > 0 else { return false }
        remaining -= 1
        return true
    }
}
