/// Writes a loaded directory in either format: handout's own JSON, or Open Referral HSDS 3.0
/// (a paginated service list, each service valid against the 3.0 compiled service schema).
/// What `handout directory convert` prints; the inverse of `DirectoryLoader`.
public enum DirectoryWriter {
    /// The file's text, and notes on what the target format cannot hold.
    public struct Output: Sendable {
        public let text: String
        public let notes: [String]
    }

    public static func write(_ directory: Directory, as format: Directory.Format) -> Output {
        switch format {
        case .handout: return Output(text: handout(directory).serialized(), notes: [])
        case .hsds: return hsds(directory)
        }
    }

    // MARK: handout's format

    static func handout(_ directory: Directory) -> JSONNode {
        let added = directory.taxonomy.categories.filter { !Taxonomy.builtIn.contains($0.id) }
        return .object([
            ("region", directory.regionName.map { .object(["name": .string($0)]) }),
            ("categories", added.isEmpty ? nil : .array(added.map { category in
                .object(["id": .string(category.id), "labels": texts(category.labels)])
            })),
            ("partners", .array(directory.partners.map(partner))),
        ])
    }

    private static func partner(_ partner: Partner) -> JSONNode {
        let area = partner.serviceArea
        let serviceArea: JSONNode = .object([
            ("zips", area.zips.isEmpty ? nil : .array(area.zips.map(JSONNode.string))),
            ("counties", area.counties.isEmpty ? nil : .array(area.counties.map(JSONNode.string))),
            ("states", area.states.isEmpty ? nil : .array(area.states.map(JSONNode.string))),
            ("remote", area.remote ? .bool(true) : nil),
        ])
        return .object([
            ("id", .string(partner.id)),
            ("name", text(partner.names)),
            ("categories", .array(partner.categories.map(JSONNode.string))),
            ("description", partner.description.map(text)),
            ("phones", partner.phones.isEmpty ? nil : .array(partner.phones.map { phone in
                .object([
                    ("number", .string(phone.number.display)),
                    ("type", .string(phone.kind.rawValue)),
                    ("label", phone.label.map(text)),
                ])
            })),
            ("website", partner.website.map(JSONNode.string)),
            ("intake_url", partner.intakeURL.map(JSONNode.string)),
            ("email", partner.email.map(JSONNode.string)),
            ("address", partner.address.map { address in
                .object([
                    ("street", address.street.map(JSONNode.string)), ("city", address.city.map(JSONNode.string)),
                    ("state", address.state.map(JSONNode.string)), ("zip", address.zip.map(JSONNode.string)),
                    ("latitude", address.coordinate.map { .number($0.latitude) }),
                    ("longitude", address.coordinate.map { .number($0.longitude) }),
                ])
            }),
            ("confidential_location", partner.confidentialLocation ? .bool(true) : nil),
            ("service_area", area == Partner.ServiceArea() ? nil : serviceArea),
            ("languages", partner.languages.isEmpty ? nil : .array(partner.languages.map(JSONNode.string))),
            ("interpretation", partner.interpretation ? .bool(true) : nil),
            ("schedule", partner.schedule.isEmpty ? nil : .array(partner.schedule.map { opening in
                .object([
                    "days": .array(opening.days.map { .string($0.code) }),
                    "opens": .string(opening.opens.text), "closes": .string(opening.closes.text),
                ])
            })),
            ("hours", partner.hours.map(text)),
            ("fees", partner.fees.map(text)),
            ("eligibility", partner.eligibility.map { eligibility in
                .object([
                    ("max_income_fpl_percent", eligibility.maxIncomeFPLPercent.map(JSONNode.number)),
                    ("min_age", eligibility.minAge.map { .number(Double($0)) }),
                    ("max_age", eligibility.maxAge.map { .number(Double($0)) }),
                    ("notes", eligibility.notes.map(text)),
                ])
            }),
            ("alert", partner.alert.map(text)),
            ("what_to_bring", partner.whatToBring.isEmpty ? nil : .array(partner.whatToBring.map(text))),
            ("last_verified", partner.lastVerified.map { .string($0.description) }),
            ("active", partner.active ? nil : .bool(false)),
        ])
    }

