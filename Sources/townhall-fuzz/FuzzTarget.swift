/// One function under fuzzing: takes arbitrary bytes, must neither crash nor hang, and
/// checks its own invariants with `precondition` (a failed one is a finding).
struct FuzzTarget: Sendable {
    let name: String
    let run: @Sendable ([UInt8]) -> Void
}
