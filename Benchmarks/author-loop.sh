#!/usr/bin/env bash
# The author's loop: how long an author waits between saving a lesson and reading its output.
#
#   Benchmarks/author-loop.sh                  # 10 runs per loop, lessons of 10, 100, 1,000 cells
#   Benchmarks/author-loop.sh --reps 3 --sizes "10 100"   # a reduced run
#   Benchmarks/author-loop.sh --worktree       # measure the work tree, not the committed HEAD
#   Benchmarks/author-loop.sh --out FILE.md    # also write the table to FILE.md
#
# In a copy of the package (the committed HEAD, or with --worktree the files git knows of in the
# work tree) under $TMPDIR, with the dependencies resolved first so that no figure includes the
# network, it measures:
#
#   - a cold `swift build` (debug) and a cold `swift build -c release` of the package;
#   - `swift run -c release carnet render` of the seed lesson (Notebooks/programmation-
#     asynchrone.md) after (a) an edit to one cell's code and (b) a prose-only edit that keeps
#     every line, each repeated --reps times alternating two variants (so each run has an edit
#     to pick up); and, for reference, the release binary rendering it with no edit;
#   - for a generated lesson of N cells (`print(i)` each), the debug `swift build` after adding
#     it and after editing one of its cells (min(--reps, 3) times).
#
# Adding a lesson makes SwiftPM plan the build again (the Lessons target links to Notebooks/),
# so the build that adds a lesson includes that planning. Each run checks that its output shows
# its edit.
# Prints a Markdown table of medians (min-max).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
main="$(cd "$here/.." && pwd)"

reps=10
sizes="10 100 1000"
worktree=0
keep=0
out=""
while [ $# -gt 0 ]; do
  case "$1" in
    --reps) reps="$2"; shift 2 ;;
    --sizes) sizes="$2"; shift 2 ;;
    --worktree) worktree=1; shift ;;
    --keep) keep=1; shift ;;
    --out) out="$(cd "$(dirname "$2")" && pwd)/$(basename "$2")"; shift 2 ;;
    *)
      echo "usage: Benchmarks/author-loop.sh [--reps N] [--sizes \"N...\"] [--worktree] [--keep] [--out FILE]" >&2
      exit 64
      ;;
  esac
done
[[ "$reps" =~ ^[1-9][0-9]*$ ]] || { echo "--reps must be a positive integer" >&2; exit 64; }
if ! pkg-config --exists libcmark 2>/dev/null; then
  echo "author-loop: libcmark not found; run .ci/setup first" >&2
  exit 1
fi

copy=$(mktemp -d "${TMPDIR:-/tmp}/carnet-author-loop.XXXXXX")
log="$copy.log"
cleanup() {
  if [ "$keep" = 1 ]; then echo "author-loop: kept the copy in $copy" >&2; else rm -rf "$copy" "$log"; fi
}
trap cleanup EXIT

if [ "$worktree" = 1 ]; then
  git -C "$main" ls-files -z --cached --others --exclude-standard \
    | while IFS= read -r -d '' file; do
      if [ -e "$main/$file" ] || [ -L "$main/$file" ]; then printf '%s\0' "$file"; fi
    done | (cd "$main" && xargs -0 cp -P --parents -t "$copy")
  measured="work tree of $(git -C "$main" rev-parse --short HEAD)"
else
  git -C "$main" archive --format=tar HEAD | tar -x -C "$copy"
  measured="$(git -C "$main" rev-parse --short HEAD)"
fi
if [ -f "$main/Package.resolved" ]; then cp "$main/Package.resolved" "$copy/"; fi
cd "$copy"
lesson=Notebooks/programmation-asynchrone.md

die() {
  echo "author-loop: $*" >&2
  if [ -s "$log" ]; then tail -n 20 "$log" | sed 's/^/    /' >&2; fi
  keep=1
  exit 1
}

now() { date +%s.%N; }

# `timed COMMAND...`: runs COMMAND with its output in $log and prints its wall-clock seconds.
timed() {
  local start
  start=$(now)
  "$@" >"$log" 2>&1 || die "failed: $*"
  awk -v start="$start" -v end="$(now)" 'BEGIN { printf "%.3f\n", end - start }'
}

# `replace FILE OLD NEW`: replaces the first OLD (a plain string) in FILE, which must hold it.
replace() {
  local text=""
  IFS= read -r -d '' text <"$1" || true
  [[ "$text" == *"$2"* ]] || die "$1 does not contain: $2"
  printf '%s' "${text/"$2"/"$3"}" >"$1"
}

