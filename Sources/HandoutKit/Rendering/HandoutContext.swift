/// Who a handout is for and who hands it over. The client's details reach the template and
/// nothing else: never a file name, a log line or an error.
public struct Client: Sendable {
    public var name: String?
    public var language: String
    public var zip: String?
    public var needs: [String]
    /// Size and income, when given: partners whose income limit excludes it are left out.
    public var household: Household?

    public init(name: String? = nil, language: String = "en", zip: String? = nil, needs: [String] = [], household: Household? = nil) {
        self.name = name
        self.language = language
        self.zip = zip
        self.needs = needs
        self.household = household
    }
}

public struct Practice: Sendable {
    public var name: String?
    public var phone: PhoneNumber?
    public var website: String?
    public var practitioner: String?

    public init(name: String? = nil, phone: PhoneNumber? = nil, website: String? = nil, practitioner: String? = nil) {
        self.name = name
        self.phone = phone
        self.website = website
        self.practitioner = practitioner
    }
}

/// The values a template sees, as the dictionaries swift-mustache walks. Absent values are
/// left out (not empty strings), so `{{#client.name}}…{{/client.name}}` is skipped.
enum HandoutContext {
    /// Every name a template can use outside a list; `handout check` reports any other.
    static let globalNames: Set<String> = {
        var names: Set<String> = [
            "client", "client.name", "client.language", "client.zip", "client.needs",
            "practitioner", "practitioner.name", "practice", "practice.name", "practice.phone", "practice.website",
            "date", "region", "region.name", "partners", "hotlines", "language", "labels",
        ]
        names.formUnion(Strings(language: "en").labels.keys.map { "labels." + $0 })
        return names
    }()

    /// Names whose parts come from data, each checked by its own rules: `fact.KEY` (a key
    /// of facts.yml) and `state.XX` (a section shown only to clients in that state).
    static let keyedNames: Set<String> = ["fact", "state"]

    /// The fields of each list a template can walk with `{{#list}}…{{/list}}`.
    static let listFields: [String: Set<String>] = [
        "partners": [
            "id", "name", "categories", "description", "phones", "website", "intake_url", "email", "email_url",
            "address", "confidential_location", "languages", "interpretation", "hours", "fees", "eligibility", "last_verified",
            "alert", "what_to_bring", "distance", "qr_url",
        ],
        "phones": ["kind", "display", "tel", "label"],
        "what_to_bring": ["items"],
        "hotlines": ["name", "number", "tel", "description"],
    ]

    static func make(
        client: Client, practice: Practice, topics: [String], matches: [PartnerMatch],
        directory: Directory, today: Day, strings: Strings, facts: [String: String] = [:], state: String? = nil
    ) -> [String: Any] {
        var clientValues: [String: Any] = ["language": client.language]
        clientValues["name"] = client.name
        clientValues["zip"] = client.zip
        if !client.needs.isEmpty {
            clientValues["needs"] = client.needs.map { directory.taxonomy.label($0, language: strings.language) }
        }
        var practiceValues: [String: Any] = [:]
        practiceValues["name"] = practice.name
        practiceValues["phone"] = practice.phone?.display
        practiceValues["website"] = practice.website
        var context: [String: Any] = [
            "client": clientValues,
            "practice": practiceValues,
            "date": strings.format(today),
            "language": strings.language,
            "labels": strings.labels,
            "partners": matches.map { partnerValues($0, taxonomy: directory.taxonomy, strings: strings) },
            "hotlines": hotlines(topics: topics + client.needs, strings: strings),
            "fact": facts,
        ]
        if let state { context["state"] = [state: true] }
        if let practitioner = practice.practitioner { context["practitioner"] = ["name": practitioner] }
        if let region = directory.regionName { context["region"] = ["name": region] }
        return context
    }

    static func partnerValues(_ match: PartnerMatch, taxonomy: Taxonomy, strings: Strings) -> [String: Any] {
        let partner = match.partner
        var values: [String: Any] = [
            "id": partner.id,
            // A name is not marked when it has no local form: it is what the sign on the door says.
            "name": partner.names.resolve(strings.language).text,
            "categories": strings.list(partner.categories.map { taxonomy.label($0, language: strings.language) }),
        ]
        values["description"] = partner.description.map(strings.localized)
        values["distance"] = strings.distance(match.proximity)
        values["phones"] = partner.phones.map { phone -> [String: Any] in
            var entry: [String: Any] = ["kind": strings[phone.kind.rawValue], "display": phone.number.display, "tel": phone.number.telURL]
            entry["label"] = phone.label.map(strings.localizedLabel)
            return entry
        }
        values["website"] = partner.website
        values["intake_url"] = partner.intakeURL
        // Where a QR code beside the partner leads: applying beats reading about them.
        values["qr_url"] = partner.intakeURL ?? partner.website
        if let email = partner.email {
            values["email"] = email
            values["email_url"] = "mailto:" + email
        }
        if partner.confidentialLocation {
            values["confidential_location"] = true
        } else if let address = partner.address {
            let cityLine = [address.city, [address.state, address.zip].compactMap { $0 }.joined(separator: " ")]
                .compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ", ")
            let line = [address.street, cityLine].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ", ")
            if !line.isEmpty { values["address"] = line }
        }
        if !partner.languages.isEmpty {
            values["languages"] = strings.list(partner.languages.map(strings.languageName))
        }
        if partner.interpretation { values["interpretation"] = true }
        var hours = strings.hours(partner.schedule)
        if let note = partner.hours.map(strings.localized) {
            hours += hours.isEmpty ? note : (hours.hasSuffix(".") ? " " : ". ") + note
        }
        if !hours.isEmpty { values["hours"] = hours }
        values["fees"] = partner.fees.map(strings.localized)
        values["alert"] = partner.alert.map(strings.localized)
        if !partner.whatToBring.isEmpty { values["what_to_bring"] = ["items": partner.whatToBring.map(strings.localized)] }
        if let eligibility = partner.eligibility {
            var parts: [String] = []
            if let percent = eligibility.maxIncomeFPLPercent { parts.append(strings["income_limit"].filling(number(percent))) }
            if let age = eligibility.minAge { parts.append(strings["min_age"].filling(String(age))) }
            if let age = eligibility.maxAge { parts.append(strings["max_age"].filling(String(age))) }
            if let notes = eligibility.notes { parts.append(strings.localized(notes)) }
            if !parts.isEmpty { values["eligibility"] = parts.joined(separator: " ") }
        }
        if let day = partner.lastVerified { values["last_verified"] = strings.format(day) }
        return values
    }

    /// National numbers every handout ends with; the domestic violence hotline where the
    /// handout or the client's needs touch family safety.
    static func hotlines(topics: [String], strings: Strings) -> [[String: Any]] {
        var lines: [[String: Any]] = [
            ["number": "211", "tel": "tel:211", "description": strings["hotline_211_about"]],
            ["name": strings["hotline_988"], "number": "988", "tel": "tel:988", "description": strings["hotline_988_about"]],
        ]
        if topics.contains("family-safety") {
            lines.append(["name": strings["hotline_dv"], "number": "1-800-799-7233", "tel": "tel:+18007997233", "description": strings["hotline_dv_about"]])
        }
        return lines
    }

    /// 200.0 → "200", 187.5 → "187.5"; a whole number too large for an Int (1e300 in a
    /// directory) prints as a Double rather than trapping.
    static func number(_ value: Double) -> String {
        Int(exactly: value).map(String.init) ?? String(value)
    }
}
