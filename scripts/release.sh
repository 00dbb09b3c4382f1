#!/bin/sh
# Builds a release tarball: one self-contained `handout` binary (Swift's runtime and the
# bundled library linked in; it needs only libcmark and libqrencode on the machine), its man page, and
# bash, zsh and fish completions, laid out to unpack into /usr/local:
#
#   dist/handout-VERSION-OS-ARCH.tar.gz
#     handout-VERSION-OS-ARCH/bin/handout
#     handout-VERSION-OS-ARCH/share/man/man1/handout.1
#     handout-VERSION-OS-ARCH/share/bash-completion/completions/handout
#     handout-VERSION-OS-ARCH/share/zsh/site-functions/_handout
#     handout-VERSION-OS-ARCH/share/fish/vendor_completions.d/handout.fish
#     handout-VERSION-OS-ARCH/share/doc/handout/README.md
#
# Usage: scripts/release.sh   (prints the tarball's path last)
set -eu
cd "$(dirname "$0")/.."

# A clean build folder, so the library compiled in is this checkout's as it is now
# (SwiftPM embeds it when it plans a build; see Plugins/EmbedLibrary).
scratch=.build-release
rm -rf "$scratch"

# The man page comes from the command definitions: ArgumentParser's generate-manual tool
# reads `handout --experimental-dump-help`. Built first: the static binary is built last.
swift build --scratch-path "$scratch" --product generate-manual
swift build --scratch-path "$scratch" -c release --static-swift-stdlib --product handout
binary="$scratch/release/handout"

version=$("$binary" --version | cut -d ' ' -f 1)
name="handout-$version-$(uname -s | tr '[:upper:]' '[:lower:]')-$(uname -m)"
stage="dist/$name"
rm -rf "$stage" "dist/$name.tar.gz"
mkdir -p "$stage/bin" "$stage/share/man/man1" "$stage/share/bash-completion/completions" \
    "$stage/share/zsh/site-functions" "$stage/share/fish/vendor_completions.d" "$stage/share/doc/handout"

cp "$binary" "$stage/bin/handout"
strip "$stage/bin/handout" 2>/dev/null || true
# The page's date is the commit's, so the same commit gives the same page.
date=$(git log -1 --format=%cs 2>/dev/null || date +%Y-%m-%d)
"$scratch/debug/generate-manual" "$stage/bin/handout" --date "$date" --output-directory "$stage/share/man/man1"
"$stage/bin/handout" --generate-completion-script bash > "$stage/share/bash-completion/completions/handout"
"$stage/bin/handout" --generate-completion-script zsh > "$stage/share/zsh/site-functions/_handout"
"$stage/bin/handout" --generate-completion-script fish > "$stage/share/fish/vendor_completions.d/handout.fish"
cp README.md "$stage/share/doc/handout/README.md"

tar -C dist -czf "dist/$name.tar.gz" "$name"
echo "dist/$name.tar.gz"
