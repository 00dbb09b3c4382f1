import Foundation

/// Reads a directory file, in handout's JSON format or as Open Referral HSDS 3.0 (told
/// apart by shape, see `HSDSImport`), and validates it, reporting every problem with its
/// line and column, the partner id and the field path. Both become the same `Partner` values.
public enum DirectoryLoader {
    /// The project's directory, with its taxonomy mapping for HSDS terms and its size limit:
    /// what every command loads.
    public static func load(for project: Project) throws -> Directory {
        var map = TaxonomyMap.common
        if let mapPath = project.taxonomyMapPath {
            map = try TaxonomyMap.load(path: mapPath, displayPath: PathDisplay.relative(mapPath))
        }
        return try load(path: project.directoryPath, displayPath: PathDisplay.relative(project.directoryPath),
            maximumBytes: project.maxDirectoryBytes, taxonomyMap: map)
    }

    /// `maximumBytes`: a larger file is refused before it is read (handout.yml's
    /// `max_directory_mb`, 50 MB by default).
    public static func load(
        path: String, displayPath: String? = nil, maximumBytes: Int = InputFile.defaultMaximumBytes, taxonomyMap: TaxonomyMap = .common
    ) throws -> Directory {
        let shown = displayPath ?? path
        let text = try InputFile.read(path, displayPath: shown, what: "the partner directory", maximumBytes: maximumBytes,
            limitAdvice: "split it, or raise max_directory_mb in handout.yml")
        return try parse(text, path: shown, taxonomyMap: taxonomyMap)
    }

    /// Warnings (what HSDS import left out) come back in `Directory.warnings`; errors are thrown.
    public static func parse(_ text: String, path: String, taxonomyMap: TaxonomyMap = .common) throws -> Directory {
        let root: JSONNode
        do {
            root = try JSONParser.parse(text)
        } catch {
            throw InputErrors([Diagnostic(.error, "malformed JSON: \(error.message)", path: path, line: error.line, column: error.column)])
        }
        let log = DiagnosticLog(path: path)
        guard let shape = HSDSImport.shape(of: root) else {
            let directory = decodeDirectory(root, path: path, log: log)
            try log.throwIfErrors()
            return directory
        }
        var reader = HSDSImport(log: log, map: taxonomyMap)
        reader.read(root, shape: shape)
        try log.throwIfErrors()
        return Directory(path: path, format: .hsds, regionName: nil, taxonomy: reader.taxonomy, partners: reader.partners, warnings: log.sorted)
    }

    static let partnerFields = [
        "id", "name", "categories", "description", "phones", "website", "intake_url", "email",
        "address", "confidential_location", "service_area", "languages", "interpretation", "schedule", "hours",
        "fees", "eligibility", "alert", "what_to_bring", "last_verified", "active",
    ]

    private static func decodeDirectory(_ root: JSONNode, path: String, log: DiagnosticLog) -> Directory {
        let top = FieldReader(root, owner: "directory", log: log)
        guard top.expectObject() else { return Directory(path: path, regionName: nil, taxonomy: .builtIn, partners: []) }
        // "$schema" lets an editor find Resources/directory.schema.json.
        defer { top.finish(known: ["$schema", "region", "categories", "partners"]) }

        var regionName: String?
        if let region = top.object("region") {
            regionName = region.string("name")
            region.finish(known: ["name"])
        }

        var extra: [Taxonomy.Category] = []
        for (offset, node) in (top.array("categories") ?? []).enumerated() {
            let category = top.nested(node, field: "categories[\(offset)]")
            guard category.expectObject() else { continue }
            var id = category.string("id", required: true)
            // A category names site pages (partners-<id>.<lang>.html): the id rule holds.
            if let given = id, let problem = Identifier.problem(given, kind: "category id", example: "tenant-rights") {
                category.fail("id", problem)
                id = nil
            }
            var labels: [String: String] = [:]
            if let labelReader = category.object("labels"), case .object(let members) = labelReader.node.value {
                for member in members {
                    if let label = labelReader.string(member.key) { labels[member.key] = label }
                }
            }
            category.finish(known: ["id", "labels"])
            if let id { extra.append(Taxonomy.Category(id: id, labels: labels)) }
        }
        let taxonomy = Taxonomy.builtIn.adding(extra)

        var partners: [Partner] = []
        var firstLine: [String: Int] = [:]
        for (offset, element) in (top.array("partners", required: true) ?? []).enumerated() {
            guard let partner = decodePartner(element, number: offset + 1, taxonomy: taxonomy, log: log) else { continue }
            if let line = firstLine[partner.id] {
                log.add(.error, "partner \"\(partner.id)\": duplicate id; first used at line \(line)", line: element.line, column: element.column)
                continue
            }
            firstLine[partner.id] = element.line
            partners.append(partner)
        }
        return Directory(path: path, regionName: regionName, taxonomy: taxonomy, partners: partners)
    }

