#!/usr/bin/env python3
"""Compares carnet-bench binaries (builds of different commits) with cmark, interleaved.

    Benchmarks/compare.py ROUNDS NAME=CARNET-BENCH... -- LESSON...

For each lesson (registered: `carnet-bench register LESSON` or `generate-book`), runs every
binary with `render --format md` and `render --format both` (the default of `carnet render`),
and `cmark --to html LESSON >/dev/null`, in rounds whose order rotates, then prints medians
(wall clock from spawn to exit, peak RSS from GNU time) and their ratios to cmark's.
"""
import statistics
import subprocess
import sys
import tempfile
import time


def run(command):
    start = time.perf_counter()
    done = subprocess.run(["/usr/bin/time", "-f", "%M"] + command, stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE, text=True)
    wall = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"failed: {command}: {done.stderr[-500:]}")
    return wall, int(done.stderr.strip().splitlines()[-1])


def main(arguments):
    if "--" not in arguments or len(arguments) < 4:
        raise SystemExit(__doc__)
    split = arguments.index("--")
    rounds = int(arguments[0])
    binaries = [a.split("=", 1) for a in arguments[1:split]]
    output = tempfile.mkdtemp(prefix="carnet-compare-")
    for lesson in arguments[split + 1:]:
        commands = [(f"{name} --format {fmt}",
                     [binary, "render", "--format", fmt, "--output", f"{output}/{name}-{fmt}",
                      lesson])
                    for name, binary in binaries for fmt in ["md", "both"]]
        commands.append(("cmark --to html", ["sh", "-c", f"cmark --to html '{lesson}' >/dev/null"]))
        results = {name: [] for name, _ in commands}
        for number in range(rounds):
            turn = number % len(commands)
            for name, command in commands[turn:] + commands[:turn]:
                results[name].append(run(command))
        cmark = results["cmark --to html"]
        wall0 = statistics.median(w for w, _ in cmark)
        memory0 = statistics.median(m for _, m in cmark)
        print(f"{lesson} ({rounds} rounds)")
        print(f"{'command':28} {'median s':>9} {'min':>7} {'max':>7} {'peak MiB':>9} "
              f"{'t/cmark':>8} {'mem/cmark':>9}")
        for name, runs in results.items():
            wall = statistics.median(w for w, _ in runs)
            memory = statistics.median(m for _, m in runs)
            print(f"{name:28} {wall:9.4f} {min(w for w, _ in runs):7.4f} "
                  f"{max(w for w, _ in runs):7.4f} {memory / 1024:9.1f} {wall / wall0:8.2f} "
                  f"{memory / memory0:9.2f}")


if __name__ == "__main__":
    main(sys.argv[1:])
