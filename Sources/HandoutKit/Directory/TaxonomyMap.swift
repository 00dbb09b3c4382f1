import Foundation
import Yams

/// Which category an HSDS taxonomy term stands for: by its code ("BH-1800.8500"), by a code
/// prefix ("BH*"), or by its name ("Eviction Prevention", any case). A project may give its
/// own mapping file (handout.yml `taxonomy_map`, or `--taxonomy-map`), a YAML mapping of
/// code or term → category; its entries come before the built-in ones for common terms.
public struct TaxonomyMap: Sendable {
    /// Lowercased code or term name → category.
    private var exact: [String: String]
    /// Lowercased code prefix (without its "*") → category, longest first.
    private var prefixes: [(prefix: String, category: String)]

    init(_ entries: [String: String]) {
        exact = [:]
        prefixes = []
        for (key, category) in entries { add(key, category) }
    }

    private mutating func add(_ key: String, _ category: String) {
        let lowered = key.lowercased()
        if lowered.hasSuffix("*") {
            prefixes.removeAll { $0.prefix == String(lowered.dropLast()) }
            prefixes.append((String(lowered.dropLast()), category))
            prefixes.sort { ($0.prefix.count, $1.prefix) > ($1.prefix.count, $0.prefix) }
        } else {
            exact[lowered] = category
        }
    }

    /// The category for a term: its code, then its name, then the longest code prefix.
    public func category(code: String?, name: String?) -> String? {
        if let code, let found = exact[code.lowercased()] { return found }
        if let name, let found = exact[name.lowercased()] { return found }
        guard let code = code?.lowercased() else { return nil }
        return prefixes.first { code.hasPrefix($0.prefix) }?.category
    }

    /// This mapping with `other`'s entries taking precedence.
    func overridden(by other: TaxonomyMap) -> TaxonomyMap {
        var copy = self
        for (key, category) in other.exact { copy.exact[key] = category }
        for entry in other.prefixes.reversed() { copy.add(entry.prefix + "*", entry.category) }
        return copy
    }

    /// Open Eligibility (Open Referral's own taxonomy) names and 211/AIRS code prefixes that
    /// plainly match one of the built-in categories; docs/hsds.md lists them.
    public static let common = TaxonomyMap([
        // Open Eligibility and everyday term names.
        "housing": "housing", "help pay for housing": "housing", "housing assistance": "housing",
        "eviction prevention": "housing", "tenant rights": "housing", "shelter": "housing", "emergency shelter": "housing",
        "utilities": "utilities", "help pay for utilities": "utilities", "utility assistance": "utilities",
        "food": "food", "food pantry": "food", "food benefits": "food", "snap": "food", "meals": "food",
        "benefits": "benefits", "government benefits": "benefits", "public assistance": "benefits", "cash assistance": "benefits",
        "health insurance": "health-coverage", "medicaid": "health-coverage", "health coverage": "health-coverage",
        "medical debt": "medical-debt", "medical bills": "medical-debt", "help pay for healthcare": "medical-debt",
        "employment": "employment", "work": "employment", "workers rights": "employment", "job training": "employment",
        "education": "education", "special education": "education",
        "immigration": "immigration", "immigration services": "immigration", "citizenship & immigration": "immigration",
        "domestic violence": "family-safety", "family violence": "family-safety", "safety": "family-safety",
        "disability": "disability", "disability services": "disability", "disability rights": "disability",
        "mental health": "mental-health", "mental health care": "mental-health", "counseling": "mental-health",
        // 211 LA / AIRS taxonomy codes: BD food, BH housing/shelter, BV utilities, H education,
        // ND employment, NL public assistance programs, R mental health care and counseling.
        "BD*": "food", "BH*": "housing", "BV*": "utilities", "H*": "education",
        "ND*": "employment", "NL*": "benefits", "R*": "mental-health",
    ])

    /// A mapping file: YAML, `code or term: category` a line. Every problem is reported with
    /// its line; categories must be built in.
    public static func load(path: String, displayPath: String? = nil, taxonomy: Taxonomy = .builtIn) throws -> TaxonomyMap {
        let shown = displayPath ?? path
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw InputErrors([Diagnostic(.error, "cannot read the taxonomy mapping", path: shown)])
        }
        let root = try YAMLProblem.compose(text, path: shown)
        guard case .mapping(let mapping)? = root else {
            throw InputErrors([Diagnostic(.error, "a taxonomy mapping is `code or term: category` lines", path: shown, line: 1, column: 1)])
        }
        let log = DiagnosticLog(path: shown)
        var entries: [String: String] = [:]
        for (key, value) in mapping {
            guard let term = key.scalar?.string, !term.isEmpty else {
                log.add(.error, "a key must be a taxonomy code or term", line: key.mark?.line, column: key.mark?.column)
                continue
            }
            guard let category = value.scalar?.string, taxonomy.contains(category) else {
                let message = value.scalar.map { taxonomy.unknownCategoryMessage($0.string) } ?? "\"\(term)\" must map to one category"
                log.add(.error, message, line: value.mark?.line, column: value.mark?.column)
                continue
            }
            entries[term] = category
        }
        try log.throwIfErrors()
        return common.overridden(by: TaxonomyMap(entries))
    }
}
