/// The words the generated handbook is written with: plain ASCII without quotes, colons or
/// Markdown punctuation, so titles are safe in YAML and headings get the same ids in
/// Townhall and Hugo (both follow GitHub's rule).
enum Vocabulary {
    static let sections = [
        "governance", "membership", "events", "workshops", "safety", "volunteering",
        "communications", "finance", "partnerships", "mentoring", "onboarding", "conduct",
        "groups", "venues", "tools", "projects", "outreach", "training", "archives", "support",
    ]

    static let chapterTopics = [
        "planning", "hosting", "follow-up", "budgets", "rotas", "equipment", "rooms", "welcome",
        "feedback", "records", "newsletters", "sponsors", "schools", "libraries", "repairs",
        "sewing", "electronics", "bicycles", "gardens", "kitchens", "youth", "elders", "online",
        "translations", "accessibility", "insurance", "first-aid", "storage", "transport",
        "photography", "signage", "surveys", "elections", "meetings", "minutes", "grants",
        "fundraising", "merchandise", "stalls", "festivals",
    ]

    static let tags = [
        "events", "safety", "onboarding", "governance", "volunteers", "finance", "tools",
        "communication", "accessibility", "mentoring", "repair", "outreach",
    ]

    static let titleVerbs = [
        "Running", "Planning", "Hosting", "Reviewing", "Welcoming", "Recording", "Sharing",
        "Funding", "Closing", "Opening", "Preparing", "Measuring", "Organising", "Choosing",
        "Training", "Supporting", "Moving", "Starting", "Keeping", "Improving", "Booking",
        "Cleaning", "Teaching", "Inviting",
    ]

    static let titleAdjectives = [
        "small", "quiet", "monthly", "weekly", "seasonal", "online", "outdoor", "shared",
        "safe", "friendly", "regular", "first", "annual", "local", "temporary", "open",
        "informal", "public", "paid", "free", "evening", "weekend", "joint", "youth",
    ]

    static let titleNouns = [
        "workshops", "repair evenings", "meetups", "tool libraries", "work parties", "socials",
        "training days", "stalls", "talks", "clinics", "sub-groups", "reading circles",
        "committees", "rotas", "newsletters", "surveys", "budgets", "partnerships", "visits",
        "exhibitions", "fairs", "swaps", "courses", "open days", "sign-ups", "reviews",
        "elections", "hackathons", "garden days", "sewing circles",
    ]

    static let subjects = [
        "The host", "Every volunteer", "A new member", "The steward on duty", "Each organiser",
        "The welcome team", "Anyone who joins", "The trainer", "A content editor",
        "Member support", "The venue lead", "The treasurer", "Each sub-group", "The founder",
        "Our partner charity", "The safety officer", "A returning guest", "The events team",
        "Whoever opens the room", "The secretary", "A first-time helper", "The coordinator",
    ]

    static let verbs = [
        "checks", "explains", "prepares", "records", "reviews", "shares", "agrees on",
        "writes down", "keeps", "announces", "plans", "tidies", "collects", "updates",
        "confirms", "organises", "prints", "sends out", "looks after", "hands over",
        "counts", "signs off", "puts up", "archives", "discusses", "tests",
    ]

    static let objects = [
        "the sign-in sheet", "the safety briefing", "the tool inventory", "the event plan",
        "a short summary", "the list of newcomers", "the shared calendar",
        "the attendance figures", "the budget for the quarter", "the code of conduct",
        "the repair log", "the room layout", "the follow-up message", "the volunteer rota",
        "the first aid kit", "the welcome pack", "the meeting notes", "the key box",
        "the feedback form", "the photo consent list", "the donation jar", "the door signs",
        "the loan register", "the parts order", "the risk assessment", "the agenda",
        "the name badges", "the group chat rules", "the mailing list", "the spare chairs",
    ]

    static let modifiers = [
        "before the doors open", "at the end of every evening", "within a week",
        "so that nobody is left out", "with help from a second volunteer",
        "whenever the venue changes", "as described below", "every month",
        "for the next meeting", "without waiting for a reminder", "in plain language",
        "on the shared drive", "after each event", "at least twice a year",
        "before anyone starts work", "in the order agreed last year", "while guests arrive",
        "during the quiet hour", "on the noticeboard", "together with the host",
        "if the weather turns", "once the room is set up", "for every new sub-group",
        "in both languages", "before the season starts",
    ]

    static let reasons = [
        "because guests notice small details", "so that the next team can pick up easily",
        "since most questions come up on the day", "because memory is unreliable after a long evening",
        "so newcomers know who to ask", "because the venue asks for it",
        "since the figures feed the annual report", "so nobody has to guess",
        "because it keeps the evening calm", "since our insurance depends on it",
        "so that quieter members get a say", "because it has saved us before",
    ]

    static let openers = [
        "In practice,", "As a rule,", "Most of the time,", "When in doubt,", "Over the years,",
        "For larger events,", "At smaller gatherings,", "If a volunteer is missing,",
        "From experience,", "On busy nights,", "Where possible,", "Every season,",
    ]

    static let headings = [
        "Why this matters", "Before the event", "On the day", "After the event",
        "Who is responsible", "Common questions", "What we have learned", "Getting started",
        "Roles and duties", "Tools and materials", "Safety notes", "Budget and costs",
        "Keeping records", "Working with partners", "When things go wrong", "Checklists",
        "Examples from past years", "Timeline", "Accessibility", "Communication",
        "How decisions are made", "Review and feedback", "Handing over", "Open questions",
    ]

    static let subheadings = [
        "For hosts", "For volunteers", "For newcomers", "Small groups", "Large events",
        "Online sessions", "Rooms and venues", "Equipment", "Follow up", "First steps",
        "Exceptions", "Costs", "Templates", "Reminders", "Children and families",
        "Bad weather", "Late changes", "Lost property",
    ]

    static let indexHeadings = ["Overview", "How to use these pages", "Who keeps this part"]

    static let codeWords = [
        "members.csv", "events.yaml", "rota.md", "townhall build", "townhall check",
        "site.yaml", "#welcome", "#volunteers", "loans.csv", "door-code", "notes/2025",
    ]

    static let people = [
        "Amira K.", "Tom B.", "Priya S.", "Jonas W.", "Lea M.", "Kofi A.", "Marta R.",
        "Sam O.", "Noor H.", "Ivan P.", "Chloe D.", "Yusuf E.",
    ]

    static let roles = ["host", "steward", "trainer", "treasurer", "volunteer", "founder", "member"]
}
