import Foundation

/// Reads an Open Referral HSDS 3.0 document into the same `Partner` values as handout's own
/// format. The document is recognised by its shape: one service, a paginated list
/// (`{"contents": [...]}`) of services or organizations, an organization with nested
/// services, an array of services or organizations, or a service_at_location.
///
/// Real HSDS data is messy, so what a reader can use is taken and the rest is left out with
/// a warning at its line and column: a wrong type, an unknown field, a phone number that
/// cannot be dialled. Only what leaves no partner to speak of is an error: a service that is
/// not an object, or has no name. docs/hsds.md has the mapping, field by field.
struct HSDSImport {
    enum Shape: Equatable {
        case service, services, organization, organizations, serviceAtLocation, location
    }

    /// The attribute taxonomies `HSDSExport` writes, so a round trip keeps what HSDS has no field for.
    static let categoryTaxonomy = "handout-categories"
    static let fieldTaxonomy = "handout"

    let log: DiagnosticLog
    let map: TaxonomyMap
    private(set) var taxonomy = Taxonomy.builtIn
    private(set) var partners: [Partner] = []
    private var serviceCount = 0

    init(log: DiagnosticLog, map: TaxonomyMap) {
        self.log = log
        self.map = map
    }

    // MARK: Shapes

    private static let organizationMarks = ["services", "tax_status", "tax_id", "year_incorporated", "legal_status", "organization_identifiers", "website", "logo", "programs"]
    private static let serviceMarks = ["status", "organization", "service_at_locations", "eligibility_description", "fees_description", "schedules", "service_areas", "required_documents", "assured_date"]

    /// Nil for anything else: handout's own format (an object with "partners") included.
    static func shape(of root: JSONNode) -> Shape? {
        switch root.value {
        case .array(let elements):
            return elements.contains(where: isOrganization) ? .organizations : .services
        case .object:
            if root["partners"] != nil { return nil }
            if case .array(let items)? = root["contents"]?.value {
                return items.contains(where: isOrganization) ? .organizations : .services
            }
            if root["service"] != nil { return .serviceAtLocation }
            if isOrganization(root) { return .organization }
            if root["location_type"] != nil && root["name"] == nil || root["addresses"] != nil && root["status"] == nil { return .location }
            if serviceMarks.contains(where: { root[$0] != nil }) { return .service }
            return nil
        default:
            return nil
        }
    }

    private static func isOrganization(_ node: JSONNode) -> Bool {
        node["status"] == nil && organizationMarks.contains { node[$0] != nil }
    }

    mutating func read(_ root: JSONNode, shape: Shape) {
        switch shape {
        case .service:
            readService(root, organization: nil, extraPlaces: [])
        case .services:
            let items = root["contents"].map(elements) ?? elements(root)
            if items.isEmpty { log.add(.warning, "the HSDS document lists no services", line: root.line, column: root.column) }
            for item in items { readService(item, organization: nil, extraPlaces: []) }
        case .organization:
            readOrganization(root)
        case .organizations:
            let items = root["contents"].map(elements) ?? elements(root)
            for item in items { readOrganization(item) }
        case .serviceAtLocation:
            guard let service = root["service"], !service.isNull else {
                log.add(.error, "service_at_location: missing required field \"service\"", line: root.line, column: root.column)
                return
            }
            readService(service, organization: nil, extraPlaces: [root])
        case .location:
            log.add(.warning, "an HSDS location on its own names no service: no partner is read from it", line: root.line, column: root.column)
        }
    }

    private func elements(_ node: JSONNode) -> [JSONNode] {
        if case .array(let items) = node.value { return items }
        log.add(.error, "expected an array of HSDS records, found \(node.typeDescription)", line: node.line, column: node.column)
        return []
    }