# `summary SECONDS...`: "median (min-max)" in seconds, or the single value.
summary() {
  printf '%s\n' "$@" | sort -g | awk '
    { v[NR] = $1 }
    END {
      median = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
      if (NR == 1) printf "%.2f s", v[1]
      else printf "%.2f s (%.2f-%.2f)", median, v[1], v[NR]
    }'
}

rows=()
row() { rows+=("| $1 | $2 | $3 |"); echo "  $1: $3 ($2 runs)" >&2; }

echo "author-loop: measuring $measured in $copy" >&2
swift package resolve >"$log" 2>&1 || die "swift package resolve failed"

# Cold builds, from an empty build folder (dependencies already checked out).
t=$(timed swift build)
row "cold \`swift build\` (debug)" 1 "$(summary "$t")"
t=$(timed swift build -c release)
row "cold \`swift build -c release\`" 1 "$(summary "$t")"
release_bin=$(swift build -c release --show-bin-path)

# (a) An edit to one cell's code, alternating two variants.
code_a='print("Moyenne globale: \(String(format: "%.2f", globalAverage))")'
code_b='print("Moyenne globale : \(String(format: "%.2f", globalAverage))")'
times=()
recompiled=0
for ((run = 1; run <= reps; run++)); do
  if ((run % 2)); then
    replace "$lesson" "$code_a" "$code_b"
    shown="Moyenne globale : "
  else
    replace "$lesson" "$code_b" "$code_a"
    shown="Moyenne globale: "
  fi
  t=$(timed swift run -c release carnet render "$lesson")
  times+=("$t")
  if grep -q 'Compiling Lessons' "$log"; then recompiled=$((recompiled + 1)); fi
  grep -qF "$shown" Output/programmation-asynchrone.md || die "the render does not show the cell edit"
done
row "\`swift run -c release carnet render\` after a cell edit (Lessons recompiled in $recompiled of $reps)" \
  "$reps" "$(summary "${times[@]}")"

# (b) A prose-only edit keeping every line, alternating two variants.
prose_a='Commençons par `async` et `await` !'
prose_b='Commençons donc par `async` et `await` !'
times=()
recompiled=0
for ((run = 1; run <= reps; run++)); do
  if ((run % 2)); then
    replace "$lesson" "$prose_a" "$prose_b"
    shown="$prose_b"
  else
    replace "$lesson" "$prose_b" "$prose_a"
    shown="$prose_a"
  fi
  t=$(timed swift run -c release carnet render "$lesson")
  times+=("$t")
  if grep -q 'Compiling Lessons' "$log"; then recompiled=$((recompiled + 1)); fi
  grep -qxF "$shown" Output/programmation-asynchrone.md || die "the render does not show the prose edit"
done
row "\`swift run -c release carnet render\` after a prose-only edit (Lessons recompiled in $recompiled of $reps)" \
  "$reps" "$(summary "${times[@]}")"

# For reference: the release binary alone, no edit, no build.
times=()
for ((run = 1; run <= reps; run++)); do
  t=$(timed "$release_bin/carnet" render "$lesson")
  times+=("$t")
done
row "release \`carnet render\` of the same lesson, no edit (the binary directly)" "$reps" \
  "$(summary "${times[@]}")"

# Generated lessons of N trivial cells, debug builds.
swift build >"$log" 2>&1 || die "swift build failed"
edits=$((reps < 3 ? reps : 3))
for n in $sizes; do
  file="Notebooks/cells-$n.md"
  {
    printf '# %s cellules\n\n' "$n"
    for ((i = 1; i <= n; i++)); do printf '```swift cell=c%d\nprint(%d)\n```\n\n' "$i" "$i"; done
  } >"$file"
  t=$(timed swift build)
  row "debug \`swift build\` after adding a lesson of $n cells (with planning)" 1 "$(summary "$t")"
  grep -q "Compiling Lessons cells-$n.lesson.swift" "$log" || die "the lesson of $n cells was not compiled"
  times=()
  for ((run = 1; run <= edits; run++)); do
    if ((run % 2)); then replace "$file" 'print(1)' 'print(-1)'; else replace "$file" 'print(-1)' 'print(1)'; fi
    t=$(timed swift build)
    times+=("$t")
  done
  row "debug \`swift build\` after editing one cell of the lesson of $n cells" "$edits" \
    "$(summary "${times[@]}")"
  rm "$file"
  swift build >"$log" 2>&1 || die "swift build failed after removing $file"
done

table="| measure ($measured, $(nproc) cores, $(swift --version 2>/dev/null | head -n 1 | sed 's/ (.*//')) | runs | median (min-max) |
|---|---|---|
$(printf '%s\n' "${rows[@]}")"
echo
echo "$table"
if [ -n "$out" ]; then printf '%s\n' "$table" >"$out"; fi
