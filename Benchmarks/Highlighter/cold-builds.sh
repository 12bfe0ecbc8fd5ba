#!/usr/bin/env bash
# Cold `swift build` (debug) costs of swift-syntax here, printed as a Markdown table:
#   1. a tiny package whose one file classifies Swift with SwiftParser + SwiftIDEUtils;
#   2. Carnet's committed HEAD as it is;
#   3. the same with CarnetDocument depending on SwiftParser + SwiftIDEUtils and calling them
#      (what integrating swift-syntax in the highlighter would cost every build of Carnet, of
#      its CI and of every course made with `carnet init`).
# Each build starts from an empty scratch folder in a temporary directory (the packages
# themselves come from this machine's local copies, so no network time is counted).
#
#   Benchmarks/Highlighter/cold-builds.sh > table.md
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
main="$(cd "$here/../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# Prints "wall user+sys peak-MiB" of a cold `swift build` in $1.
cold_build() {
  local dir="$1" log="$work/build.log"
  if ! /usr/bin/time -f "%e %U %S %M" -o "$work/time" \
    swift build --package-path "$dir" --scratch-path "$dir/.build-cold" >"$log" 2>&1; then
    tail -30 "$log" >&2
    echo "cold build of $dir failed" >&2
    exit 1
  fi
  if grep -q "warning:" "$log"; then grep "warning:" "$log" | sort -u | head -5 >&2; fi
  read -r wall user sys peak <"$work/time"
  awk -v w="$wall" -v u="$user" -v s="$sys" -v m="$peak" \
    'BEGIN { printf "%.0f s | %.0f s | %.1f GiB", w, u + s, m / 1048576 }'
}

# 1. The tiny package.
tiny="$work/tiny"
mkdir -p "$tiny/Sources/tiny"
cat >"$tiny/Package.swift" <<'EOF'
// swift-tools-version: 6.1
import PackageDescription

let package = Package(
  name: "tiny",
  dependencies: [.package(url: "https://github.com/swiftlang/swift-syntax", from: "603.0.0")],
  targets: [
    .executableTarget(
      name: "tiny",
      dependencies: [
        .product(name: "SwiftParser", package: "swift-syntax"),
        .product(name: "SwiftIDEUtils", package: "swift-syntax"),
      ])
  ]
)
EOF
cat >"$tiny/Sources/tiny/main.swift" <<'EOF'
import SwiftIDEUtils
import SwiftParser

let tree = Parser.parse(source: "let x: Int = 1 // one")
for classified in tree.classifications { print(classified.kind, classified.range) }
EOF

# 2 and 3. Carnet's committed HEAD, without and with swift-syntax.
without="$work/carnet"
mkdir -p "$without"
git -C "$main" archive HEAD | tar -x -C "$without"
commit="$(git -C "$main" rev-parse --short HEAD)"
with="$work/carnet-syntax"
cp -R "$without" "$with"
python3 - "$with/Package.swift" <<'EOF'
import sys
path = sys.argv[1]
text = open(path).read()
dependency = '.package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0")'
assert dependency in text
text = text.replace(dependency, dependency + ',\n    .package(url: "https://github.com/swiftlang/swift-syntax", from: "603.0.0")')
target = '.target(name: "CarnetDocument", dependencies: ["CCmark"])'
assert target in text
text = text.replace(target, '''.target(
      name: "CarnetDocument",
      dependencies: [
        "CCmark", .product(name: "SwiftParser", package: "swift-syntax"),
        .product(name: "SwiftIDEUtils", package: "swift-syntax"),
      ])''')
open(path, "w").write(text)
EOF
cat >"$with/Sources/CarnetDocument/Swift/SyntaxClassified.swift" <<'EOF'
import SwiftIDEUtils
import SwiftParser

/// The number of classified ranges of `source` (stands for a swift-syntax highlighter).
package func syntaxClassifiedRangeCount(_ source: String) -> Int {
  Parser.parse(source: source).classifications.reduce(0) { count, _ in count + 1 }
}
EOF

echo "| cold \`swift build\` (debug, $(nproc) cores) | wall | CPU (user + sys) | peak memory |"
echo "|---|---:|---:|---:|"
echo "| a tiny package using SwiftParser + SwiftIDEUtils 603 | $(cold_build "$tiny") |"
echo "| Carnet ($commit) as it is | $(cold_build "$without") |"
echo "| Carnet ($commit) with CarnetDocument using SwiftParser + SwiftIDEUtils | $(cold_build "$with") |"
