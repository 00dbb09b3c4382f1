#!/usr/bin/env python3
"""Validate partner directory files against Resources/directory.schema.json.

Usage:
    python3 scripts/validate-directory.py [--no-zip-check] [--zip-table TSV]
                                          [--region "Cook, IL" ...] FILE...

For each FILE, prints "ok: FILE" or one line per problem
("FILE: error: partners[3].phones[0].number: ..."), and exits 1 if any file
has an error (2 if a file cannot be read or parsed).

Beyond the JSON Schema (draft 2020-12, with format checking), it checks what a
schema cannot:
  - partner ids are unique; categories are built-in or added by the directory;
  - against the ZIP table (Resources/zip-codes.tsv, unless --no-zip-check):
      * every exact ZIP in service_area.zips exists, every prefix ("606*")
        matches at least one ZIP;
      * every county in service_area.counties exists (in the given state for
        "El Paso, TX"; in one of the partner's states, or its address state,
        when it is bare; a bare name found in several states with neither is
        ambiguous);
      * the address ZIP exists and lies in the address state;
      * every exact ZIP, every ZIP a prefix matches, and the address ZIP lie in
        the partner's own area: in one of its counties if it lists any, else in
        one of its states if it lists any;
      * with --region COUNTY (repeatable), every ZIP and county a partner names
        lies in one of those counties: the bundled examples use this.
Requires python3 and jsonschema (pip install jsonschema).
"""

import argparse
import json
import os
import sys

try:
    from jsonschema import Draft202012Validator, FormatChecker
except ImportError:  # pragma: no cover
    sys.stderr.write("error: this script needs jsonschema (pip install jsonschema)\n")
    sys.exit(2)

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SCHEMA = os.path.join(REPO, "Resources", "directory.schema.json")
ZIP_TABLE = os.path.join(REPO, "Resources", "zip-codes.tsv")

BUILT_IN_CATEGORIES = {
    "housing", "utilities", "benefits", "food", "health-coverage", "medical-debt",
    "employment", "education", "immigration", "family-safety", "disability",
    "mental-health",
}


def path_of(parts):
    text = ""
    for part in parts:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or "(top level)"


class ZipTable:
    def __init__(self, path):
        self.zips = {}  # "60623" -> ("IL", "Cook")
        with open(path, encoding="utf-8") as handle:
            for line in handle:
                if line.startswith("#") or not line.strip():
                    continue
                zip_code, state, county = line.rstrip("\n").split("\t")[:3]
                self.zips[zip_code] = (state, county)
        self.counties = {}  # "Cook" -> {"IL", "GA", "MN"}
        for state, county in self.zips.values():
            self.counties.setdefault(county, set()).add(state)

    def matching(self, pattern):
        if pattern.endswith("*"):
            prefix = pattern[:-1]
            return sorted(z for z in self.zips if z.startswith(prefix))
        return [pattern] if pattern in self.zips else []


def parse_county(text):
    if ", " in text:
        name, state = text.rsplit(", ", 1)
        return name, state
    return text, None


