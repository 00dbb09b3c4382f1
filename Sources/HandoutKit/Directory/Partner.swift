/// One organization in the partner directory, from either format the loader reads (handout's
/// own JSON or Open Referral HSDS 3.0). Texts a client reads are `LocalizedText`: pick the
/// form for a handout's language with `LocalizedText.resolve(_:)` and mark a text that is not
/// in that language, never print a mix silently.
public struct Partner: Sendable, Equatable {
    public struct Phone: Sendable, Equatable {
        public enum Kind: String, Sendable, CaseIterable { case voice, text, tty, fax }
        public let number: PhoneNumber
        public let kind: Kind
        public let label: LocalizedText?
    }

    public struct Address: Sendable, Equatable {
        public let street: String?
        public let city: String?
        public let state: String?
        public let zip: String?
        /// Where the building is, when the directory says; else the ZIP code's centroid is used.
        public let coordinate: Coordinate?
    }

    public struct ServiceArea: Sendable, Equatable {
        /// Exact ZIP codes ("60623") and prefix patterns ("606*").
        public var zips: [String] = []
        /// County names, optionally with a state: "Cook" or "Cook, IL".
        public var counties: [String] = []
        public var states: [String] = []
        public var remote = false
    }

    public struct Eligibility: Sendable, Equatable {
        public let maxIncomeFPLPercent: Double?
        public let minAge: Int?
        public let maxAge: Int?
        public let notes: LocalizedText?

        /// The ages `min_age` and `max_age` may give, in years.
        public static let ages = 0...130
    }

    public let id: String
    /// The name in each language it has a local form in; `name` is the directory's own.
    public let names: LocalizedText
    public let categories: [String]
    public let description: LocalizedText?
    public let phones: [Phone]
    public let website: String?
    public let intakeURL: String?
    public let email: String?
    public let address: Address?
    /// A shelter or other place whose address must never be printed, nor its distance.
    public let confidentialLocation: Bool
    public let serviceArea: ServiceArea
    public let languages: [String]
    /// Offers interpreters for languages its staff do not speak.
    public let interpretation: Bool
    /// Opening days and times, printed in words in the handout's language.
    public let schedule: [Opening]
    /// Free-text hours or a note on them ("Closed on public holidays").
    public let hours: LocalizedText?
    public let fees: LocalizedText?
    public let eligibility: Eligibility?
    /// Something the client must know first ("Moved to 12 Example St until March").
    public let alert: LocalizedText?
    /// Documents to bring, one text each.
    public let whatToBring: [LocalizedText]
    public let lastVerified: Day?
    public let active: Bool
    /// Where the partner's object starts in the directory file.
    public let line: Int
    public let column: Int

    /// The directory's own name for the partner (its English form when it has several).
    public var name: String { names.primary }

    /// Every text a client reads that a translation could cover (names are not translations).
    public var clientTexts: [LocalizedText] {
        [description, hours, fees, eligibility?.notes, alert].compactMap { $0 } + phones.compactMap(\.label) + whatToBring
    }
}

/// A loaded, validated partner directory.
public struct Directory: Sendable {
    public enum Format: String, Sendable { case handout, hsds }

    public let path: String
    public let format: Format
    public let regionName: String?
    public let taxonomy: Taxonomy
    public let partners: [Partner]
    /// What was left out or guessed while reading (HSDS data is often messy), in file order.
    public let warnings: [Diagnostic]
    /// Category → the positions in `partners` of those that offer it: a client's handout
    /// ranks only the partners of its categories, not the whole directory, for every client.
    private let positionsByCategory: [String: [Int]]

    init(path: String, format: Format = .handout, regionName: String?, taxonomy: Taxonomy, partners: [Partner], warnings: [Diagnostic] = []) {
        self.path = path
        self.format = format
        self.regionName = regionName
        self.taxonomy = taxonomy
        self.partners = partners
        self.warnings = warnings
        var positions: [String: [Int]] = [:]
        for (position, partner) in partners.enumerated() {
            for category in Set(partner.categories) { positions[category, default: []].append(position) }
        }
        positionsByCategory = positions
    }

    /// The partners that offer any of `categories`, in the directory's order; every
    /// partner when `categories` is empty.
    public func partners(offering categories: Set<String>) -> [Partner] {
        guard !categories.isEmpty else { return partners }
        return Set(categories.flatMap { positionsByCategory[$0] ?? [] }).sorted().map { partners[$0] }
    }
}
