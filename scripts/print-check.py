#!/usr/bin/env python3
"""The paper test: every bundled client handout, rendered for one client (ZIP 60623, English
and Spanish, the default partner cap), printed to PDF by headless Chromium on US Letter and
on A4, must

  1. fit on at most two pages;
  2. leave no heading as the last line of a page;
  3. keep each partner entry (its name down to its last detail) on one page;
  4. carry the practice's name and a page number ("1 / 2") on every page.

A link to another handout prints the published site's address after its text when handout.yml
has a base_url (your-rights, rendered in a project that has one), and nothing without one.

The PDFs and one PNG per page (pdftoppm) land in .build-print/ (git-ignored) for review,
with page-counts.json and page-fill.json: the pages each printout fills, the last one in part
(how far down it the text ends), which calibrates `handout check`'s page estimate
(Tests/HandoutKitTests/Fixtures/print-calibration.json).
A canary page that is far too long, with a heading forced to the foot of a page, must fail,
so the test cannot pass by checking nothing. Prints one line per failure and
`N passed, N failed`; exit status 1 on any failure.

Setup (Debian, as .ci/run does it): chromium chromium-driver poppler-utils, pip selenium.
Usage: python3 scripts/print-check.py      Environment: HANDOUT (the binary), ONLY (comma-separated handout ids).
"""
import base64
import json
import os
import re
import shutil
import subprocess
import sys
import urllib.parse

from repository import ROOT, handout_binary
WORK = os.path.join(ROOT, ".build-print")
CLIENT_ZIP = "60623"
LANGUAGES = ["en", "es"]
TODAY = "2026-12-01"
PRACTICE = "Lakeside Counseling"
MAX_PAGES = 2
# Inches, as Page.printToPDF takes them.
PAPERS = {"letter": (8.5, 11.0), "a4": (8.27, 11.69)}

# The partners' entries and the headings, read from the page as the printed text shows them.
PAGE_PARTS = """
const headings = [...document.querySelectorAll('h1, h2, h3, h4')].map(h => h.innerText);
const partners = [];
for (const h of document.querySelectorAll('main > h3')) {
  // The national help lines close the listing; they are not a partner.
  if (h.nextElementSibling && h.nextElementSibling.querySelector('a[href="tel:211"]')) continue;
  let last = null;
  for (let node = h.nextElementSibling; node && !/^H[1-3]$/.test(node.tagName) && node.tagName !== 'HR'; node = node.nextElementSibling) last = node;
  if (last && last.tagName === 'UL') last = last.lastElementChild;
  if (last && last.tagName === 'LI' && last.querySelector('ul')) last = last.querySelector('ul').lastElementChild;
  partners.push([h.innerText, last ? last.innerText : h.innerText]);
}
return [headings, partners];
"""