    /// A plain string for an English-only text, else language → text, English first.
    private static func text(_ text: LocalizedText) -> JSONNode {
        if text.texts.count == 1, let english = text.texts[LocalizedText.defaultLanguage] { return .string(english) }
        return texts(text.texts)
    }

    private static func texts(_ texts: [String: String]) -> JSONNode {
        let english = LocalizedText.defaultLanguage
        let order = texts.keys.sorted { a, b in a == english ? b != english : (b != english && a < b) }
        return .object(order.map { ($0, JSONNode.string(texts[$0]!)) })
    }

    // MARK: HSDS 3.0

    static func hsds(_ directory: Directory) -> Output {
        var notes: [String] = []
        let translated = directory.partners.flatMap { [$0.names] + $0.clientTexts }.filter { $0.texts.count > 1 }.count
        if translated > 0 {
            let languages = Set(directory.partners.flatMap { ([$0.names] + $0.clientTexts).flatMap(\.languages) })
                .subtracting([LocalizedText.defaultLanguage]).sorted()
            notes.append("HSDS 3.0 holds one language per text: the \(languages.joined(separator: ", ")) versions of \(translated) texts are left out")
        }
        if directory.regionName != nil { notes.append("HSDS 3.0 has no field for the directory's region name: left out") }
        for partner in directory.partners where partner.confidentialLocation && partner.address != nil {
            notes.append("partner \"\(partner.id)\": a confidential location's address is never written")
        }
        let services = directory.partners.map { service($0, taxonomy: directory.taxonomy) }
        let list: JSONNode = .object([
            "total_items": .number(Double(services.count)), "total_pages": .number(1), "page_number": .number(1),
            "size": .number(Double(services.count)), "first_page": .bool(true), "last_page": .bool(true),
            "empty": .bool(services.isEmpty), "contents": .array(services),
        ])
        return Output(text: list.serialized(), notes: notes)
    }

