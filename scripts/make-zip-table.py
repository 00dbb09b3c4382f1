#!/usr/bin/env python3
"""Derive Resources/zip-codes.tsv (state, county and centroid of each ZIP code) from the
zipcodes 1.2.0 wheel.

Usage:
    pip download --no-deps zipcodes==1.2.0 -d /tmp/zipcodes
    unzip /tmp/zipcodes/zipcodes-1.2.0-py2.py3-none-any.whl -d /tmp/zipcodes/wheel
    python3 scripts/make-zip-table.py /tmp/zipcodes/wheel [OUTPUT]

The argument is the folder the wheel was unpacked into (the one holding
zipcodes/zips.json.bz2); OUTPUT defaults to Resources/zip-codes.tsv next to
this script's repository.

Rules: keep 5-digit ZIP codes only; skip rows with no county; strip a trailing
" County" from the county name (other suffixes such as " Parish", " Borough" or
" city" are kept); if a ZIP code appears in several rows, keep the first;
keep the ZIP code's centroid (lat, long in the data) rounded to 3 decimals
(about 100 m, plenty for "about 2 miles away"; empty when the data has none);
write the lines sorted by ZIP code. The output is deterministic: running the
script twice on the same wheel gives the same bytes.
"""

import bz2
import json
import os
import re
import sys

SOURCE = "zipcodes 1.2.0 on PyPI (https://pypi.org/project/zipcodes/1.2.0/), file zipcodes/zips.json.bz2"
LICENCE = "MIT licence (package by Sean Pianka; licence text in the wheel, zipcodes-1.2.0.dist-info/LICENSE.txt)"
DATA_DATE = "October 2021"
GENERATED = "2026-12-01"

FIVE_DIGITS = re.compile(r"^[0-9]{5}$")


def county_name(raw):
    name = " ".join(raw.split())
    if name.endswith(" County"):
        name = name[: -len(" County")]
    return name


def coordinate(raw):
    try:
        return f"{float(raw):.3f}"
    except (TypeError, ValueError):
        return ""


def build_rows(records):
    rows = {}
    for record in records:
        zip_code = (record.get("zip_code") or "").strip()
        state = (record.get("state") or "").strip()
        county = county_name(record.get("county") or "")
        if not FIVE_DIGITS.match(zip_code) or not county or not state:
            continue
        if zip_code in rows:
            continue  # several rows for one ZIP: keep the first
        rows[zip_code] = (state, county, coordinate(record.get("lat")), coordinate(record.get("long")))
    return rows


def main(argv):
    if len(argv) not in (2, 3):
        sys.stderr.write("usage: make-zip-table.py UNPACKED_WHEEL_DIR [OUTPUT]\n")
        return 64
    data_path = os.path.join(argv[1], "zipcodes", "zips.json.bz2")
    if not os.path.isfile(data_path):
        sys.stderr.write(f"{data_path}: error: file not found (unzip the zipcodes 1.2.0 wheel there)\n")
        return 1
    repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    output = argv[2] if len(argv) == 3 else os.path.join(repo, "Resources", "zip-codes.tsv")

    with bz2.open(data_path, "rt", encoding="utf-8") as handle:
        records = json.load(handle)
    rows = build_rows(records)

    header = [
        "# ZIP code -> state and county, for locating a client by ZIP code.",
        f"# source: {SOURCE}",
        f"# licence: {LICENCE}",
        f"# data of: {DATA_DATE} (as shipped in the wheel)",
        f"# generated: {GENERATED} by scripts/make-zip-table.py",
        "# rules: 5-digit ZIPs only; rows with no county skipped; trailing \" County\" removed;",
        "#   other suffixes (Parish, Borough, city, ...) kept; first row kept for a repeated ZIP",
        "# centroids: the data's lat/long for the ZIP code, rounded to 3 decimals (empty if none)",
        "# columns (tab-separated): ZIP, STATE (USPS 2-letter code), COUNTY, LATITUDE, LONGITUDE",
    ]
    tmp = output + ".tmp"
    with open(tmp, "w", encoding="utf-8", newline="\n") as out:
        for line in header:
            out.write(line + "\n")
        for zip_code in sorted(rows):
            state, county, latitude, longitude = rows[zip_code]
            out.write(f"{zip_code}\t{state}\t{county}\t{latitude}\t{longitude}\n")
    os.replace(tmp, output)
    sys.stderr.write(f"wrote {output}: {len(rows)} ZIP codes from {len(records)} rows\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