    private mutating func readOrganization(_ node: JSONNode) {
        var owner = "organization"
        if case .string(let name) = node["name"]?.value { owner = "organization \"\(name)\"" }
        let reader = FieldReader(node, owner: owner, log: log, lenient: true)
        guard case .object = node.value else {
            log.add(.error, "\(owner): expected an object, found \(node.typeDescription)", line: node.line, column: node.column)
            return
        }
        reader.finish(known: Self.organizationFields)
        let services = reader.array("services") ?? []
        if services.isEmpty {
            log.add(.note, "\(owner) lists no services: no partner is read from it", line: node.line, column: node.column)
        }
        for service in services { readService(service, organization: node, extraPlaces: []) }
    }

    // MARK: A service

    private mutating func readService(_ node: JSONNode, organization: JSONNode?, extraPlaces: [JSONNode]) {
        serviceCount += 1
        var owner = "service #\(serviceCount)"
        if case .string(let name) = node["name"]?.value, !name.isEmpty { owner = "service \"\(name)\"" }
        guard case .object = node.value else {
            log.add(.error, "\(owner): expected an object, found \(node.typeDescription)", line: node.line, column: node.column)
            return
        }
        let service = FieldReader(node, owner: owner, log: log, lenient: true)
        service.finish(known: Self.serviceFields)
        guard let serviceName = service.string("name") else {
            log.add(.error, "\(owner): missing required field \"name\"", line: node.line, column: node.column)
            return
        }
        // The organization the service sits in, or the one it names.
        let organizationReader = (organization.map { FieldReader($0, owner: owner, path: "organization", log: log, lenient: true) })
            ?? service.object("organization").map { nested in
                nested.finish(known: Self.organizationFields)
                return nested
            }
        let organizationName = organizationReader?.string("name")
        var name = serviceName
        if let organizationName, !serviceName.localizedCaseInsensitiveContains(organizationName) {
            name = "\(organizationName) — \(serviceName)"
        }

        let fields = readAttributes(service)
        let places = readPlaces(service, extra: extraPlaces)

        var phones = readPhones(service, field: "phones")
        if phones.isEmpty { phones = places.phones }
        if phones.isEmpty, let organizationReader { phones = readPhones(organizationReader, field: "phones") }

        let website = service.url("url") ?? organizationReader?.url("website")
        let email = service.email("email") ?? organizationReader?.email("email")

        var serviceArea = readServiceAreas(service)
        serviceArea.remote = serviceArea.remote || places.remote
        if serviceArea.zips.isEmpty && serviceArea.counties.isEmpty && serviceArea.states.isEmpty, let zip = places.address?.zip {
            serviceArea.zips = [zip]
            log.add(.note, "\(owner): no service area handout can match: it serves the ZIP code of its address, \(zip)", line: node.line, column: node.column)
        }

        var languages: [String] = []
        for language in readLanguages(service, field: "languages") + places.languages where !languages.contains(language) {
            languages.append(language)
        }

        var (schedule, hoursNotes) = readSchedules(service, field: "schedules")
        if schedule.isEmpty && hoursNotes.isEmpty { (schedule, hoursNotes) = places.schedules }

        var eligibility: Partner.Eligibility?
        let minAge = service.wholeNumber("minimum_age", in: Partner.Eligibility.ages)
        let maxAge = service.wholeNumber("maximum_age", in: Partner.Eligibility.ages)
        let notes = service.string("eligibility_description").map(LocalizedText.init)
        if minAge != nil || maxAge != nil || notes != nil || fields.incomeLimit != nil {
            eligibility = Partner.Eligibility(maxIncomeFPLPercent: fields.incomeLimit, minAge: minAge, maxAge: maxAge, notes: notes)
        }

        var lastVerified: Day?
        for field in ["assured_date", "last_modified"] where lastVerified == nil {
            guard let text = service.string(field) else { continue }
            lastVerified = Day(String(text.prefix(10)))
            if lastVerified == nil { service.fail(field, "\"\(text)\" is not a date (YYYY-MM-DD)") }
        }

        var active = true
        if let status = service.string("status"), status.lowercased() != "active" {
            active = false
            log.add(.note, "\(owner): status \"\(status)\": left out of handouts", line: node.line, column: node.column)
        }

        let whatToBring = (service.array("required_documents") ?? []).enumerated().compactMap { offset, element -> LocalizedText? in
            let document = service.nested(element, field: "required_documents[\(offset)]")
            guard document.expectObject() else { return nil }
            document.finish(known: Self.requiredDocumentFields)
            return document.string("document").map(LocalizedText.init)
        }

        let confidential = fields.confidential
        let hasContact = !phones.isEmpty || website != nil || fields.intakeURL != nil || email != nil || (places.address != nil && !confidential)
        guard hasContact else {
            log.add(.warning, "\(owner): no way to make contact: no phone, url, email or address (left out)", line: node.line, column: node.column)
            return
        }
        var categories = fields.categories
        if categories.isEmpty {
            let terms = fields.unmappedTerms.isEmpty ? "it has no taxonomy terms" : "no mapping for " + fields.unmappedTerms.map { "\"\($0)\"" }.joined(separator: ", ")
            log.add(.warning, "\(owner): no category (\(terms)): map its terms to categories in a taxonomy mapping file (handout.yml taxonomy_map), or it is offered for no need",
                line: node.line, column: node.column)
            categories = []
        }

        partners.append(Partner(
            id: uniqueID(fields.id ?? Self.slug(name)), names: LocalizedText(name), categories: categories,
            description: service.string("description").map(LocalizedText.init), phones: phones, website: website,
            intakeURL: fields.intakeURL, email: email, address: places.address, confidentialLocation: confidential,
            serviceArea: serviceArea, languages: languages,
            interpretation: service.string("interpretation_services") != nil, schedule: schedule,
            hours: hoursNotes.isEmpty ? nil : LocalizedText(hoursNotes.joined(separator: " ")),
            fees: (service.string("fees_description") ?? service.string("fees")).map(LocalizedText.init),
            eligibility: eligibility, alert: service.string("alert").map(LocalizedText.init), whatToBring: whatToBring,
            lastVerified: lastVerified, active: active, line: node.line, column: node.column))
    }

