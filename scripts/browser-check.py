#!/usr/bin/env python3
"""Open handout pages in headless Chromium: run axe-core (WCAG 2.0/2.1 A and AA, best
practices) and list every network request a page makes that is not the page itself.

Setup (Debian): apt-get install -y chromium chromium-driver
                pip install selenium && pip install --no-deps axe-playwright-python
Usage:          python3 scripts/browser-check.py _site/*.html handouts/*.html
Exit status 1 when a page has a violation or makes a request.
"""
import json
import os
import sys

import axe_playwright_python
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service

AXE = open(os.path.join(os.path.dirname(axe_playwright_python.__file__), "axe.min.js")).read()
RUN = """
const done = arguments[arguments.length - 1];
axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']}})
   .then(result => done(result.violations.map(v => [v.id, v.impact, v.nodes.length])));
"""


def main(paths):
    options = Options()
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"]:
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"performance": "ALL"})
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    failed = 0
    try:
        for path in paths:
            url = "file://" + os.path.abspath(path)
            driver.get_log("performance")
            driver.get(url)
            events = [json.loads(entry["message"])["message"] for entry in driver.get_log("performance")]
            requests = [e["params"]["request"]["url"] for e in events if e["method"] == "Network.requestWillBeSent"]
            outside = [r for r in requests if r != url]
            driver.execute_script(AXE)
            violations = driver.execute_async_script(RUN)
            if violations or outside:
                failed += 1
                print(f"{path}: violations {violations}, requests {outside}")
    finally:
        driver.quit()
    print(f"{len(paths)} pages, {failed} with a problem")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
