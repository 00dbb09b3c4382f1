/// The categories partners and templates share, with a label in every bundled language.
/// A directory may add categories of its own, with their labels.
public struct Taxonomy: Sendable {
    public struct Category: Sendable, Equatable {
        public let id: String
        public let labels: [String: String]
    }

    public private(set) var categories: [Category]

    public static let builtIn = Taxonomy(categories: [
        Category(id: "housing", labels: ["en": "Housing", "es": "Vivienda"]),
        Category(id: "utilities", labels: ["en": "Utilities", "es": "Servicios públicos (luz, gas, agua)"]),
        Category(id: "benefits", labels: ["en": "Public benefits", "es": "Beneficios públicos"]),
        Category(id: "food", labels: ["en": "Food", "es": "Alimentos"]),
        Category(id: "health-coverage", labels: ["en": "Health coverage", "es": "Seguro médico"]),
        Category(id: "medical-debt", labels: ["en": "Medical bills and debt", "es": "Facturas y deudas médicas"]),
        Category(id: "employment", labels: ["en": "Work and employment", "es": "Trabajo y empleo"]),
        Category(id: "education", labels: ["en": "School and education", "es": "Escuela y educación"]),
        Category(id: "immigration", labels: ["en": "Immigration", "es": "Inmigración"]),
        Category(id: "family-safety", labels: ["en": "Family safety", "es": "Seguridad familiar"]),
        Category(id: "disability", labels: ["en": "Disability rights", "es": "Derechos de personas con discapacidad"]),
        Category(id: "mental-health", labels: ["en": "Mental health", "es": "Salud mental"]),
    ])

    public var ids: [String] { categories.map(\.id) }

    public func contains(_ id: String) -> Bool { categories.contains { $0.id == id } }

    /// The category's label in `language`, else in English, else its id.
    public func label(_ id: String, language: String) -> String {
        guard let category = categories.first(where: { $0.id == id }) else { return id }
        return category.labels[language] ?? category.labels["en"] ?? id
    }

    /// "unknown category "housng" (did you mean "housing"?)".
    public func unknownCategoryMessage(_ name: String) -> String {
        NearestName.describe("unknown category \"\(name)\"", name: name, among: ids)
    }

    /// This taxonomy with a directory's own categories added (an existing id is relabelled).
    func adding(_ extra: [Category]) -> Taxonomy {
        var copy = self
        for category in extra {
            if let index = copy.categories.firstIndex(where: { $0.id == category.id }) {
                copy.categories[index] = category
            } else {
                copy.categories.append(category)
            }
        }
        return copy
    }
}