    private func uniqueID(_ base: String) -> String {
        var id = base, number = 2
        while partners.contains(where: { $0.id == id }) {
            id = "\(base)-\(number)"
            number += 1
        }
        return id
    }

    /// "Example Org — Community Counselling" → "example-org-community-counselling".
    static func slug(_ name: String) -> String {
        let folded = name.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: Locale(identifier: "en_US_POSIX")).lowercased()
        var slug = ""
        for scalar in folded.unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                slug.unicodeScalars.append(scalar)
            } else if !slug.isEmpty && !slug.hasSuffix("-") {
                slug += "-"
            }
        }
        while slug.hasSuffix("-") { slug.removeLast() }
        return slug.isEmpty ? "service" : String(slug.prefix(60))
    }

    // MARK: Attributes: categories and handout's own fields

    private struct AttributeFields {
        var id: String?
        var categories: [String] = []
        var unmappedTerms: [String] = []
        var confidential = false
        var incomeLimit: Double?
        var intakeURL: String?
    }

    private mutating func readAttributes(_ service: FieldReader) -> AttributeFields {
        var fields = AttributeFields()
        for (offset, element) in (service.array("attributes") ?? []).enumerated() {
            let attribute = service.nested(element, field: "attributes[\(offset)]")
            guard attribute.expectObject() else { continue }
            attribute.finish(known: Self.attributeFields)
            guard let term = attribute.object("taxonomy_term") else { continue }
            term.finish(known: Self.taxonomyTermFields)
            let code = term.string("code"), name = term.string("name"), value = attribute.string("value")
            let taxonomyName = term.string("taxonomy")
            if taxonomyName == Self.fieldTaxonomy, let code {
                switch code {
                case "partner-id":
                    if let value, Identifier.isValid(value) { fields.id = value } else { attribute.fail("value", "not a partner id") }
                case "confidential-location": fields.confidential = value == "true"
                case "max-income-fpl-percent":
                    if let number = value.flatMap(Double.init), number > 0 { fields.incomeLimit = number } else { attribute.fail("value", "not a percent") }
                case "intake-url":
                    if let value, WebAddress.isHTTP(value) { fields.intakeURL = value } else { attribute.fail("value", "not an http or https URL") }
                default: attribute.fail("taxonomy_term.code", "\"\(code)\" is not a field handout writes")
                }
                continue
            }
            var category: String?
            if taxonomyName == Self.categoryTaxonomy, let code, Identifier.isValid(code) {
                if !taxonomy.contains(code) { taxonomy = taxonomy.adding([Taxonomy.Category(id: code, labels: ["en": name ?? code])]) }
                category = code
            } else {
                category = map.category(code: code, name: name)
            }
            if let category {
                if !fields.categories.contains(category) { fields.categories.append(category) }
            } else if let label = name ?? code {
                fields.unmappedTerms.append(label)
            }
        }
        return fields
    }

    // MARK: Places: locations, addresses, their phones, languages and schedules

    private struct Places {
        var address: Partner.Address?
        var remote = false
        var phones: [Partner.Phone] = []
        var languages: [String] = []
        var schedules: ([Opening], [String]) = ([], [])
    }

    /// The service's service_at_locations (and a service_at_location document around it).
    private func readPlaces(_ service: FieldReader, extra: [JSONNode]) -> Places {
        var places = Places()
        var links: [FieldReader] = []
        for (offset, element) in (service.array("service_at_locations") ?? []).enumerated() {
            let link = service.nested(element, field: "service_at_locations[\(offset)]")
            if link.expectObject() {
                link.finish(known: Self.serviceAtLocationFields)
                links.append(link)
            }
        }
        for node in extra {
            let link = FieldReader(node, owner: service.owner, path: "service_at_location", log: log, lenient: true)
            link.finish(known: Self.serviceAtLocationFields + ["service"])
            links.append(link)
        }
        for link in links {
            if places.phones.isEmpty { places.phones = readPhones(link, field: "phones") }
            if places.schedules.0.isEmpty && places.schedules.1.isEmpty { places.schedules = readSchedules(link, field: "schedules") }
            guard let location = link.object("location") else { continue }
            location.finish(known: Self.locationFields)
            let type = location.string("location_type")?.lowercased()
            if type == "virtual" {
                places.remote = true
                continue
            }
            if places.phones.isEmpty { places.phones = readPhones(location, field: "phones") }
            if places.schedules.0.isEmpty && places.schedules.1.isEmpty { places.schedules = readSchedules(location, field: "schedules") }
            for language in readLanguages(location, field: "languages") where !places.languages.contains(language) {
                places.languages.append(language)
            }
            if places.address == nil { places.address = readAddress(location) }
        }
        return places
    }

    private func readAddress(_ location: FieldReader) -> Partner.Address? {
        var coordinate: Coordinate?
        if let latitude = location.number("latitude"), let longitude = location.number("longitude") {
            coordinate = Coordinate(latitude: latitude, longitude: longitude)
            if coordinate == nil { location.fail("latitude", "\(HandoutContext.number(latitude)), \(HandoutContext.number(longitude)) is not a place on Earth") }
        }
        let addresses = (location.array("addresses") ?? []).enumerated().compactMap { offset, element -> FieldReader? in
            let address = location.nested(element, field: "addresses[\(offset)]")
            guard address.expectObject() else { return nil }
            address.finish(known: Self.addressFields)
            return address
        }
        // A physical address is where to go; a postal one only where to write.
        guard let chosen = addresses.first(where: { $0.string("address_type") == "physical" }) ?? addresses.first else {
            return coordinate.map { Partner.Address(street: nil, city: nil, state: nil, zip: nil, coordinate: $0) }
        }
        let street = [chosen.string("address_1"), chosen.string("address_2")].compactMap { $0 }.joined(separator: ", ")
        var state = chosen.string("state_province")
        if let given = state {
            state = USState.code(given)
            if state == nil { chosen.fail("state_province", "\"\(given)\" is not a US state") }
        }
        var zip = chosen.string("postal_code")
        if let given = zip {
            zip = given.range(of: "^[0-9]{5}(-[0-9]{4})?$", options: .regularExpression) != nil ? String(given.prefix(5)) : nil
            if zip == nil { chosen.fail("postal_code", "\"\(given)\" is not a US ZIP code") }
        }
        return Partner.Address(street: street.isEmpty ? nil : street, city: chosen.string("city"), state: state, zip: zip, coordinate: coordinate)
    }

    // MARK: Phones, languages, schedules, service areas

    private func readPhones(_ owner: FieldReader, field: String) -> [Partner.Phone] {
        var phones: [Partner.Phone] = []
        for (offset, element) in (owner.array(field) ?? []).enumerated() {
            let phone = owner.nested(element, field: "\(field)[\(offset)]")
            guard phone.expectObject() else { continue }
            phone.finish(known: Self.phoneFields)
            // Exports sometimes keep the spreadsheet's quotes: "\"+44 1234 234567\"".
            guard let raw = phone.string("number")?.trimmingCharacters(in: CharacterSet(charactersIn: "\"' ")), !raw.isEmpty else {
                phone.fail("number", "missing")
                continue
            }
            let extensionDigits = phone.string("extension")
            let text = raw + (extensionDigits.map { " x" + $0 } ?? "")
            guard let number = PhoneNumber(text) else {
                phone.fail("number", "\"\(raw)\" is not a phone number handout can dial")
                continue
            }
            let kind: Partner.Phone.Kind
            switch phone.string("type")?.lowercased() ?? "voice" {
            case "voice", "cell", "mobile", "main": kind = .voice
            case "text", "sms": kind = .text
            case "fax": kind = .fax
            case "textphone", "tty", "tdd": kind = .tty
            case let other:
                phone.fail("type", "phone type \"\(other)\" has no counterpart (voice, text, fax, textphone)")
                continue
            }
            if phones.contains(where: { $0.number == number && $0.kind == kind }) { continue }
            phones.append(Partner.Phone(number: number, kind: kind, label: phone.string("description").map(LocalizedText.init)))
        }
        return phones
    }

    private func readLanguages(_ owner: FieldReader, field: String) -> [String] {
        (owner.array(field) ?? []).enumerated().compactMap { offset, element in
            let language = owner.nested(element, field: "\(field)[\(offset)]")
            guard language.expectObject() else { return nil }
            language.finish(known: Self.languageFields)
            if let code = language.string("code") {
                let normalized = Self.languageCode(code)
                if normalized == nil { language.fail("code", LanguageCode.problem(code) ?? "\"\(code)\" is not a language code") }
                return normalized
            }
            if let name = language.string("name") {
                if let code = Strings.languageCode(englishName: name) { return code }
                language.fail("name", "no language code for \"\(name)\"")
            }
            return nil
        }
    }

    /// ISO 639-2/3 codes of the languages handout names → their 639-1 form, so "spa" matches "es".
    static func languageCode(_ code: String) -> String? {
        let lowered = code.trimmingCharacters(in: .whitespaces).lowercased()
        let threeLetter = [
            "eng": "en", "spa": "es", "pol": "pl", "zho": "zh", "chi": "zh", "ara": "ar", "vie": "vi", "kor": "ko",
            "rus": "ru", "ukr": "uk", "fra": "fr", "fre": "fr", "hat": "ht", "tgl": "tl", "por": "pt", "hin": "hi",
            "urd": "ur", "som": "so", "amh": "am", "fas": "fa", "per": "fa", "jpn": "ja", "deu": "de", "ger": "de",
            "ita": "it", "ase": "asl",
        ]
        if let short = threeLetter[lowered] { return short }
        return LanguageCode.isValid(lowered) ? lowered : nil
    }

    /// Weekly schedules with days and times become openings; descriptions become the hours note.
    private func readSchedules(_ owner: FieldReader, field: String) -> ([Opening], [String]) {
        var openings: [Opening] = [], notes: [String] = []
        for (offset, element) in (owner.array(field) ?? []).enumerated() {
            let schedule = owner.nested(element, field: "\(field)[\(offset)]")
            guard schedule.expectObject() else { continue }
            schedule.finish(known: Self.scheduleFields)
            if let description = schedule.string("description"), !notes.contains(description) { notes.append(description) }
            let opens = schedule.string("opens_at"), closes = schedule.string("closes_at"), byday = schedule.string("byday")
            guard opens != nil || closes != nil || byday != nil else { continue }
            if let frequency = schedule.string("freq"), frequency.uppercased() != "WEEKLY" {
                schedule.fail("freq", "only weekly schedules are told in words, not \"\(frequency)\"")
                continue
            }
            var days: [Weekday] = []
            for code in (byday ?? "").split(separator: ",") {
                guard let day = Weekday(code: String(code)) else {
                    schedule.fail("byday", "\"\(code)\" is not a day (MO, TU, WE, TH, FR, SA, SU)")
                    days = []
                    break
                }
                if !days.contains(day) { days.append(day) }
            }
            guard let openText = opens, let closeText = closes, let open = TimeOfDay(openText), let close = TimeOfDay(closeText), open < close else {
                schedule.fail("opens_at", "needs opens_at before closes_at, as HH:MM")
                continue
            }
            guard !days.isEmpty else {
                if byday == nil { schedule.fail("byday", "missing: the days are not known") }
                continue
            }
            let opening = Opening(days: days, opens: open, closes: close)
            if !openings.contains(opening) { openings.append(opening) }
        }
        return (openings, notes)
    }

    /// Names handout can match: "60623", "606*", "Cook County, IL", "Cook County", "IL", "Illinois".
    private func readServiceAreas(_ service: FieldReader) -> Partner.ServiceArea {
        var area = Partner.ServiceArea()
        for (offset, element) in (service.array("service_areas") ?? []).enumerated() {
            let entry = service.nested(element, field: "service_areas[\(offset)]")
            guard entry.expectObject() else { continue }
            entry.finish(known: Self.serviceAreaFields)
            guard let name = entry.string("name") else { continue }
            let trimmed = name.hasPrefix("ZIP ") ? String(name.dropFirst(4)) : name
            if ZipPattern.isValid(trimmed) {
                area.zips.append(trimmed)
            } else if let state = USState.code(name) {
                area.states.append(state)
            } else if let county = Self.county(name) {
                area.counties.append(county)
            } else {
                entry.fail("name", "\"\(name)\" is not a ZIP code, county or state handout can match")
            }
        }
        return area
    }

    /// "Cook County, IL" → "Cook, IL"; "Orleans Parish" stays; a bare name is not a county.
    private static func county(_ name: String) -> String? {
        let parts = name.split(separator: ",", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
        let place = parts[0]
        let suffixes = [" county", " parish", " borough", " census area", " municipio"]
        guard suffixes.contains(where: { place.lowercased().hasSuffix($0) }) else { return nil }
        let display = CountyName.display(place)
        if parts.count == 2 {
            guard let state = USState.code(parts[1]) else { return nil }
            return "\(display), \(state)"
        }
        return display
    }

    // MARK: Fields HSDS 3.0 defines (schema/*.json), so an unknown one can be told

    static let serviceFields = [
        "id", "organization_id", "program_id", "name", "alternate_name", "description", "url", "email", "status",
        "interpretation_services", "application_process", "fees_description", "wait_time", "fees", "accreditations",
        "eligibility_description", "minimum_age", "maximum_age", "assured_date", "assurer_email", "licenses", "alert",
        "last_modified", "phones", "schedules", "service_areas", "service_at_locations", "languages", "organization",
        "funding", "cost_options", "program", "required_documents", "contacts", "attributes", "metadata",
    ]
    static let organizationFields = [
        "id", "name", "alternate_name", "description", "email", "website", "tax_status", "tax_id", "year_incorporated",
        "legal_status", "logo", "uri", "parent_organization_id", "funding", "contacts", "phones", "locations", "programs",
        "organization_identifiers", "attributes", "metadata", "services",
    ]
    static let phoneFields = [
        "id", "location_id", "service_id", "organization_id", "contact_id", "service_at_location_id", "number",
        "extension", "type", "description", "languages", "attributes", "metadata",
    ]
    static let scheduleFields = [
        "id", "service_id", "location_id", "service_at_location_id", "valid_from", "valid_to", "dtstart", "timezone",
        "until", "count", "wkst", "freq", "interval", "byday", "byweekno", "bymonthday", "byyearday", "description",
        "opens_at", "closes_at", "schedule_link", "attending_type", "notes", "attributes", "metadata",
    ]
    static let languageFields = ["id", "service_id", "location_id", "phone_id", "name", "code", "note", "attributes", "metadata"]
    static let serviceAreaFields = ["id", "service_id", "name", "description", "extent", "extent_type", "uri", "attributes", "metadata"]
    static let serviceAtLocationFields = ["id", "service_id", "location_id", "description", "contacts", "phones", "schedules", "location", "attributes", "metadata"]
    static let locationFields = [
        "id", "location_type", "url", "organization_id", "name", "alternate_name", "description", "transportation",
        "latitude", "longitude", "external_identifier", "external_identifier_type", "languages", "addresses", "contacts",
        "accessibility", "phones", "schedules", "attributes", "metadata",
    ]
    static let addressFields = [
        "id", "location_id", "attention", "address_1", "address_2", "city", "region", "state_province", "postal_code",
        "country", "address_type", "attributes", "metadata",
    ]
    static let requiredDocumentFields = ["id", "service_id", "document", "uri", "attributes", "metadata"]
    static let attributeFields = ["id", "link_id", "taxonomy_term_id", "link_type", "link_entity", "value", "taxonomy_term", "metadata"]
    static let taxonomyTermFields = [
        "id", "code", "name", "description", "parent_id", "taxonomy", "taxonomy_detail", "language", "taxonomy_id", "term_uri", "metadata",
    ]
}

