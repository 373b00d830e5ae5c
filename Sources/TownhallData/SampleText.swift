/// Words for the sample community: names, parts of the city, venues, titles, plans and
/// recaps. Fictional throughout; contact details use example.org and the UK's drama
/// number range (020 7946 0xxx), which are reserved for fiction.
enum SampleText {
    static let firstNames = [
        "Amira", "Ben", "Chloé", "Dmitri", "Efua", "Farid", "Greta", "Hiro", "Ines", "Jonas", "Kwame", "Lena",
        "Mateo", "Nadia", "Oisín", "Priya", "Quentin", "Rosa", "Samir", "Tilde", "Uma", "Viktor", "Wen", "Yusuf",
        "Zofia", "Aled", "Bea", "Callum", "Dara", "Elif", "Femi", "Gwen", "Hamza", "Ida", "Jun", "Kasia", "Luca",
        "Mei", "Niamh", "Olu", "Pavel", "Rhiannon", "Sven", "Tariq", "Ulla", "Vera", "Wiebke", "Xavier", "Yara",
        "Zainab", "Anouk", "Bruno", "Carys", "Dev", "Esme", "Finn", "Grace", "Hugo", "Isla", "Jaroslav", "Kofi",
        "Leila", "Marek", "Noor", "Orla", "Pia", "Ravi", "Saoirse", "Teo", "Ugo", "Valentina", "Will", "Ximena",
        "Yann", "Zara", "Agnes", "Bilal", "Cora", "Dawit", "Emil", "Fatima", "Gustav", "Hana", "Ivo", "Jess",
    ]

    static let lastNames = [
        "Achebe", "Bergström", "Castillo", "Dąbrowski", "Evans", "Fontaine", "Gallagher", "Haddad", "Ishikawa",
        "Jansen", "Kowalczyk", "Lindqvist", "Mensah", "Novak", "O'Brien", "Petrov", "Quinn", "Rahman", "Silva",
        "Thorne", "Ueda", "Varga", "Whitfield", "Xu", "Yilmaz", "Zielinski", "Abbott", "Byrne", "Chowdhury",
        "Delacroix", "Eriksen", "Fischer", "Gordon", "Hughes", "Iqbal", "Jovanović", "Kaur", "Lambert", "Moreau",
        "Nakamura", "Okonkwo", "Pereira", "Rossi", "Sato", "Tan", "Usman", "Vasquez", "Walsh", "Young", "Ziegler",
        "Adeyemi", "Brennan", "Costa", "Dunne", "Engel", "Fraser", "Grant", "Holm", "Ivanova", "Kerr", "Lopez",
        "Murphy", "Nilsen", "Owusu", "Park", "Reid", "Sharma", "Torres", "Vogel", "Ward",
    ]

    /// Parts of the city, with how many members live there.
    static let cities = ["Riverside", "Northbank", "Millrace", "Lock Street", "Tannery Quarter", "Southbank", "Old Weir"]
    static let cityWeights = [30.0, 22, 14, 10, 9, 10, 5]

    static let venues = (
        library: "Lock Street Library, community room",
        northbank: "Northbank Library, ground floor",
        millrace: "Millrace Community Centre, tea room",
        hall: "Millrace Community Centre, hall",
        tannery: "The Tannery workshop, bench room",
        bikes: "The Tannery workshop, yard",
        online: "Online (video call; the link is sent with the reminder)"
    )

    static let workshops: [(title: String, group: String)] = [
        ("Soldering basics", "electronics-bench"), ("Sewing-machine care", "textile-circle"),
        ("Sharpening hand tools", "woodshop-wednesdays"), ("Bicycle brakes and gears", "bike-kitchen"),
        ("Fixing a lamp safely", "repair-cafe"), ("Replacing a zip", "textile-circle"),
        ("Using a multimeter", "electronics-bench"), ("Spoon carving", "woodshop-wednesdays"),
        ("Visible mending", "textile-circle"), ("Puncture repair and wheel truing", "bike-kitchen"),
        ("Regluing a wobbly chair", "woodshop-wednesdays"), ("Kettles, toasters and fuses", "repair-cafe"),
    ]

    static let talks = [
        "What the repair shops of the 1950s can teach us", "A short history of visible mending",
        "Right to repair: what changes for us", "Why things break", "Buying tools second-hand",
        "Designing for repair", "The life of a bicycle", "Stage props on a shoestring",
        "Mending in other cultures", "Keeping old electronics alive", "The tool library idea",
    ]

    static let online = [
        "Show-and-tell", "Troubleshooting clinic", "Ask a trainer", "Mending together", "Project swap",
    ]

    static let repairItems = [
        "lamps and kettles", "jumpers with holes", "bicycle brakes", "radios and speakers", "wobbly chairs",
        "zips and seams", "toasters", "headphones", "garden tools", "clocks", "a surprising number of vacuum cleaners",
    ]

    static let rules = ["on-topic", "no-ads", "name-format", "introduce-yourself", "be-kind", "photos", "bench-safety"]
    static let ruleWeights = [40.0, 30, 8, 8, 8, 4, 2]

    static let months = [
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ]

    static func plan(kind: String, title: String, item: String) -> String {
        switch kind {
        case "repair":
            return "Bring something broken and fix it with a volunteer: \(item), and whatever else you have. "
                + "There are tables for electrical, electronics, textiles, bicycles and general repairs; the triage desk at the door sends you to the right one.\n\n"
                + "Free, with a donation jar. Mains-powered repairs only with a signed-off volunteer."
        case "tea":
            return "An informal evening with a big teapot. Bring a project (knitting, a half-built radio, a chair to reglue) or nothing at all. "
                + "Halfway through, a member gives a ten-minute demonstration.\n\nFree; registration requested, walk-ins welcome."
        case "workshop":
            return "A hands-on workshop: **\(title.lowercased())**, with a bench and materials for everyone. "
                + "The materials list comes with the reminder.\n\nPlaces are limited and a few are kept for first-timers."
        case "talk":
            return "A talk of about forty minutes, then questions and tea. Everyone is welcome, and the next hands-on event will be announced at the end."
        case "online":
            return "A video call of an hour or so. Bring a project to the camera, or just listen. A co-host watches the chat and lets people in."
        default:
            return "A working session for the group. New hands are welcome; bring gloves."
        }
    }

    static func recap(kind: String, item: String) -> String {
        switch kind {
        case "repair":
            return "Thanks to everyone who came and to the volunteers at every table. The most common repairs were \(item). "
                + "What we could not fix went home with advice on where to get parts."
        case "tea":
            return "A warm evening with a full teapot. The demonstration started more conversations than we had time for; it will be back."
        case "workshop":
            return "Everyone left with a finished piece and the confidence to try again at home. The trainer's notes are in the members' chat."
        case "talk":
            return "Good questions, and a queue for the speaker afterwards. Several people signed up for the next workshop on the spot."
        case "online":
            return "A lively call with projects from all over the city. Thank you to the co-host for keeping the chat in order."
        default:
            return "A productive session. Thanks to everyone who lent a hand."
        }
    }
}
