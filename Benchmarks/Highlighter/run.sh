#!/usr/bin/env bash
# Reproduces Benchmarks/HIGHLIGHTER.md: Carnet's hand lexer against swift-syntax's
# classification on the lessons' Swift blocks and on The Swift Programming Language's code
# samples, and the cold-build cost of swift-syntax here.
#
#   Benchmarks/Highlighter/run.sh --book GITDIR               # about 5 minutes on 2 cores
#   Benchmarks/Highlighter/run.sh --book GITDIR --skip-builds # reuse the last cold builds
#
# GITDIR is a clone of swiftlang/swift-book (a bare one is fine): its TSPL.docc/*.md are read
# at its HEAD with `git show`. The comparison tool builds in Benchmarks/Highlighter/.build;
# scratch files go to Benchmarks/Highlighter/.results/ (both ignored by git).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
main="$(cd "$here/../.." && pwd)"
book=""
skip_builds=0
while [ $# -gt 0 ]; do
  case "$1" in
    --book) book="$2"; shift 2 ;;
    --skip-builds) skip_builds=1; shift ;;
    *) echo "usage: $0 --book GITDIR [--skip-builds]" >&2; exit 2 ;;
  esac
done
if [ -z "$book" ] || ! git -C "$book" rev-parse --verify -q HEAD >/dev/null; then
  echo "usage: $0 --book GITDIR [--skip-builds] (GITDIR: a clone of swiftlang/swift-book)" >&2
  exit 2
fi
results="$here/.results"
mkdir -p "$results"

# The Swift Programming Language's sources, at the book's HEAD.
tspl="$results/tspl"
rm -rf "$tspl"
book_commit="$(git -C "$book" log -1 --format='%h %cs: %s' HEAD)"
git -C "$book" ls-tree -r --name-only HEAD TSPL.docc | grep '\.md$' | while read -r file; do
  mkdir -p "$tspl/$(dirname "$file")"
  git -C "$book" show "HEAD:$file" >"$tspl/$file"
done

echo "building the comparison tool (swift-syntax: a minute or two the first time)" >&2
swift build --package-path "$here" --product highlighter-compare >"$results/tool-build.log" 2>&1 \
  || { tail -30 "$results/tool-build.log" >&2; exit 1; }
tool="$(swift build --package-path "$here" --show-bin-path)/highlighter-compare"
lexer_commit="$(git -C "$main" log -1 --format=%h -- Sources/CarnetDocument/Swift)"
if ! git -C "$main" diff --quiet HEAD -- Sources/CarnetDocument/Swift; then
  lexer_commit="$lexer_commit + uncommitted edits"
fi
mapfile -t tspl_files < <(find "$tspl" -name '*.md' | LC_ALL=C sort)
comparison="$(
  cd "$main"
  "$tool" --examples 25 \
    --corpus "Lessons (Notebooks/*.md, Sources/Lessons/Fixtures/*.md)" \
    Notebooks/*.md Sources/Lessons/Fixtures/*.md \
    --corpus "The Swift Programming Language (TSPL.docc/**/*.md)" "${tspl_files[@]}"
)"

if [ "$skip_builds" = 0 ] || [ ! -s "$results/builds.md" ]; then
  echo "cold builds (about 4 minutes)" >&2
  "$here/cold-builds.sh" >"$results/builds.md.new"
  mv "$results/builds.md.new" "$results/builds.md"
fi
builds="$(cat "$results/builds.md")"

out="$main/Benchmarks/HIGHLIGHTER.md"
{
  sed -n '/^# Highlighter/,/^<!-- figures -->$/p' "$here/REPORT.md" | sed '$d'
  echo "## Figures"
  echo
  echo "Written by \`Benchmarks/Highlighter/run.sh\` on $(date -u +%Y-%m-%d) ($(nproc) cores;"
  echo "load average $(cut -d' ' -f1-3 /proc/loadavg) at the end). Hand lexer: the work tree's"
  echo "\`Sources/CarnetDocument/Swift\` (last commit $lexer_commit); swift-syntax 603 (SwiftParser"
  echo "and SwiftIDEUtils' \`tokenClassification\`); swift-book at $book_commit."
  echo
  echo "### Cold builds"
  echo
  echo "$builds"
  echo
  echo "$comparison"
  sed -n '/^<!-- figures -->$/,$p' "$here/REPORT.md" | sed '1d'
} >"$out"
echo "wrote $out" >&2