/// US states, DC and territories: "Illinois" or "il" → "IL".
enum USState {
    static func code(_ text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.count == 2, names.keys.contains(trimmed.uppercased()) { return trimmed.uppercased() }
        return names.first { $0.value.caseInsensitiveCompare(trimmed) == .orderedSame }?.key
    }

    static let names: [String: String] = [
        "AL": "Alabama", "AK": "Alaska", "AZ": "Arizona", "AR": "Arkansas", "CA": "California", "CO": "Colorado",
        "CT": "Connecticut", "DE": "Delaware", "DC": "District of Columbia", "FL": "Florida", "GA": "Georgia",
        "HI": "Hawaii", "ID": "Idaho", "IL": "Illinois", "IN": "Indiana", "IA": "Iowa", "KS": "Kansas",
        "KY": "Kentucky", "LA": "Louisiana", "ME": "Maine", "MD": "Maryland", "MA": "Massachusetts",
        "MI": "Michigan", "MN": "Minnesota", "MS": "Mississippi", "MO": "Missouri", "MT": "Montana",
        "NE": "Nebraska", "NV": "Nevada", "NH": "New Hampshire", "NJ": "New Jersey", "NM": "New Mexico",
        "NY": "New York", "NC": "North Carolina", "ND": "North Dakota", "OH": "Ohio", "OK": "Oklahoma",
        "OR": "Oregon", "PA": "Pennsylvania", "RI": "Rhode Island", "SC": "South Carolina", "SD": "South Dakota",
        "TN": "Tennessee", "TX": "Texas", "UT": "Utah", "VT": "Vermont", "VA": "Virginia", "WA": "Washington",
        "WV": "West Virginia", "WI": "Wisconsin", "WY": "Wyoming", "PR": "Puerto Rico", "GU": "Guam",
        "VI": "U.S. Virgin Islands", "AS": "American Samoa", "MP": "Northern Mariana Islands",
    ]
}
