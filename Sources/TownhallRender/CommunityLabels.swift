import TownhallData

/// Words for the community's enums, as pages show them.
enum CommunityLabels {
    static func event(_ kind: Event.Kind) -> String {
        switch kind {
        case .meetup: return "Meet-up"
        case .talk: return "Talk"
        case .workshop: return "Workshop"
        case .online: return "Online session"
        }
    }

    static func group(_ kind: Group.Kind) -> String {
        switch kind {
        case .interest: return "Interest group"
        case .local: return "Local group"
        case .industry: return "Industry group"
        case .temporary: return "Temporary group"
        }
    }

    static func status(_ status: String) -> String {
        switch status {
        case "dormant": return "Dormant (no event for three months)"
        case "closed": return "Closed"
        default: return "Active"
        }
    }
}
