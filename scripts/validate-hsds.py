#!/usr/bin/env python3
"""Validate the services of an HSDS 3.0 document against the 3.0 compiled service schema.

Usage:
    python3 scripts/validate-hsds.py SCHEMA FILE

SCHEMA is schema/compiled/service.json of the HSDS 3.0 specification (a copy ships in
Tests/HandoutKitTests/Fixtures/hsds-3.0/schema/service.json). FILE is a single service, a
paginated list ({"contents": [...]}) or an array of services, as `handout directory convert
--to hsds` writes. Each service is checked with JSON Schema draft 2020-12 and format
checking. Prints "ok: FILE (N services)" or one line per problem, and exits 1 on a problem.
Requires python3 and jsonschema.
"""

import json
import sys

from jsonschema import Draft202012Validator, FormatChecker


def main(argv):
    if len(argv) != 3:
        sys.stderr.write("usage: validate-hsds.py SCHEMA FILE\n")
        return 64
    with open(argv[1], encoding="utf-8") as handle:
        schema = json.load(handle)
    with open(argv[2], encoding="utf-8") as handle:
        document = json.load(handle)
    validator = Draft202012Validator(schema, format_checker=FormatChecker())
    if isinstance(document, list):
        services = document
    elif "contents" in document:
        services = document["contents"]
    else:
        services = [document]
    problems = []
    for index, service in enumerate(services):
        for error in sorted(validator.iter_errors(service), key=lambda e: list(map(str, e.absolute_path))):
            where = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in error.absolute_path)
            problems.append(f"{argv[2]}: error: contents[{index}]{where}: {error.message}")
    for problem in problems:
        print(problem)
    if not problems:
        print(f"ok: {argv[2]} ({len(services)} services)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
