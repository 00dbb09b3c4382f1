import Foundation
import Testing

/// The pages `handout build` writes, read as a visitor (and a search engine) would.
@Suite struct SiteTests {
    /// The clinic fixture built once per test into a fresh folder, with `extra` lines added
    /// to its handout.yml and `edit` applied to its directory.
    func build(extra: String = "", edit: (String) -> String = { $0 }) throws -> (project: String, site: String, result: CommandResult) {
        let project = try temporaryFolder() + "/clinic"
        try FileManager.default.copyItem(atPath: Paths.fixtures + "/clinic", toPath: project)
        if !extra.isEmpty {
            try (try read(project + "/handout.yml") + extra).write(toFile: project + "/handout.yml", atomically: true, encoding: .utf8)
        }
        try edit(try read(project + "/directory.json")).write(toFile: project + "/directory.json", atomically: true, encoding: .utf8)
        let result = try handout(["build", project, "--today", "2026-11-29", "--quiet"])
        return (project, project + "/_site", result)
    }

    func pages(_ site: String) throws -> [String: String] {
        var pages: [String: String] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: site) where name.hasSuffix(".html") || name.hasSuffix(".txt") || name.hasSuffix(".xml") {
            pages[name] = try read(site + "/" + name)
        }
        return pages
    }

    @Test func homePagesListHandoutsByNeedWithLinksBetweenLanguages() throws {
        let (_, site, result) = try build()
        #expect(result.status == 0)
        let home = try read(site + "/index.es.html")
        #expect(home.contains("""
            <h2>Vivienda y servicios públicos</h2>
            <ul>
            <li><a href="eviction.es.html">Si recibe un aviso de desalojo</a>
            """))
        #expect(home.contains("(<a href=\"eviction.es.txt\">texto simple</a>)</li>"))
        #expect(home.contains("<h2><a href=\"partners.es.html\">Directorio de organizaciones</a></h2>"))
        #expect(try read(site + "/index.html") == (try read(site + "/index.en.html")))

        let handout = try read(site + "/eviction.en.html")
        #expect(handout.contains("""
            <link rel="alternate" hreflang="en" href="eviction.en.html">
            <link rel="alternate" hreflang="es" href="eviction.es.html">
            """))
        #expect(handout.contains("""
            <nav aria-label="Languages">
            <ul class="languages">
            <li><span aria-current="page" lang="en">English</span></li>
            <li><a href="eviction.es.html" hreflang="es" lang="es">Español</a></li>
            </ul>
            </nav>
            """))
        #expect(handout.contains("<li><a href=\"index.en.html\">Home</a></li>\n<li><a href=\"partners.en.html\">Partner directory</a></li>"))
        // The contact from handout.yml ends every page, HTML and text.
        for (name, page) in try pages(site) where !name.hasSuffix(".xml") {
            #expect(page.contains("Published by Lakeside Counseling") || page.contains("Publicado por Lakeside Counseling"), "\(name)")
        }
    }

    @Test func pagesNeedNoScriptAndLoadNothing() throws {
        let (_, site, _) = try build()
        for (name, page) in try pages(site) where name.hasSuffix(".html") {
            #expect(!page.contains("<script") && !page.contains(" src=") && !page.contains("rel=\"stylesheet\""), "\(name)")
            #expect(page.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';"), "\(name)")
        }
    }

    @Test func thePartnerDirectoryHasAPagePerCategoryWithFreshnessMarked() throws {
        // A listing checked 518 days before the directory's newest one is out of date; the
        // marker is measured from the directory's own dates, so it is the same on any day.
        let (_, site, _) = try build { $0.replacingOccurrences(of: "\"2026-09-15\"", with: "\"2025-06-01\"") }
        let directory = try read(site + "/partners.en.html")
        #expect(directory.contains("<li><a href=\"partners-housing.en.html\">Housing</a>: 5 partners</li>\n<li><a href=\"partners-benefits.en.html\">Public benefits</a>: 1 partner</li>"))
        let housing = try read(site + "/partners-housing.en.html")
        #expect(housing.contains("""
            <h2>Westside Tenant Law</h2>
            <p><strong>May be out of date:</strong> this listing was last checked more than 365 days before the newest listing in this directory. Call to make sure before you go.</p>
            """))
        #expect(housing.contains("""
            <h2>English Only Clinic</h2>
            <p><strong>May be out of date:</strong> this listing has no date of its last check. Call to make sure before you go.</p>
            <ul>
            <li>Phone: <a href="tel:+13125550160">312-555-0160</a></li>
            <li>Languages: English</li>
            <li>Service area: ZIP codes 60623</li>
            </ul>
            """))
        #expect(housing.contains("<li>Service area: all of IL; by phone or online</li>\n<li>Listing checked: October 1, 2026</li>"))
        #expect(!housing.contains("<h2>Safe Harbor House</h2>\n<p><strong>May be out of date"))
        let spanish = try read(site + "/partners-housing.es.html")
        #expect(spanish.contains("<li>Área de servicio: condado de Cook, IL</li>"))
    }

    @Test func aRegionLeavesOutThePartnersThatDoNotServeIt() throws {
        let everywhere = try build()
        #expect(try pages(everywhere.site).values.contains { $0.contains("Texas Aid") })
        let cook = try build(extra: "region: { name: Cook County, counties: [\"Cook, IL\"] }\n")
        #expect(cook.result.status == 0)
        let pages = try pages(cook.site)
        #expect(!pages.values.contains { $0.contains("Texas Aid") || $0.contains("915-555-0170") })
        // Served by ZIP prefix, by county, by state and remotely: all still listed.
        for name in ["Westside Tenant Law", "Safe Harbor House", "Illinois Housing Line", "English Only Clinic"] {
            #expect(pages["partners-housing.en.html"]?.contains("<h2>\(name)</h2>") == true, "\(name)")
        }
        #expect(pages["partners.en.html"]?.contains("Housing</a>: 4 partners") == true)
    }

    @Test func aRegionCanBeAZipCodeAndARadius() throws {
        let near = try build(extra: "region: { zip: \"60623\", radius_miles: 15 }\n")
        #expect(near.result.status == 0)
        #expect(!(try pages(near.site)).values.contains { $0.contains("Texas Aid") })
        #expect(try read(near.site + "/partners-housing.en.html").contains("<h2>Westside Tenant Law</h2>"))
        let half = try build(extra: "region: { zip: \"60623\" }\n")
        #expect(half.result.status == 1)
        #expect(half.result.stderr.contains("handout.yml:6:9: error: region.zip and region.radius_miles go together: the places within that many miles of the ZIP code\n"))
    }

    @Test func sitemapAndCoveragePageWhenHandoutYmlAsks() throws {
        let (_, site, result) = try build(extra: "base_url: https://rights.example.org\ncoverage_page: true\n")
        #expect(result.status == 0)
        let sitemap = try read(site + "/sitemap.xml")
        #expect(sitemap.hasPrefix("""
            <?xml version="1.0" encoding="UTF-8"?>
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
            <url><loc>https://rights.example.org/index.html</loc></url>
            <url><loc>https://rights.example.org/index.en.html</loc></url>
            <url><loc>https://rights.example.org/eviction.en.html</loc></url>
            """))
        #expect(!sitemap.contains("404.html") && !sitemap.contains("coverage.html") && sitemap.hasSuffix("</urlset>\n"))
        let coverage = try read(site + "/coverage.html")
        #expect(coverage.contains("<tr><th scope=\"row\">Housing</th><td class=\"some\">4</td></tr>"))
        #expect(coverage.contains("<li>English Only Clinic: never checked</li>"))
        let notFound = try read(site + "/404.html")
        #expect(notFound.contains("<li><a href=\"https://rights.example.org/index.es.html\">Español</a></li>"))
    }

    @Test func withoutBaseURLThereIsNoSitemapAndNoCoveragePageUnlessAsked() throws {
        let (_, site, _) = try build()
        #expect(!FileManager.default.fileExists(atPath: site + "/sitemap.xml"))
        #expect(!FileManager.default.fileExists(atPath: site + "/coverage.html"))
        #expect(try read(site + "/404.html").contains("<li><a href=\"index.en.html\">English</a></li>"))
    }

    @Test func checkPrintsTheCoveragePageAsHTML() throws {
        let result = try handout(["check", Paths.fixtures + "/clinic", "--today", "2026-11-29", "--coverage", "--format", "html"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
        #expect(result.stdout.contains("<h1>Partner coverage: Test clinic</h1>\n<p>6 active partners, as of November 29, 2026.</p>"))
        #expect(result.stderr.contains(": warning: "))
        let usage = try handout(["check", "--format", "html"])
        #expect(usage.status == 64)
        #expect(usage.stderr.hasPrefix("Error: --format html prints the coverage page: add --coverage\n"))
    }

    @Test func aBadRegionIsAnErrorWithItsLine() throws {
        let (_, _, result) = try build(extra: "region: { zips: [\"6062\"], countys: [Cook] }\n")
        #expect(result.status == 1)
        #expect(result.stderr.contains("handout.yml:6:18: error: region.zips: each item must be a 5-digit ZIP code or a prefix with *, like 60623 or 606*\n"))
        #expect(result.stderr.contains("handout.yml:6:27: error: unknown key \"region.countys\" (did you mean \"counties\"?)\n"))
    }
}
