/// The words handout itself prints around a template (partner listing labels, footer,
/// notes), in every bundled language. A language without its own strings uses English.
struct Strings: Sendable {
    let language: String
    private let table: [String: String]

    init(language: String) {
        self.language = Self.tables[language] == nil ? "en" : language
        table = Self.tables[self.language]!
    }

    subscript(key: String) -> String { table[key] ?? Self.tables["en"]![key] ?? key }

    /// All labels, for templates (`{{labels.website}}`).
    var labels: [String: String] { Self.tables["en"]!.merging(table) { $1 } }

    /// "November 29, 2026" or "29 de noviembre de 2026".
    func format(_ day: Day) -> String {
        let months = self["months"].split(separator: " ")
        let month = months[day.month - 1]
        return language == "es" ? "\(day.day) de \(month) de \(day.year)" : "\(month) \(day.day), \(day.year)"
    }

    /// "English, Spanish and Polish" / "inglés, español y polaco".
    func list(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " " + self["and"] + " " + items.last!
    }

    /// A language's name in that language, for the language switcher: "English", "Español".
    static func endonym(_ code: String) -> String {
        let names = [
            "en": "English", "es": "Español", "pl": "Polski", "zh": "中文", "vi": "Tiếng Việt", "ar": "العربية",
            "ko": "한국어", "ru": "Русский", "uk": "Українська", "fr": "Français", "ht": "Kreyòl ayisyen",
            "tl": "Tagalog", "pt": "Português", "so": "Soomaali", "fa": "فارسی", "ja": "日本語", "de": "Deutsch", "it": "Italiano",
        ]
        return names[String(code.split(separator: "-").first ?? "")] ?? code
    }

    /// Where a partner works, in words: "ZIP codes 606*; Cook County, IL; all of IL; by phone or online".
    func serviceArea(_ area: Partner.ServiceArea) -> String {
        var parts: [String] = []
        if !area.zips.isEmpty { parts.append(self["zip_codes"].filling(area.zips.joined(separator: ", "))) }
        for entry in area.counties {
            let parsed = CountyName.parse(entry)
            parts.append(self["county"].filling(parsed.name) + (parsed.state.map { ", " + $0 } ?? ""))
        }
        parts += area.states.map { self["statewide"].filling($0) }
        if area.remote { parts.append(self["remote"]) }
        return parts.joined(separator: "; ")
    }

    /// "Spanish" → "es": HSDS languages sometimes carry only a name.
    static func languageCode(englishName name: String) -> String? {
        let lowered = name.trimmingCharacters(in: .whitespaces).lowercased()
        return languageNames.first { $0.value[0].lowercased() == lowered }?.key
    }

    func languageName(_ code: String) -> String {
        let primary = String(code.split(separator: "-").first ?? "")
        return Self.languageNames[primary]?[language == "es" ? 1 : 0] ?? code
    }

