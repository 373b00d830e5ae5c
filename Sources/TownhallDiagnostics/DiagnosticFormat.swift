/// How diagnostics are printed: for people, for programs, or for GitHub Actions.
public enum DiagnosticFormat: String, Sendable, CaseIterable {
    case text, json, github
}