CANARY = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>canary</title>
<style>@page { @bottom-right { content: counter(page) " / " counter(pages); } } p { margin: 0; }</style></head>
<body><main><h1>Canary</h1><h3>Stranded heading</h3>
<p style="break-before: page">First line of a long listing.</p>""" + "<p>filler line</p>" * 150 + "</main></body></html>"


def squeeze(text):
    """Text without any whitespace: PDF text breaks lines where the page did."""
    return re.sub(r"\s+", "", text)


def run(*command):
    return subprocess.run(command, check=True, capture_output=True, text=True, cwd=WORK).stdout


def make_pages(handout):
    shutil.rmtree(WORK, ignore_errors=True)
    os.makedirs(WORK)
    templates = [t for t in json.loads(run(handout, "list", "templates", "--format", "json")) if t["audience"] == "client"]
    if os.environ.get("ONLY"):
        templates = [t for t in templates if t["id"] in os.environ["ONLY"].split(",")]
    pages = []
    for template in templates:
        for language in LANGUAGES:
            run(handout, "render", template["id"], "--zip", CLIENT_ZIP, "--lang", language,
                "--practice-name", PRACTICE, "--practice-phone", "+1 312 555 0100", "--today", TODAY, "--out", "handouts")
            pages.append(os.path.join(WORK, "handouts", f"{template['id']}.{language}.html"))
    return pages


BASE_URL = "https://rights.example.org/"


def base_url_problems(printer, handout):
    """your-rights links to every other handout: printed from a project with a base_url, each
    link is followed by its absolute address; printed without one, by no bare file name."""
    project = os.path.join(WORK, "site-project")
    os.makedirs(project, exist_ok=True)
    with open(os.path.join(project, "handout.yml"), "w") as f:
        f.write(f"base_url: {BASE_URL}\n")
    run(handout, "render", "your-rights", "--zip", CLIENT_ZIP, "--lang", "en", "--project", project,
        "--practice-name", PRACTICE, "--today", TODAY, "--out", "site-handouts")
    pdf = os.path.join(WORK, "pdf", "your-rights.en.base-url.letter.pdf")
    printer.print(os.path.join(WORK, "site-handouts", "your-rights.en.html"), "letter", pdf)
    with_base = squeeze("".join(page_texts(pdf)))
    without_base = squeeze("".join(page_texts(os.path.join(WORK, "pdf", "your-rights.en.letter.pdf"))))
    found = []
    for target in ["housing-eviction.en.html", "family-safety.en.html"]:
        if f"({BASE_URL}{target})" not in with_base:
            found.append(f"with base_url, no ({BASE_URL}{target}) after its link")
        if f"({target})" in without_base:
            found.append(f"without base_url, the bare ({target}) is printed")
    return found


def page_texts(pdf):
    count = int(re.search(r"^Pages:\s+(\d+)", run("pdfinfo", pdf), re.M).group(1))
    return [run("pdftotext", "-f", str(n), "-l", str(n), "-layout", pdf, "-") for n in range(1, count + 1)]


# @page margins in handout.css, in points: the text of a page runs between them.
PAGE_MARGIN_TOP, PAGE_MARGIN_BOTTOM = 0.9 * 72 / 2.54, 1.0 * 72 / 2.54


def page_fill(pdf, pages):
    """Pages filled: whole pages, plus how far down the last one its text (not the foot) ends."""
    height = float(re.search(r"Page size:\s+[\d.]+ x ([\d.]+)", run("pdfinfo", pdf)).group(1))
    boxes = run("pdftotext", "-f", str(pages), "-l", str(pages), "-bbox", pdf, "-")
    bottoms = [float(y) for y in re.findall(r'yMax="([\d.]+)"', boxes) if float(y) < height - PAGE_MARGIN_BOTTOM]
    last = max(bottoms, default=PAGE_MARGIN_TOP)
    return round(pages - 1 + (last - PAGE_MARGIN_TOP) / (height - PAGE_MARGIN_TOP - PAGE_MARGIN_BOTTOM), 3)


def problems(texts, headings, partners, practice):
    found = []
    if len(texts) > MAX_PAGES:
        found.append(f"{len(texts)} pages (at most {MAX_PAGES})")
    for number, text in enumerate(texts, 1):
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        # The last line of a page is its foot: the practice's name and the page number.
        foot = lines[-1] if lines else ""
        if not squeeze(foot).endswith(f"{number}/{len(texts)}"):
            found.append(f"page {number}: no page number at its foot ({foot!r})")
        if practice and squeeze(practice) not in squeeze(foot):
            found.append(f"page {number}: no practice name at its foot ({foot!r})")
        body = squeeze("".join(lines[:-1]))
        for heading in headings:
            if squeeze(heading) and body.endswith(squeeze(heading)):
                found.append(f"page {number} ends with the heading {heading!r}")
    squeezed = [squeeze(t) for t in texts]
    for name, last in partners:
        # The last page naming the partner holds its entry (the box on page one names it too).
        on = [n for n, text in enumerate(squeezed) if squeeze(name) in text]
        if not on:
            found.append(f"partner {name!r} not found in the PDF")
            continue
        text = squeezed[on[-1]]
        if squeeze(last) not in text[text.rindex(squeeze(name)):]:
            found.append(f"partner {name!r} is split across pages {on[-1] + 1} and {on[-1] + 2}")
    return found


class Printer:
    def __init__(self):
        from selenium import webdriver
        from selenium.webdriver.chrome.options import Options
        from selenium.webdriver.chrome.service import Service
        options = Options()
        for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"]:
            options.add_argument(argument)
        self.driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)

    def print(self, path, paper, target):
        """Prints with the page's own @page margins; returns the headings and partner entries."""
        self.driver.get("file://" + urllib.parse.quote(path))
        width, height = PAPERS[paper]
        pdf = self.driver.execute_cdp_cmd("Page.printToPDF", {
            "paperWidth": width, "paperHeight": height, "preferCSSPageSize": False,
            "printBackground": True, "displayHeaderFooter": False, "marginTop": 0, "marginBottom": 0,
            "marginLeft": 0, "marginRight": 0})
        with open(target, "wb") as f:
            f.write(base64.b64decode(pdf["data"]))
        return self.driver.execute_script(PAGE_PARTS)

    def quit(self):
        self.driver.quit()


