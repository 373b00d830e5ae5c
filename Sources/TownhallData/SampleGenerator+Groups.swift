import TownhallContent

extension SampleState {
    /// The Riverside Makers tree, as the handbook tells its story, then (for large data
    /// sets) further groups splitting off existing ones.
    mutating func makeGroups() {
        let d = Self.date
        func add(_ id: String, _ name: String, parent: String?, _ created: CalendarDate, closed: CalendarDate? = nil,
                 _ kind: Group.Kind, _ carrier: String, popularity: Double, city: Int? = nil, _ purpose: String) {
            let p = parent.flatMap { pid in groups.firstIndex { $0.id == pid } }
            groups.append(GroupPlan(
                id: id, name: name, parent: p, created: created, closed: closed, kind: kind, carrier: carrier,
                purpose: purpose, popularity: popularity, city: city))
        }
        add("riverside-makers", "Riverside Makers", parent: nil, d(2023, 3, 11), .interest, "members' chat (Signal)", popularity: 0,
            "Everyone who has joined Riverside Makers: the members' chat, the tea gatherings, the talks and the annual gathering. Every other group split off from this one.")
        add("repair-cafe", "Repair Café Riverside", parent: "riverside-makers", d(2023, 3, 11), .interest, "Signal group", popularity: 5,
            "The monthly repair café at the Lock Street Library, where Riverside Makers began. Volunteers fix things *with* their owners, not for them.")
        add("textile-circle", "Textile Circle", parent: "riverside-makers", d(2023, 9, 12), .interest, "WhatsApp group", popularity: 3,
            "Mending, sewing and knitting. The circle started at the tea gatherings and still meets at them.")
        add("electronics-bench", "Electronics Bench", parent: "repair-cafe", d(2024, 2, 17), .interest, "Matrix room", popularity: 3,
            "The repair café's small-electronics table, grown busy enough to become a group: radios, speakers, game controllers and anything with a circuit board.")
        add("woodshop-wednesdays", "Woodshop Wednesdays", parent: "riverside-makers", d(2024, 4, 10), .interest, "forum", popularity: 2,
            "Hand tools, sharpening and furniture repair, on Wednesday evenings at the Tannery workshop.")
        add("bike-kitchen", "Bike Kitchen", parent: "riverside-makers", d(2024, 6, 8), .interest, "Signal group", popularity: 2.5,
            "Bicycle maintenance and repair in the Tannery yard. Born at the spring 2024 bicycle workshop, when eight people swapped numbers.")
        add("lantern-parade-build", "Lantern Parade Build", parent: "riverside-makers", d(2024, 9, 3), closed: d(2024, 11, 30), .temporary,
            "WhatsApp group", popularity: 1.5, "Building lanterns for the autumn parade of 2024. Closed on schedule after the parade.")
        add("theatre-makers", "Theatre Makers", parent: "riverside-makers", d(2025, 2, 14), .industry, "Slack workspace", popularity: 0.8,
            "People who make sets, props and costumes for a living, swapping fixes, offcuts and contacts.")
        add("northbank-repair-cafe", "Northbank Repair Café", parent: "repair-cafe", d(2025, 3, 22), .local, "Signal group", popularity: 1, city: 1,
            "A repair café north of the river, for members who grew tired of crossing it.")
        add("visible-mending", "Visible Mending", parent: "textile-circle", d(2025, 4, 15), .interest, "WhatsApp group", popularity: 1,
            "Mending that shows, and is proud of it: darning, patching and sashiko.")
        add("valve-radio-club", "Valve Radio Club", parent: "electronics-bench", d(2025, 6, 4), .interest, "forum", popularity: 0.6,
            "Restoring valve radios, safely. Started after the May 2025 talk; quiet since the autumn.")
        add("makers-market-crew", "Makers' Market Crew", parent: "riverside-makers", d(2025, 9, 1), closed: d(2025, 12, 20), .temporary,
            "WhatsApp group", popularity: 1, "Running our stall at the winter makers' market of 2025. Closed on schedule after the market.")
        add("spoon-carvers", "Spoon Carvers", parent: "woodshop-wednesdays", d(2025, 10, 1), closed: d(2026, 6, 30), .interest, "forum",
            popularity: 0.5, "Green-wood spoon carving. Closed after it went dormant over the spring of 2026.")
        add("cargo-bike-build", "Cargo Bike Build", parent: "bike-kitchen", d(2026, 3, 7), .temporary, "Signal group", popularity: 0.7,
            "Building a cargo bike from salvaged frames for the tool library, during 2026.")
        let wanted = options.groups ?? groups.count
        let topics = ["Repair", "Sewing", "Soldering", "Bike", "Woodwork", "Knitting", "Upcycling", "Lamp", "Radio", "Clock", "Toy", "Ceramics"]
        var n = groups.count
        while groups.count < wanted {
            n += 1
            let span = max(1, options.asOf.dayNumber - 30 - options.start.dayNumber)
            let created = CalendarDate(dayNumber: options.start.dayNumber + random.int(0...span))
            // Split off a group that was open at the time.
            var parent = 0
            for _ in 0..<20 {
                let candidate = random.index(groups.count)
                if isOpen(candidate, on: created) { parent = candidate; break }
            }
            let kind: Group.Kind = [.interest, .interest, .interest, .local, .industry, .temporary][random.index(6)]
            var closed: CalendarDate?
            if kind == .temporary {
                closed = CalendarDate(dayNumber: created.dayNumber + random.int(60...180))
            } else if random.chance(0.15) {
                closed = CalendarDate(dayNumber: created.dayNumber + random.int(90...600))
            }
            if let c = closed, c > options.asOf { closed = nil }
            let city = random.index(SampleText.cities.count)
            let topic = random.pick(topics)
            groups.append(GroupPlan(
                id: "g\(n)", name: "\(SampleText.cities[city]) \(topic) \(kind == .temporary ? "Project" : "Circle") \(n)",
                parent: parent, created: created, closed: closed, kind: kind, carrier: random.pick(["Signal group", "forum", "WhatsApp group"]),
                purpose: "\(topic) for members in \(SampleText.cities[city]).", popularity: 0.2 + random.unit(),
                city: kind == .local ? city : nil))
        }
    }
}
