#!/usr/bin/env bash
# handout's benchmark (issue 13): a synthetic project of 1,000 templates, 1,000 partners and
# client lists of 1,000 to 100,000 rows, measured in a release build beside Hugo and cmark.
# Prints Markdown tables (see the README's Performance section); asserts nothing.
#
#   scripts/benchmark.sh [--quick] [--rows N] [--templates N] [--scaling N,N,...] [--callgrind] [--keep]
set -euo pipefail
cd "$(dirname "$0")/.."
exec python3 scripts/benchmark.py "$@"