def main():
    handout = handout_binary()
    pages = make_pages(handout)
    os.makedirs(os.path.join(WORK, "pdf"), exist_ok=True)
    os.makedirs(os.path.join(WORK, "png"), exist_ok=True)
    canary = os.path.join(WORK, "canary.html")
    with open(canary, "w") as f:
        f.write(CANARY)
    printer = Printer()
    passed = failed = 0
    counts = {}
    fills = {}
    try:
        pdf = os.path.join(WORK, "pdf", "canary.letter.pdf")
        headings, partners = printer.print(canary, "letter", pdf)
        found = problems(page_texts(pdf), headings, [["Stranded heading", "filler line"]], PRACTICE)
        expected = ["pages (at most", "ends with the heading", "no practice name", "is split across"]
        missed = [e for e in expected if not any(e in p for p in found)]
        if missed:
            failed += 1
            print(f"FAIL self-test: the canary passed the checks for {missed}")
        else:
            passed += 1
        for path in pages:
            stem = os.path.basename(path)[:-len(".html")]
            for paper in PAPERS:
                pdf = os.path.join(WORK, "pdf", f"{stem}.{paper}.pdf")
                headings, partners = printer.print(path, paper, pdf)
                texts = page_texts(pdf)
                counts[f"{stem}.{paper}"] = len(texts)
                fills[f"{stem}.{paper}"] = page_fill(pdf, len(texts))
                subprocess.run(["pdftoppm", "-png", "-r", "60", pdf, os.path.join(WORK, "png", f"{stem}.{paper}")], check=True)
                found = problems(texts, headings, partners, PRACTICE)
                if found:
                    failed += 1
                    print(f"FAIL {stem} on {paper}: " + "; ".join(found))
                else:
                    passed += 1
        if not os.environ.get("ONLY") or "your-rights" in os.environ["ONLY"].split(","):
            found = base_url_problems(printer, handout)
            if found:
                failed += 1
                print("FAIL links to other handouts: " + "; ".join(found))
            else:
                passed += 1
    finally:
        printer.quit()
    with open(os.path.join(WORK, "page-counts.json"), "w") as f:
        json.dump(counts, f, indent=2, sort_keys=True)
    with open(os.path.join(WORK, "page-fill.json"), "w") as f:
        json.dump(fills, f, indent=2, sort_keys=True)
        f.write("\n")
    pages_by_count = {}
    for count in counts.values():
        pages_by_count[count] = pages_by_count.get(count, 0) + 1
    print("pages per printout: " + ", ".join(f"{n} page(s): {c}" for n, c in sorted(pages_by_count.items())))
    print(f"PDFs and PNGs in {os.path.relpath(WORK)}")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
