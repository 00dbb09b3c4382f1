#!/usr/bin/env bash
# Runs a libFuzzer target (Fuzz/Sources/HandoutFuzz) for a fixed number of executions,
# starting from a seed corpus of the bundled files. Every module is built in release mode
# with -sanitize=fuzzer,address into .build-fuzz/ (git-ignored), apart from the main build.
# Leak detection is off: Swift's once-initialized globals (a static Regex) read as leaks.
#
# Usage: scripts/fuzz.sh directory|template|render [EXECUTIONS] [libFuzzer flags...]
# A crash leaves its input in .build-fuzz/crashes/; copy it into Tests/HandoutKitTests/
# Fixtures/fuzz/ and FuzzRegressionTests replays it in `swift test`.
set -euo pipefail
cd "$(dirname "$0")/.."
target=${1:?usage: scripts/fuzz.sh directory|template|render [EXECUTIONS]}
runs=${2:-100000}
shift $(( $# < 2 ? $# : 2 ))

swift build -c release --package-path Fuzz --scratch-path .build-fuzz \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -use-ld=lld 2>&1 | grep -v '^\[' || true
binary=.build-fuzz/release/HandoutFuzz
[ -x "$binary" ] || { echo "fuzz.sh: the fuzz target did not build" >&2; exit 1; }

seeds=.build-fuzz/seeds/$target
corpus=.build-fuzz/corpus/$target
rm -rf "$seeds"
mkdir -p "$seeds" "$corpus" .build-fuzz/crashes
case $target in
directory)
    cp Resources/*.json "$seeds/"
    find Tests -name '*.json' -size -64k -exec cp {} "$seeds/" \; ;;
template)
    for f in Templates/*/*.md; do cp "$f" "$seeds/$(basename "$(dirname "$f")")-$(basename "$f")"; done ;;
render)
    # The first line is the client's name, the rest the template.
    for f in Templates/*/*.md; do
        { printf 'María *Example* <b>[x](javascript:alert(1))</b>\n'; cat "$f"; } > "$seeds/$(basename "$(dirname "$f")")-$(basename "$f")"
    done ;;
*) echo "fuzz.sh: unknown target $target (directory, template or render)" >&2; exit 64 ;;
esac
for f in Tests/HandoutKitTests/Fixtures/fuzz/"$target"-*; do [ -e "$f" ] && cp "$f" "$seeds/"; done

HANDOUT_FUZZ_TARGET=$target ASAN_OPTIONS=detect_leaks=0 "$binary" -runs="$runs" -timeout=20 -rss_limit_mb=4096 \
    -artifact_prefix=".build-fuzz/crashes/$target-" -print_final_stats=1 -detect_leaks=0 -max_len=2048 "$@" "$corpus" "$seeds"
