#!/usr/bin/env python3
"""Compute reference readability values with textstat 0.7.3.

Usage:
    pip install 'textstat==0.7.3'          # pulls in pyphen (no network needed after install)
    python3 scripts/readability-reference.py [--lang en|es] FILE... > reference.json
    python3 scripts/readability-reference.py --lang es --words casa desalojo ...

Each FILE holds one sentence per line (headings and list items are sentences of
their own). Blank lines are ignored. The language is taken from --lang, or else
from the file name: a name starting with "es-" is Spanish, anything else English.

How the lines are handed to textstat (the Swift side does exactly the same, see
`Readability.textstatText(from:)`):
  * every line is stripped; a line that does not end in . ! or ? (ignoring
    closing quotes and brackets) gets a "." appended, so that textstat sees the
    same sentence boundaries the caller chose (a heading without a full stop
    would otherwise be glued to the next sentence by textstat's regex);
  * the lines are joined with single spaces into one text.
textstat itself then re-splits that text with its own regex (so "U.S.", "Dr."
and "3.5" still start new "sentences" inside textstat) and drops "sentences" of
two words or fewer from the sentence count. The Swift code reproduces that.

English uses textstat's default language "en_US" (pyphen's hyph_en_US.dic;
note that textstat.set_lang("en") would pick pyphen's en_GB dictionary).
Spanish uses set_lang("es").

The tests only read the JSON this script wrote; they never run Python.
"""

import argparse
import json
import os
import re
import sys

from importlib.metadata import version as package_version

import pyphen
from textstat.textstat import textstatistics

TERMINAL = re.compile(r"[.!?][\"'\u201d\u2019)\]]*$")


def textstat_text(lines):
    out = []
    for line in lines:
        line = line.strip()
        if not line:
            continue
        if not TERMINAL.search(line):
            line += "."
        out.append(line)
    return " ".join(out)


def language_for(path, forced):
    if forced:
        return forced
    return "es" if os.path.basename(path).startswith("es-") else "en"


def make_stats(lang):
    ts = textstatistics()
    ts.set_lang("en_US" if lang == "en" else lang)
    return ts


def scores(path, lang):
    with open(path, encoding="utf-8") as handle:
        lines = handle.read().splitlines()
    text = textstat_text(lines)
    ts = make_stats(lang)
    return {
        "language": lang,
        "input_lines": sum(1 for line in lines if line.strip()),
        "sentences": ts.sentence_count(text),
        "words": ts.lexicon_count(text),
        "syllables": ts.syllable_count(text),
        "polysyllables": ts.polysyllabcount(text),
        "avg_sentence_length": ts.avg_sentence_length(text),
        "avg_syllables_per_word": ts.avg_syllables_per_word(text),
        "flesch_kincaid_grade": ts.flesch_kincaid_grade(text),
        "flesch_reading_ease": ts.flesch_reading_ease(text),
        "smog_index": ts.smog_index(text),
        "fernandez_huerta": ts.fernandez_huerta(text),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--lang", choices=["en", "es"])
    parser.add_argument("--words", action="store_true",
                        help="treat the arguments as words and print textstat's syllable count of each")
    parser.add_argument("items", nargs="+")
    args = parser.parse_args()

    if args.words:
        ts = make_stats(args.lang or "en")
        json.dump({w: ts.syllable_count(w) for w in args.items}, sys.stdout,
                  ensure_ascii=False, indent=2)
        print()
        return

    if package_version("textstat") != "0.7.3":
        sys.exit("textstat 0.7.3 is required: pip install 'textstat==0.7.3'")

    result = {
        "generator": "scripts/readability-reference.py",
        # textstat.__version__ says (0, 7, 2) in the 0.7.3 release; ask the installer instead.
        "textstat_version": package_version("textstat"),
        "pyphen_version": package_version("pyphen"),
        "samples": {},
    }
    for path in args.items:
        result["samples"][os.path.basename(path)] = scores(path, language_for(path, args.lang))
    json.dump(result, sys.stdout, ensure_ascii=False, indent=2, sort_keys=True)
    print()


if __name__ == "__main__":
    main()
