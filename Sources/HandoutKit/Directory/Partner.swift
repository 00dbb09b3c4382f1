/// One organization in the partner directory.
public struct Partner: Sendable {
    public struct Phone: Sendable {
        public enum Kind: String, Sendable, CaseIterable { case voice, text, tty, fax }
        public let number: PhoneNumber
        public let kind: Kind
        public let label: String?
    }

    public struct Address: Sendable {
        public let street: String?
        public let city: String?
        public let state: String?
        public let zip: String?
    }

    public struct ServiceArea: Sendable {
        /// Exact ZIP codes ("60623") and prefix patterns ("606*").
        public var zips: [String] = []
        /// County names, optionally with a state: "Cook" or "Cook, IL".
        public var counties: [String] = []
        public var states: [String] = []
        public var remote = false
    }

    public struct Eligibility: Sendable {
        public let maxIncomeFPLPercent: Double?
        public let minAge: Int?
        public let maxAge: Int?
        public let notes: String?
    }

    public let id: String
    public let name: String
    public let categories: [String]
    public let description: String?
    public let phones: [Phone]
    public let website: String?
    public let intakeURL: String?
    public let email: String?
    public let address: Address?
    /// A shelter or other place whose address must never be printed.
    public let confidentialLocation: Bool
    public let serviceArea: ServiceArea
    public let languages: [String]
    /// Offers interpreters for languages its staff do not speak.
    public let interpretation: Bool
    public let hours: String?
    public let fees: String?
    public let eligibility: Eligibility?
    public let lastVerified: Day?
    public let active: Bool
    /// Where the partner's object starts in the directory file.
    public let line: Int
    public let column: Int
}

/// A loaded, validated partner directory.
public struct Directory: Sendable {
    public let path: String
    public let regionName: String?
    public let taxonomy: Taxonomy
    public let partners: [Partner]
}