def check_geography(partner, where, table, regions, problems):
    area = partner.get("service_area", {})
    states = set(area.get("states", []))
    address = partner.get("address")
    home_states = set(states)
    if address:
        home_states.add(address["state"])

    # Counties the partner names, resolved to (county, state) pairs.
    own_counties = set()
    for i, text in enumerate(area.get("counties", [])):
        name, state = parse_county(text)
        known = table.counties.get(name, set())
        at = f"{where}.service_area.counties[{i}]"
        if state:
            if state not in known:
                problems.append(f"{at}: county \"{text}\" is not in the ZIP table")
                continue
            own_counties.add((name, state))
        else:
            candidates = known & home_states if home_states else known
            if not known:
                problems.append(f"{at}: county \"{text}\" is not in the ZIP table")
            elif not home_states and len(known) > 1:
                problems.append(f"{at}: county \"{text}\" is ambiguous: it exists in {', '.join(sorted(known))}; "
                                f"write \"{name}, ST\" or give the partner states or an address")
            elif not candidates:
                problems.append(f"{at}: county \"{text}\" exists only in {', '.join(sorted(known))}, "
                                f"not in the partner's states {', '.join(sorted(home_states))}")
            else:
                own_counties.update((name, s) for s in candidates)
    for name, state in sorted(own_counties):
        if regions and (name, state) not in regions:
            problems.append(f"{where}.service_area.counties: \"{name}, {state}\" is outside the region "
                            f"({'; '.join(f'{c}, {s}' for c, s in sorted(regions))})")
    for state in sorted(states):
        if regions and state not in {s for _, s in regions}:
            problems.append(f"{where}.service_area.states: \"{state}\" is outside the region")

    def check_zip(zip_code, at):
        state, county = table.zips[zip_code]
        if own_counties:
            if (county, state) not in own_counties:
                problems.append(f"{at}: ZIP {zip_code} is in {county}, {state}, outside the partner's "
                                f"counties ({'; '.join(f'{c}, {s}' for c, s in sorted(own_counties))})")
        elif states and state not in states:
            problems.append(f"{at}: ZIP {zip_code} is in {state}, outside the partner's states")
        if regions and (county, state) not in regions:
            problems.append(f"{at}: ZIP {zip_code} is in {county}, {state}, outside the region")

    for i, pattern in enumerate(area.get("zips", [])):
        at = f"{where}.service_area.zips[{i}]"
        matched = table.matching(pattern)
        if not matched:
            what = "matches no ZIP" if pattern.endswith("*") else "is not"
            problems.append(f"{at}: \"{pattern}\" {what} in the ZIP table")
            continue
        for zip_code in matched:
            check_zip(zip_code, at)

    if address:
        at = f"{where}.address.zip"
        zip_code = address["zip"]
        if zip_code not in table.zips:
            problems.append(f"{at}: ZIP {zip_code} is not in the ZIP table")
        else:
            state, county = table.zips[zip_code]
            if state != address["state"]:
                problems.append(f"{at}: ZIP {zip_code} is in {state}, not {address['state']}")
            else:
                check_zip(zip_code, at)


def validate(path, validator, table, regions):
    try:
        with open(path, encoding="utf-8") as handle:
            data = json.load(handle)
    except (OSError, ValueError) as error:
        return None, [f"cannot read: {error}"]

    problems = []
    for error in sorted(validator.iter_errors(data), key=lambda e: (list(map(str, e.absolute_path)), e.message)):
        message = error.message
        if error.validator == "anyOf" and list(error.absolute_path)[:1] == ["partners"]:
            message = "no way to make contact: needs phones, website, intake_url, email or address"
        problems.append(f"{path_of(error.absolute_path)}: {message}")
    if problems:
        return data, problems  # structure is wrong: the checks below would only add noise

    categories = BUILT_IN_CATEGORIES | {c["id"] for c in data.get("categories", [])}
    seen = {}
    for i, partner in enumerate(data["partners"]):
        where = f"partners[{i}]"
        if partner["id"] in seen:
            problems.append(f"{where}.id: \"{partner['id']}\" is also the id of partners[{seen[partner['id']]}]")
        seen.setdefault(partner["id"], i)
        for j, category in enumerate(partner["categories"]):
            if category not in categories:
                problems.append(f"{where}.categories[{j}]: unknown category \"{category}\"")
        if table:
            check_geography(partner, where, table, regions, problems)
    return data, problems


def main(argv):
    parser = argparse.ArgumentParser(description="Validate handout partner directories.")
    parser.add_argument("files", nargs="+", metavar="FILE")
    parser.add_argument("--schema", default=SCHEMA)
    parser.add_argument("--zip-table", default=ZIP_TABLE)
    parser.add_argument("--no-zip-check", action="store_true", help="skip the checks against the ZIP table")
    parser.add_argument("--region", action="append", default=[], metavar="COUNTY",
                        help='a county every partner must stay in, "Name, ST" (repeatable)')
    args = parser.parse_args(argv[1:])

    with open(args.schema, encoding="utf-8") as handle:
        schema = json.load(handle)
    Draft202012Validator.check_schema(schema)
    validator = Draft202012Validator(schema, format_checker=FormatChecker())
    table = None if args.no_zip_check else ZipTable(args.zip_table)
    regions = set()
    for text in args.region:
        name, state = parse_county(text)
        if not state:
            parser.error(f"--region {text!r}: give the state too, e.g. \"Cook, IL\"")
        regions.add((name, state))

    status = 0
    for path in args.files:
        data, problems = validate(path, validator, table, regions)
        if data is None:
            status = 2
        if problems:
            status = max(status, 1)
            for problem in problems:
                print(f"{path}: error: {problem}")
        else:
            print(f"ok: {path}")
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv))
