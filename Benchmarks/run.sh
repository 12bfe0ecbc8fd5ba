#!/usr/bin/env bash
# Carnet's benchmarks: sets up what they need (idempotent), runs every scenario with its
# baselines interleaved, and writes Benchmarks/RESULTS.md. See Benchmarks/README.md.
#
#   Benchmarks/run.sh            # everything (about 20 minutes on 2 cores)
#   Benchmarks/run.sh --quick    # fewer runs, no 50 MB / 1,000,000-task points, no cold builds
#   Benchmarks/run.sh --only 2,3 # some scenarios (1, 2, 3, p = profile, 4)
#   Benchmarks/run.sh --worktree # measure the work tree as it is, not the committed HEAD
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
main="$(cd "$here/.." && pwd)"
shared="$(cd "$main/../shared" && pwd)"
extra=()
snapshot_mode=()
for argument in "$@"; do
  if [ "$argument" = "--worktree" ]; then snapshot_mode=(--worktree); else extra+=("$argument"); fi
done
start=$(date +%s)

say() { printf '\n### %s\n' "$*"; }

# --- Debian packages: cmark, hyperfine, valgrind, time, libcmark-dev (to build Carnet) -------
missing=()
command -v cmark >/dev/null || missing+=(cmark)
command -v hyperfine >/dev/null || missing+=(hyperfine)
command -v valgrind >/dev/null || missing+=(valgrind)
[ -x /usr/bin/time ] || missing+=(time)
pkg-config --exists libcmark 2>/dev/null || missing+=(libcmark-dev pkg-config)
if [ ${#missing[@]} -gt 0 ]; then
  say "installing ${missing[*]}"
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  $sudo apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# --- Python virtual environment: Jupyter (as ../shared/bench pins it) and trio --------------
venv="$here/.venv"
requirements="$shared/bench/jupyter-requirements.txt"
stamp="$venv/.installed"
if [ ! -x "$venv/bin/python" ]; then
  say "creating $venv"
  python3 -m venv "$venv"
fi
if [ ! -f "$stamp" ] || [ "$requirements" -nt "$stamp" ]; then
  say "installing $(basename "$requirements") and trio into the virtual environment"
  "$venv/bin/pip" install -q --upgrade pip
  "$venv/bin/pip" install -q -r "$requirements" trio
  touch "$stamp"
fi

# --- Sources: a snapshot of the main package ---------------------------------------------
# People keep editing the work tree; the benchmarks build and run a copy of the committed HEAD
# (or of the work tree with --worktree), plus Benchmarks/ as it is, in Benchmarks/.results/src.
work="$here/.results"
src="$work/src"
mkdir -p "$work"
say "snapshot of the main package in $src"
measured="$(python3 "$here/snapshot.py" "$main" "$src" ${snapshot_mode[@]+"${snapshot_mode[@]}"})"
echo "measuring $measured"

# --- Release builds: the real carnet binary, and carnet-bench ------------------------------
build() {
  local tries=0
  until "$@"; do
    tries=$((tries + 1))
    if [ $tries -ge 3 ]; then echo "build failed: $*" >&2; return 1; fi
    echo "build failed, trying again in 20 s..." >&2
    sleep 20
  done
}
say "building carnet (release) in $src/.build-bench-release"
(cd "$src" && build swift build -c release --product carnet --scratch-path .build-bench-release)
carnet="$src/.build-bench-release/release/carnet"
say "building carnet-bench (release) in $src/Benchmarks/.build"
(cd "$src/Benchmarks" && build swift build -c release)
bench="$src/Benchmarks/.build/release/carnet-bench"

# --- Run ---------------------------------------------------------------------------------
say "running the scenarios"
"$venv/bin/python" "$src/Benchmarks/bench.py" --main "$src" --repo "$main" \
  --measured "$measured" --shared "$shared" --carnet "$carnet" --bench "$bench" --venv "$venv" \
  --work "$work" --out "$here/RESULTS.md" ${extra[@]+"${extra[@]}"}
echo "run.sh: done in $(( ($(date +%s) - start) / 60 )) min $(( ($(date +%s) - start) % 60 )) s"
