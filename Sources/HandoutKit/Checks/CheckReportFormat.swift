import Foundation

/// The three ways `handout check` prints its findings.
public enum CheckReportFormat: String, Sendable, CaseIterable {
    case text, json, sarif

    /// The findings in this format; JSON carries the report's coverage table when it has one
    /// (`counts[i][j]`: partners for `categories[i]` in `areas[j]`).
    public func render(_ report: Checker.Report, toolVersion: String) throws -> String {
        switch self {
        case .text:
            return report.findings.map { $0.description + "\n" }.joined() + report.summary + "\n"
        case .json:
            let findings = report.findings.map { finding -> [String: Any] in
                var object: [String: Any] = ["level": finding.level.rawValue, "rule": finding.rule ?? "", "path": finding.path, "message": finding.message]
                object["line"] = finding.line
                object["column"] = finding.column
                return object
            }
            let summary = ["errors": report.count(.error), "warnings": report.count(.warning), "notes": report.count(.note)]
            var object: [String: Any] = ["findings": findings, "summary": summary]
            if let coverage = report.coverage {
                object["coverage"] = [
                    "areas": coverage.areas.map(\.name), "categories": coverage.categories,
                    "counts": coverage.categories.map { category in coverage.areas.map { coverage.counts[category]?[$0.name] ?? 0 } },
                ]
            }
            return try Self.json(object)
        case .sarif:
            return try Self.json(sarif(report, toolVersion: toolVersion))
        }
    }

    /// SARIF 2.1.0, for code scanning in CI: one run, every rule described, one result per finding.
    private func sarif(_ report: Checker.Report, toolVersion: String) -> [String: Any] {
        let rules = CheckRule.all.map { rule -> [String: Any] in
            [
                "id": rule.id,
                "shortDescription": ["text": rule.summary],
                "defaultConfiguration": ["level": rule.level.rawValue],
            ]
        }
        let results = report.findings.map { finding -> [String: Any] in
            var region: [String: Any] = [:]
            region["startLine"] = finding.line
            region["startColumn"] = finding.column
            var physical: [String: Any] = ["artifactLocation": ["uri": finding.path]]
            if !region.isEmpty { physical["region"] = region }
            var result: [String: Any] = [
                "level": finding.level.rawValue,
                "message": ["text": finding.message],
                "locations": [["physicalLocation": physical]],
            ]
            if let rule = finding.rule {
                result["ruleId"] = rule
                result["ruleIndex"] = CheckRule.all.firstIndex { $0.id == rule }
            }
            return result
        }
        return [
            "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
            "version": "2.1.0",
            "runs": [[
                "tool": ["driver": ["name": "handout", "version": toolVersion, "rules": rules]],
                "results": results,
            ]],
        ]
    }

    private static func json(_ object: Any) throws -> String {
        let data = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
