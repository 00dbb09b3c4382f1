#!/usr/bin/env bash
# Speed and memory of handout's main jobs, in a release build: wall seconds and peak
# resident memory of each command, on the bundled library and on a library scaled up
# to many handouts. Prints figures; it asserts nothing (timings belong here, not in tests).
#
#   scripts/benchmark.sh [COPIES]     COPIES of the bundled library for the large run (default 50)
set -euo pipefail
cd "$(dirname "$0")/.."
copies=${1:-50}
command -v /usr/bin/time >/dev/null || { echo "needs /usr/bin/time (apt-get install -y time)" >&2; exit 1; }

swift build -c release --product handout >/dev/null
bin=$PWD/.build/release/handout
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

measure() {
    local label=$1; shift
    /usr/bin/time -f "%e %M" -o "$work/time" "$@" >/dev/null 2>"$work/stderr" || { cat "$work/stderr" >&2; exit 1; }
    awk -v label="$label" '{ printf "%-52s %7.2f s %8.1f MB\n", label, $1, $2 / 1024 }' "$work/time"
}

echo "handout $($bin --version), $(nproc) cores"
measure "render one handout (es, ZIP 60623)" \
    "$bin" render housing-eviction --zip 60623 --lang es --client-name Ana --out "$work/one" --today 2026-11-29
measure "list partners for housing in 60623" "$bin" list partners --need housing --zip 60623
measure "check the bundled library (19 handouts)" "$bin" check --today 2026-11-29
measure "build the bundled site (every page, both languages)" "$bin" build --out "$work/site" --today 2026-11-29
measure "build it again (nothing changed)" "$bin" build --out "$work/site" --today 2026-11-29

# A large library: the bundled templates, and copies of them under new ids (their links
# still point at the originals, which stay in place).
project="$work/large"
mkdir -p "$project/Templates/en" "$project/Templates/es"
cp Resources/directory.json "$project/"
printf 'title: Large\nlanguages: [en, es]\ndirectory: directory.json\ntemplates: Templates\n' > "$project/handout.yml"
cp Templates/en/*.md "$project/Templates/en/"
cp Templates/es/*.md "$project/Templates/es/"
for copy in $(seq 1 "$copies"); do
    for lang in en es; do
        for file in Templates/$lang/*.md; do
            cp "$file" "$project/Templates/$lang/$(basename "$file" .md)-$copy.md"
        done
    done
done
count=$(find "$project/Templates" -name '*.md' | wc -l)
measure "check a library of $count templates" "$bin" check "$project" --today 2026-11-29
measure "build a site from $count templates" "$bin" build "$project" --out "$work/large-site" --today 2026-11-29