    private static func decodePartner(_ node: JSONNode, number: Int, taxonomy: Taxonomy, log: DiagnosticLog) -> Partner? {
        var owner = "partner #\(number)"
        if case .string(let id) = node["id"]?.value, !id.isEmpty { owner = "partner \"\(id)\"" }
        let reader = FieldReader(node, owner: owner, log: log)
        guard reader.expectObject() else { return nil }
        defer { reader.finish(known: partnerFields) }

        let id = reader.string("id", required: true)
        if let id, let problem = Identifier.problem(id, kind: "partner id", example: "legal-aid-housing") {
            reader.fail("id", problem)
        }
        let names = reader.localizedText("name", required: true)
        let categoryNodes = reader.strings("categories", required: true)
        if categoryNodes.isEmpty, let value = reader.value("categories"), case .array = value.value {
            reader.fail("categories", "must name at least one category")
        }
        for (offset, category) in categoryNodes.enumerated() where !taxonomy.contains(category.text) {
            reader.fail("categories[\(offset)]", taxonomy.unknownCategoryMessage(category.text), at: category.node)
        }

        let phones = (reader.array("phones") ?? []).enumerated().compactMap { offset, element in
            decodePhone(reader.nested(element, field: "phones[\(offset)]"))
        }
        let website = reader.url("website")
        let intakeURL = reader.url("intake_url")
        let email = reader.email("email")
        let address = reader.object("address").map { fields in
            defer { fields.finish(known: ["street", "city", "state", "zip", "latitude", "longitude"]) }
            return Partner.Address(
                street: fields.string("street"), city: fields.string("city"),
                state: fields.string("state")?.uppercased(), zip: fields.string("zip"),
                coordinate: decodeCoordinate(fields))
        }
        let confidential = reader.bool("confidential_location") ?? false
        let serviceArea = reader.object("service_area").map(decodeServiceArea) ?? Partner.ServiceArea()

        let languages = reader.strings("languages")
        for (offset, language) in languages.enumerated()
        where !LanguageCode.isValid(language.text) {
            reader.fail("languages[\(offset)]", LanguageCode.problem(language.text)!, at: language.node)
        }

        let eligibility = reader.object("eligibility").map { fields in
            defer { fields.finish(known: ["max_income_fpl_percent", "min_age", "max_age", "notes"]) }
            return Partner.Eligibility(
                maxIncomeFPLPercent: fields.number("max_income_fpl_percent"),
                minAge: fields.wholeNumber("min_age", in: Partner.Eligibility.ages),
                maxAge: fields.wholeNumber("max_age", in: Partner.Eligibility.ages),
                notes: fields.localizedText("notes"))
        }

        var lastVerified: Day?
        if let text = reader.string("last_verified") {
            lastVerified = Day(text)
            if lastVerified == nil { reader.fail("last_verified", "\"\(text)\" is not a date (YYYY-MM-DD)") }
        }

        let hasContact = !phones.isEmpty || website != nil || intakeURL != nil || email != nil
            || (address != nil && !confidential)
        // Fields given but invalid were reported already; a confidential address is no way in.
        let contactFieldsGiven = ["phones", "website", "intake_url", "email"].contains { reader.value($0) != nil }
            || (reader.value("address") != nil && !confidential)
        if !hasContact && !contactFieldsGiven {
            log.add(.error, "\(owner): no way to make contact: give at least one of phones, website, intake_url, email or address",
                line: node.line, column: node.column)
        }

        let schedule = (reader.array("schedule") ?? []).enumerated().compactMap { offset, element in
            decodeOpening(reader.nested(element, field: "schedule[\(offset)]"))
        }
        let whatToBring = (reader.array("what_to_bring") ?? []).enumerated().compactMap { offset, element in
            reader.localizedText(element, field: "what_to_bring[\(offset)]")
        }

        guard let id, let names else { return nil }
        return Partner(
            id: id, names: names, categories: categoryNodes.map(\.text), description: reader.localizedText("description"),
            phones: phones, website: website, intakeURL: intakeURL, email: email, address: address,
            confidentialLocation: confidential, serviceArea: serviceArea, languages: languages.map(\.text),
            interpretation: reader.bool("interpretation") ?? false, schedule: schedule, hours: reader.localizedText("hours"),
            fees: reader.localizedText("fees"), eligibility: eligibility, alert: reader.localizedText("alert"),
            whatToBring: whatToBring, lastVerified: lastVerified,
            active: reader.bool("active") ?? true, line: node.line, column: node.column)
    }

