#!/bin/sh
# Writes EmbeddedLibrary.swift for HandoutKit; Plugins/EmbedLibrary runs it when SwiftPM
# plans a build. It holds every file of Templates/ and Resources/ (hidden ones left out) in
# base64, a hash of all their names and bytes, which names the cache folder the binary
# extracts them into, and the newest `reviewed` date among the templates, so `handout
# --version` tells how fresh its library is without reading a file or a clock.
#
# A shell script rather than a Swift tool: a prebuild command may not run an executable
# built from source. It needs only POSIX tools and sha256sum or shasum (Linux and macOS).
#
# Usage: embed-library.sh PACKAGE-ROOT OUTPUT-FOLDER
set -eu
root=$1
out_dir=$2
output="$out_dir/EmbeddedLibrary.swift"
mkdir -p "$out_dir"
cd "$root"

# One file name a line: split lists on newlines only, and never expand a glob.
set -f
IFS='
'
files=$(find Templates Resources -name '.*' -prune -o -type f -print | LC_ALL=C sort)
for file in $files; do
    case $file in
        *'"'* | *'\'*) echo "embed-library: cannot embed a file whose name has a quote or backslash: $file" >&2; exit 1 ;;
    esac
done

if command -v sha256sum >/dev/null 2>&1; then digest() { sha256sum; }; else digest() { shasum -a 256; }; fi
# Every name with its size, then every byte: a change to either changes the hash.
hash=$({ wc -c $files; cat $files; } | digest | cut -c1-16)

# The `reviewed:` line of each template's front matter (between its first two --- lines).
templates=$(printf '%s\n' $files | grep '^Templates/.*\.md$' || true)
reviewed=$(
    [ -z "$templates" ] || awk '
        { sub(/\r$/, "") }
        FNR == 1 { front = ($0 == "---"); next }
        front && $0 == "---" { front = 0 }
        front && /^reviewed:/ {
            value = $0; sub(/^reviewed:/, "", value); gsub(/[ \t"'\'']/, "", value)
            if (value ~ /^[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]$/) print value
        }' $templates | LC_ALL=C sort | tail -n 1
)

temporary="$output.tmp.$$"
{
    echo "// Generated before each build by scripts/embed-library.sh from Templates/ and Resources/."
    echo "// Do not edit; it is not committed."
    echo ""
    echo "enum EmbeddedLibrary {"
    echo "    /// Changes whenever a file's name or content does."
    echo "    static let contentHash = \"$hash\""
    echo "    /// The newest \`reviewed\` date among the bundled templates."
    if [ -n "$reviewed" ]; then
        echo "    static let reviewed: String? = \"$reviewed\""
    else
        echo "    static let reviewed: String? = nil"
    fi
    echo "    /// Each file's path relative to the library folder, and its bytes in base64."
    echo "    static let files: [(path: String, base64: String)] = ["
    for file in $files; do
        printf '        ("%s", "%s"),\n' "$file" "$(base64 < "$file" | tr -d '\n')"
    done
    echo "    ]"
    echo "}"
} > "$temporary"
# Replace the file only when it changed, so an unchanged library compiles nothing again.
if cmp -s "$temporary" "$output"; then rm -f "$temporary"; else mv "$temporary" "$output"; fi
