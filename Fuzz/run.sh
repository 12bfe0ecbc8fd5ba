#!/usr/bin/env bash
# Builds the parse → render fuzz target with libFuzzer and runs it.
#   Fuzz/run.sh [SECONDS]        (default 600; corpus in Fuzz/corpus, crashes in Fuzz/)
# SwiftPM cannot link libFuzzer's own main into an executable target on Linux (it renames the
# entry point), so this script drives swiftc directly: the CarnetDocument, CarnetRuntime and
# CarnetRendering sources become static libraries instrumented for coverage, and
# FuzzParseRender.swift is linked to them.
set -euo pipefail
cd "$(dirname "$0")"
seconds="${1:-600}"
root=..
build=.build
mkdir -p "$build" corpus
"$root/.ci/setup"
flags=(-O -swift-version 6 -parse-as-library -sanitize=fuzzer -g -package-name carnet)
includes=(-I "$build" -I "$root/Sources/CCmark" -I "$root/Sources/CProcessControl/include")
clang -c -O2 -o "$build/process_control.o" "$root/Sources/CProcessControl/process_control.c" \
  -I "$root/Sources/CProcessControl/include"
# The library targets, in their order of dependency: parse, run, render.
for module in CarnetDocument CarnetRuntime CarnetRendering; do
  mapfile -t sources < <(find "$root/Sources/$module" -name '*.swift' | sort)
  swiftc "${flags[@]}" -emit-library -static -emit-module -module-name "$module" \
    "${includes[@]}" -o "$build/lib$module.a" \
    -emit-module-path "$build/$module.swiftmodule" "${sources[@]}"
done
swiftc "${flags[@]}" "${includes[@]}" -L "$build" -lCarnetRendering -lCarnetRuntime \
  -lCarnetDocument "$build/process_control.o" -lcmark -o "$build/carnet-fuzz" FuzzParseRender.swift
# Seed the corpus with the lessons and a few CommonMark spec examples.
cp "$root"/Notebooks/*.md corpus/ 2>/dev/null || true
exec "$build/carnet-fuzz" -max_total_time="$seconds" -print_final_stats=1 -max_len=8192 corpus