    private static func decodePhone(_ fields: FieldReader) -> Partner.Phone? {
        guard fields.expectObject() else { return nil }
        defer { fields.finish(known: ["number", "type", "label"]) }
        var kind = Partner.Phone.Kind.voice
        if let kindText = fields.string("type") {
            guard let parsed = Partner.Phone.Kind(rawValue: kindText) else {
                fields.fail("type", "unknown phone type \"\(kindText)\" (use voice, text, tty or fax)")
                return nil
            }
            kind = parsed
        }
        guard let number = fields.string("number", required: true) else { return nil }
        guard let parsed = PhoneNumber(number) else {
            fields.fail("number", "\"\(number)\" is not a valid phone number")
            return nil
        }
        return Partner.Phone(number: parsed, kind: kind, label: fields.localizedText("label"))
    }

    /// `{"days": ["mon", "fri"], "opens": "09:00", "closes": "17:00"}`.
    private static func decodeOpening(_ fields: FieldReader) -> Opening? {
        guard fields.expectObject() else { return nil }
        defer { fields.finish(known: ["days", "opens", "closes"]) }
        let dayNodes = fields.strings("days", required: true)
        var days: [Weekday] = []
        for (offset, day) in dayNodes.enumerated() {
            guard let parsed = Weekday(code: day.text) else {
                fields.fail("days[\(offset)]", "\"\(day.text)\" is not a day (use mon, tue, wed, thu, fri, sat or sun)", at: day.node)
                continue
            }
            if !days.contains(parsed) { days.append(parsed) }
        }
        if dayNodes.isEmpty, fields.value("days") != nil { fields.fail("days", "name at least one day") }
        func time(_ key: String) -> TimeOfDay? {
            guard let text = fields.string(key, required: true) else { return nil }
            guard let parsed = TimeOfDay(text) else {
                fields.fail(key, "\"\(text)\" is not a time (use 24-hour HH:MM, like \"09:00\" or \"17:30\")")
                return nil
            }
            return parsed
        }
        let opens = time("opens"), closes = time("closes")
        guard let opens, let closes, !days.isEmpty else { return nil }
        guard opens < closes else {
            fields.fail("closes", "closes at \(closes.text), not after it opens at \(opens.text)")
            return nil
        }
        return Opening(days: days, opens: opens, closes: closes)
    }

    /// latitude and longitude, both or neither, on Earth.
    private static func decodeCoordinate(_ fields: FieldReader) -> Coordinate? {
        let latitude = fields.number("latitude"), longitude = fields.number("longitude")
        switch (latitude, longitude) {
        case (nil, nil): return nil
        case (let latitude?, let longitude?):
            guard let coordinate = Coordinate(latitude: latitude, longitude: longitude) else {
                fields.fail("latitude", "\(latitude), \(longitude) is not a place on Earth (latitude -90 to 90, longitude -180 to 180)")
                return nil
            }
            return coordinate
        default:
            fields.fail(latitude == nil ? "longitude" : "latitude", "give latitude and longitude together")
            return nil
        }
    }

    private static func decodeServiceArea(_ fields: FieldReader) -> Partner.ServiceArea {
        defer { fields.finish(known: ["zips", "counties", "states", "remote"]) }
        var area = Partner.ServiceArea()
        let zips = fields.strings("zips")
        for (offset, zip) in zips.enumerated() where !ZipPattern.isValid(zip.text) {
            fields.fail("zips[\(offset)]", "\"\(zip.text)\" is not a ZIP code or a prefix pattern like \"606*\"", at: zip.node)
        }
        area.zips = zips.map(\.text)
        area.counties = fields.strings("counties").map(\.text)
        let states = fields.strings("states")
        for (offset, state) in states.enumerated() where !StateCode.isValid(state.text, capitalsOnly: false) {
            fields.fail("states[\(offset)]", "\"\(state.text)\" is not a two-letter state code", at: state.node)
        }
        area.states = states.map { $0.text.uppercased() }
        area.remote = fields.bool("remote") ?? false
        return area
    }
}