    private static let tables: [String: [String: String]] = [
        "en": [
            "months": "January February March April May June July August September October November December",
            "and": "and",
            "where_to_get_help": "Where to get help",
            "call_first": "Who to call first", "call_first_helps": "Helps with: %@.",
            "no_partners": "We did not find a local partner for this need. Call or text 211 to find help near you.",
            "national_help": "National help lines",
            "voice": "Phone", "text": "Text", "tty": "TTY", "fax": "Fax",
            "website": "Website", "apply_online": "Apply online", "email": "Email", "address": "Address",
            "qr_code_for": "QR code for",
            "confidential": "Kept private for safety. Call to get help.",
            "languages": "Languages", "interpreters": "interpreters for other languages",
            "hours": "Hours", "cost": "Cost", "who_can_get_help": "Who can get help",
            "income_limit": "Household income up to %@% of the federal poverty level.",
            "min_age": "Age %@ and older.", "max_age": "Up to age %@.",
            "checked_on": "Listing checked",
            "in_language": "in %@",
            "distance_under_one": "Less than a mile away", "distance_one": "About 1 mile away",
            "distance_miles": "About %@ miles away", "in_your_area": "In your area",
            "serves_remotely": "Serves you by phone or online",
            "alert": "Important",
            "what_to_bring": "What to bring",
            "weekdays": "Monday Tuesday Wednesday Thursday Friday Saturday Sunday",
            "to": "to", "am": "a.m.", "pm": "p.m.", "noon": "noon",
            "hours_phrase": "%days, %opens to %closes",
            "prepared_by": "Prepared by",
            "prepared_on": "Prepared on",
            "published_by": "Published by",
            "listings_checked": "Partner listings checked",
            "site_title": "Your rights and where to get help",
            "domain_income": "Income and benefits", "domain_housing": "Housing and utilities",
            "domain_education": "School and work", "domain_legal": "Legal status",
            "domain_personal": "Personal and family safety",
            "other_needs": "Other needs", "for_clinicians": "For clinicians", "plain_text": "plain text",
            "home": "Home", "partner_directory": "Partner directory", "site_navigation": "Site",
            "language_navigation": "Languages", "service_area": "Service area",
            "stale": "May be out of date",
            "stale_note": "this listing was last checked more than %@ days before the newest listing in this directory. Call to make sure before you go.",
            "unverified_note": "this listing has no date of its last check. Call to make sure before you go.",
            "zip_codes": "ZIP codes %@", "county": "%@ County", "statewide": "all of %@", "remote": "by phone or online",
            "directory_intro": "Local organizations that give free or low-cost help, by need. Each listing says when it was last checked.",
            "partner_count": "%@ partners", "partner_count_one": "1 partner",
            "not_found": "Page not found", "not_found_text": "We could not find that page. Start again from the home page:",
            "reviewed": "Facts reviewed",
            "sources": "Sources",
            "fallback": "This handout is not yet available in %@. This is the English version.",
            "hotline_211_about": "Free. Connects you to local help with food, shelter, rent and utility bills.",
            "hotline_988": "Suicide & Crisis Lifeline", "hotline_988_about": "Free and confidential. Call or text any time, day or night, for a mental health or suicidal crisis.",
            "hotline_dv": "National Domestic Violence Hotline", "hotline_dv_about": "Any time, day or night. Text START to 88788. TTY 1-800-787-3224.",
            "income_left_out": "Some programs were left out because of income limits.",
            "see_partners": "See \"Where to get help\" at the end of this packet.",
            "packet_title": "Your rights and where to get help",
            "prepared_for": "Prepared for %@",
            "in_this_packet": "In this packet",
            "notes": "Notes",
            "handout_count": "%@ handouts",
        ],
        "es": [
            "months": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
            "and": "y",
            "where_to_get_help": "Dónde obtener ayuda",
            "call_first": "A quién llamar primero", "call_first_helps": "Ayuda con: %@.",
            "no_partners": "No encontramos una organización local para esta necesidad. Llame o envíe un mensaje de texto al 211 para buscar ayuda cerca de usted.",
            "national_help": "Líneas de ayuda nacionales",
            "voice": "Teléfono", "text": "Mensajes de texto", "tty": "TTY", "fax": "Fax",
            "website": "Sitio web", "apply_online": "Solicitar en línea", "email": "Correo electrónico", "address": "Dirección",
            "qr_code_for": "Código QR de",
            "confidential": "Se mantiene en privado por seguridad. Llame para pedir ayuda.",
            "languages": "Idiomas", "interpreters": "intérpretes para otros idiomas",
            "hours": "Horario", "cost": "Costo", "who_can_get_help": "Quién puede recibir ayuda",
            "income_limit": "Ingresos del hogar de hasta el %@% del nivel federal de pobreza.",
            "min_age": "Desde los %@ años.", "max_age": "Hasta los %@ años.",
            "checked_on": "Información verificada",
            "in_language": "en %@",
            "distance_under_one": "A menos de una milla", "distance_one": "A aproximadamente 1 milla",
            "distance_miles": "A unas %@ millas", "in_your_area": "En su zona",
            "serves_remotely": "Le atiende por teléfono o en línea",
            "alert": "Importante",
            "what_to_bring": "Qué debe llevar",
            "weekdays": "lunes martes miércoles jueves viernes sábado domingo",
            "to": "a", "am": "a.\u{00A0}m.", "pm": "p.\u{00A0}m.", "noon": "12 del mediodía",
            "hours_phrase": "%days, de %opens a %closes",
            "prepared_by": "Preparado por",
            "prepared_on": "Preparado el",
            "published_by": "Publicado por",
            "listings_checked": "Información de las organizaciones verificada",
            "site_title": "Sus derechos y dónde obtener ayuda",
            "domain_income": "Ingresos y beneficios", "domain_housing": "Vivienda y servicios públicos",
            "domain_education": "Escuela y trabajo", "domain_legal": "Estatus migratorio",
            "domain_personal": "Seguridad personal y familiar",
            "other_needs": "Otras necesidades", "for_clinicians": "Para profesionales de la salud", "plain_text": "texto simple",
            "home": "Inicio", "partner_directory": "Directorio de organizaciones", "site_navigation": "Sitio",
            "language_navigation": "Idiomas", "service_area": "Área de servicio",
            "stale": "Puede no estar al día",
            "stale_note": "esta información se verificó más de %@ días antes de la información más reciente de este directorio. Llame para confirmar antes de ir.",
            "unverified_note": "esta información no tiene fecha de verificación. Llame para confirmar antes de ir.",
            "zip_codes": "códigos postales %@", "county": "condado de %@", "statewide": "todo el estado de %@", "remote": "por teléfono o en línea",
            "directory_intro": "Organizaciones locales que dan ayuda gratis o de bajo costo, por necesidad. Cada una dice cuándo se verificó su información.",
            "partner_count": "%@ organizaciones", "partner_count_one": "1 organización",
            "not_found": "No encontramos la página", "not_found_text": "No encontramos esa página. Vuelva a empezar desde la página de inicio:",
            "reviewed": "Datos revisados",
            "sources": "Fuentes",
            "fallback": "Esta hoja todavía no está disponible en %@. Esta es la versión en inglés.",
            "hotline_211_about": "Gratis. Lo conecta con ayuda local con comida, refugio, renta y facturas de servicios.",
            "hotline_988": "Línea de Prevención del Suicidio y Crisis", "hotline_988_about": "Gratis y confidencial. Llame o envíe un texto a cualquier hora, de día o de noche, si tiene una crisis de salud mental o de suicidio.",
            "hotline_dv": "Línea Nacional sobre la Violencia Doméstica", "hotline_dv_about": "A cualquier hora, de día o de noche. Envíe START al 88788. TTY 1-800-787-3224.",
            "income_left_out": "Algunos programas no aparecen por los límites de ingresos.",
            "see_partners": "Vea \"Dónde obtener ayuda\" al final de este paquete.",
            "packet_title": "Sus derechos y dónde obtener ayuda",
            "prepared_for": "Preparado para %@",
            "in_this_packet": "En este paquete",
            "notes": "Notas",
            "handout_count": "%@ hojas informativas",
        ],
    ]

    /// Names of the languages partners list, in English and in Spanish.
    private static let languageNames: [String: [String]] = [
        "en": ["English", "inglés"], "es": ["Spanish", "español"], "pl": ["Polish", "polaco"],
        "zh": ["Chinese", "chino"], "ar": ["Arabic", "árabe"], "vi": ["Vietnamese", "vietnamita"],
        "ko": ["Korean", "coreano"], "ru": ["Russian", "ruso"], "uk": ["Ukrainian", "ucraniano"],
        "fr": ["French", "francés"], "ht": ["Haitian Creole", "criollo haitiano"], "tl": ["Tagalog", "tagalo"],
        "pt": ["Portuguese", "portugués"], "hi": ["Hindi", "hindi"], "ur": ["Urdu", "urdu"],
        "so": ["Somali", "somalí"], "am": ["Amharic", "amárico"], "fa": ["Persian", "persa"],
        "ja": ["Japanese", "japonés"], "de": ["German", "alemán"], "it": ["Italian", "italiano"],
        "asl": ["American Sign Language", "lengua de señas americana"],
    ]
}

extension String {
    /// Fills the one `%@` in a label.
    func filling(_ value: String) -> String { replacingOccurrences(of: "%@", with: value) }
}

import Foundation