    private static func service(_ partner: Partner, taxonomy: Taxonomy) -> JSONNode {
        let base = "partner/\(partner.id)"
        func id(_ suffix: String) -> JSONNode { .string(NameBasedUUID.make(base + suffix)) }
        func primary(_ text: LocalizedText?) -> JSONNode? { text.map { .string($0.primary) } }

        var attributes: [JSONNode] = partner.categories.map { category in
            let label = taxonomy.label(category, language: "en")
            return .object([
                "id": id("/attribute/category/\(category)"),
                "taxonomy_term": .object([
                    "id": .string(NameBasedUUID.make("category/\(category)")), "code": .string(category), "name": .string(label),
                    "description": .string(label), "taxonomy": .string(HSDSImport.categoryTaxonomy),
                ]),
            ])
        }
        // What HSDS has no field for, as attributes of handout's own taxonomy, so a round trip keeps it.
        var fields: [(String, String)] = [("partner-id", partner.id)]
        if partner.confidentialLocation { fields.append(("confidential-location", "true")) }
        if let percent = partner.eligibility?.maxIncomeFPLPercent { fields.append(("max-income-fpl-percent", HandoutContext.number(percent))) }
        if let intake = partner.intakeURL { fields.append(("intake-url", intake)) }
        for (code, value) in fields {
            attributes.append(.object([
                "id": id("/attribute/\(code)"),
                "value": .string(value),
                "taxonomy_term": .object([
                    "id": .string(NameBasedUUID.make("field/\(code)")), "code": .string(code), "name": .string(code),
                    "description": .string("handout's \(code) field"), "taxonomy": .string(HSDSImport.fieldTaxonomy),
                ]),
            ]))
        }

        var schedules: [JSONNode] = partner.schedule.enumerated().map { offset, opening in
            .object([
                "id": id("/schedule/\(offset)"), "freq": .string("WEEKLY"),
                "byday": .string(opening.days.map(\.icalCode).joined(separator: ",")),
                "opens_at": .string(opening.opens.text), "closes_at": .string(opening.closes.text),
            ])
        }
        if let hours = partner.hours { schedules.append(.object(["id": id("/schedule/note"), "description": .string(hours.primary)])) }

        let area = partner.serviceArea
        let areaNames = area.zips + area.counties.map { entry in
            let (name, state) = CountyName.parse(entry)
            return name + " County" + (state.map { ", " + $0 } ?? "")
        } + area.states
        var locations: [JSONNode] = []
        if let address = partner.address, !partner.confidentialLocation {
            let hasStreet = address.street != nil || address.city != nil || address.zip != nil
            locations.append(.object([
                ("id", id("/service-at-location/physical")),
                ("location", .object([
                    ("id", id("/location/physical")), ("location_type", .string("physical")),
                    ("latitude", address.coordinate.map { .number($0.latitude) }),
                    ("longitude", address.coordinate.map { .number($0.longitude) }),
                    ("addresses", hasStreet ? .array([.object([
                        "id": id("/address/physical"), "address_1": .string(address.street ?? ""), "city": .string(address.city ?? ""),
                        "state_province": .string(address.state ?? ""), "postal_code": .string(address.zip ?? ""),
                        "country": .string("US"), "address_type": .string("physical"),
                    ])]) : nil),
                ])),
            ]))
        }
        if area.remote {
            locations.append(.object([
                "id": id("/service-at-location/virtual"),
                "location": .object(["id": id("/location/virtual"), "location_type": .string("virtual")]),
            ]))
        }

        return .object([
            ("id", id("")),
            ("name", .string(partner.name)),
            ("description", primary(partner.description)),
            ("url", partner.website.map(JSONNode.string)),
            ("email", partner.email.map(JSONNode.string)),
            ("status", .string(partner.active ? "active" : "inactive")),
            ("interpretation_services", partner.interpretation ? .string("Interpreters for other languages.") : nil),
            ("fees_description", primary(partner.fees)),
            ("eligibility_description", primary(partner.eligibility?.notes)),
            ("minimum_age", partner.eligibility?.minAge.map { .number(Double($0)) }),
            ("maximum_age", partner.eligibility?.maxAge.map { .number(Double($0)) }),
            ("assured_date", partner.lastVerified.map { .string($0.description) }),
            ("alert", primary(partner.alert)),
            ("phones", partner.phones.isEmpty ? nil : .array(partner.phones.enumerated().map { offset, phone in
                let kind = ["voice": "voice", "text": "text", "tty": "textphone", "fax": "fax"][phone.kind.rawValue]!
                return .object([
                    ("id", id("/phone/\(offset)")),
                    ("number", .string(phone.number.display.components(separatedBy: " ext. ")[0])),
                    ("extension", phone.number.extensionDigits.flatMap(Double.init).map(JSONNode.number)),
                    ("type", .string(kind)),
                    ("description", primary(phone.label)),
                ])
            })),
            ("schedules", schedules.isEmpty ? nil : .array(schedules)),
            ("service_areas", areaNames.isEmpty ? nil : .array(areaNames.map { name in
                .object(["id": id("/service-area/\(name)"), "name": .string(name)])
            })),
            ("service_at_locations", locations.isEmpty ? nil : .array(locations)),
            ("languages", partner.languages.isEmpty ? nil : .array(partner.languages.map { code in
                .object(["id": id("/language/\(code)"), "name": .string(Strings(language: "en").languageName(code)), "code": .string(code)])
            })),
            ("required_documents", partner.whatToBring.isEmpty ? nil : .array(partner.whatToBring.enumerated().map { offset, document in
                .object(["id": id("/required-document/\(offset)"), "document": .string(document.primary)])
            })),
            ("attributes", .array(attributes)),
        ])
    }
}
