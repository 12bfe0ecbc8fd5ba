#!/usr/bin/env python3
"""Runs Carnet's benchmark scenarios with their baselines interleaved, and writes RESULTS.md.

Called by run.sh once everything is built and installed; standard library only. Every command is
a separate process timed from spawn to exit (wall clock) with its peak resident memory (ru_maxrss
from wait4). The commands of one comparison run in rounds; each round runs every command (in a
rotated order), so that machine noise hits them alike. Reported: median and min-max.
"""

import argparse
import datetime
import json
import os
import pickle
import platform
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))


# --------------------------------------------------------------------------------------------
# Measuring


class Run:
    def __init__(self, wall, rss_kb, rc, out, err):
        self.wall, self.rss_kb, self.rc, self.out, self.err = wall, rss_kb, rc, out, err

    def json_line(self):
        """The last line of standard output that is a JSON object (or of stderr), if any."""
        for text in (self.out, self.err):
            for line in reversed(text.splitlines()):
                line = line.strip()
                if line.startswith("{") and line.endswith("}"):
                    try:
                        return json.loads(line)
                    except ValueError:
                        pass
        return None


def measure(argv, cwd=None, timeout=None, env=None):
    """Runs argv once; returns a Run with wall seconds, peak RSS (KiB), exit code and output.

    The peak RSS comes from GNU time (`/usr/bin/time -f %M`), which forks the command from a
    small process: a child forked from this Python process would report at least Python's own
    RSS (the kernel keeps the pre-exec peak), which hides the size of small programs."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err, \
            tempfile.NamedTemporaryFile("r") as rss:
        start = time.perf_counter()
        # Its own process group, so that a timeout also kills its children (a cell worker).
        proc = subprocess.Popen(["/usr/bin/time", "-f", "%M", "-o", rss.name] + list(argv),
                                cwd=cwd, stdout=out, stderr=err, stdin=subprocess.DEVNULL,
                                env=env, start_new_session=True)
        timer = None
        if timeout:
            timer = threading.Timer(timeout, lambda: os.killpg(proc.pid, signal.SIGKILL))
            timer.start()
        _, status, _ = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        if timer:
            timer.cancel()
        proc.returncode = os.waitstatus_to_exitcode(status)
        lines = [line for line in rss.read().split() if line.isdigit()]
        rss_kb = int(lines[-1]) if lines else 0
        out.seek(0)
        err.seek(0)
        return Run(wall, rss_kb, proc.returncode,
                   out.read().decode("utf-8", "replace"), err.read().decode("utf-8", "replace"))


class Cmd:
    def __init__(self, name, argv, cwd=None, reps=1, timeout=None, env=None):
        self.name, self.argv, self.cwd, self.reps = name, argv, cwd, reps
        self.timeout, self.env = timeout, env


def interleave(cmds, rounds, warmup=True, log=None):
    """Runs every command `rounds` times (`reps` times per round), alternating commands in
    each round and rotating their order between rounds. Returns {name: [Run]}."""
    results = {c.name: [] for c in cmds}
    if warmup:
        for c in cmds:
            measure(c.argv, c.cwd, c.timeout, c.env)
    for r in range(rounds):
        order = cmds[r % len(cmds):] + cmds[:r % len(cmds)]
        for c in order:
            for _ in range(c.reps):
                run = measure(c.argv, c.cwd, c.timeout, c.env)
                results[c.name].append(run)
                if log:
                    log(f"  {c.name}: {run.wall:.3f} s, {run.rss_kb / 1024:.1f} MiB, rc {run.rc}")
    return results


def med(values):
    return statistics.median(values) if values else float("nan")


def summary(runs, key=lambda r: r.wall):
    values = [key(r) for r in runs]
    return {"median": med(values), "min": min(values), "max": max(values), "n": len(values)}


# --------------------------------------------------------------------------------------------
# Formatting


def fmt_time(s):
    if s != s:
        return "n/a"
    if s >= 100:
        return f"{s:.0f} s"
    if s >= 1:
        return f"{s:.2f} s"
    if s >= 0.001:
        return f"{s * 1000:.1f} ms"
    return f"{s * 1e6:.0f} µs"


def fmt_runs(runs):
    if not runs:
        return "not run"
    s = summary(runs)
    if s["n"] == 1:
        return f"{fmt_time(s['median'])} (1 run)"
    return f"{fmt_time(s['median'])} [{fmt_time(s['min'])}–{fmt_time(s['max'])}] ×{s['n']}"


def fmt_mib(kb):
    return f"{kb / 1024:.1f} MiB"


def fmt_rss(runs):
    if not runs:
        return "n/a"
    return fmt_mib(med([r.rss_kb for r in runs]))


def verdict(ok):
    return "✅ met" if ok else "❌ not met"


def ratio(a, b):
    return a / b if b else float("nan")


# --------------------------------------------------------------------------------------------
# The scenarios


class Bench:
    def __init__(self, args):
        self.a = args
        self.main = os.path.abspath(args.main)
        self.work = os.path.abspath(args.work)
        self.quick = args.quick
        os.makedirs(self.work, exist_ok=True)
        self.data = {"scenarios": {}}
        self.t0 = time.time()

    def log(self, text):
        print(text, flush=True)

    def py(self):
        return os.path.join(self.a.venv, "bin", "python")

    def jupyter(self):
        return os.path.join(self.a.venv, "bin", "jupyter")

    def path(self, *parts):
        return os.path.join(self.work, *parts)

    # -- machine and versions ---------------------------------------------------------------

    def machine(self):
        def sh(cmd, cwd=None):
            try:
                return subprocess.run(cmd, shell=True, capture_output=True, text=True,
                                      cwd=cwd, timeout=60).stdout.strip()
            except Exception as error:  # noqa: BLE001
                return f"({error})"

        cpu = sh("lscpu | sed -n 's/^Model name: *//p'") or platform.processor()
        mem = sh("free -g | awk '/^Mem:/ {print $2}'")
        versions = {
            "swift": sh("swift --version 2>&1 | head -1"),
            "python": sh(f"{self.py()} --version"),
            "nbconvert": sh(f"{self.jupyter()} nbconvert --version"),
            "ipykernel": sh(f"{self.py()} -c 'import ipykernel; print(ipykernel.__version__)'"),
            "trio": sh(f"{self.py()} -c 'import trio; print(trio.__version__)'"),
            "cmark": sh("cmark --version | head -1"),
            "hyperfine": sh("hyperfine --version"),
            "valgrind": sh("valgrind --version"),
        }
        dirty = sh("git status --porcelain | grep -v '^?? Benchmarks/$' | wc -l", cwd=self.a.repo)
        return {
            "cpu": cpu, "cores": os.cpu_count(), "memory_gib": mem,
            "kernel": platform.release(), "os": sh(". /etc/os-release; echo $PRETTY_NAME"),
            "versions": versions, "commit": self.a.measured,
            "dirty_files": dirty, "load_start": os.getloadavg(),
            "date": datetime.datetime.now().strftime("%Y-%m-%d %H:%M"),
        }

    # -- scenario 1 -----------------------------------------------------------------------

    def seed_lesson(self):
        """The seed lesson when present and rendering; demo.md otherwise."""
        seed = "Notebooks/programmation-asynchrone.md"
        if os.path.exists(os.path.join(self.main, seed)):
            run = measure([self.a.carnet, "render", seed, "--output", self.path("probe")],
                          cwd=self.main, timeout=120)
            if run.rc == 0:
                return seed, None
            return "Notebooks/demo.md", (
                f"{seed} exists but `carnet render` exited with {run.rc} "
                f"({run.err.strip().splitlines()[-1] if run.err.strip() else 'no message'}): "
                "demo.md used instead")
        return "Notebooks/demo.md", f"{seed} does not exist yet: demo.md used instead"

    def scenario1(self):
        self.log("== Scenario 1: seed lesson vs Jupyter")
        lesson, note = self.seed_lesson()
        self.lesson = lesson
        out = self.path("s1")
        shared = self.a.shared
        cmds = [
            Cmd("carnet render", [self.a.carnet, "render", lesson, "--output", out + "/carnet"],
                cwd=self.main, reps=3),
            Cmd("nbconvert seed-asyncio", [self.jupyter(), "nbconvert", "--to", "markdown",
                                           "--execute", f"{shared}/bench/seed-asyncio.ipynb",
                                           "--output-dir", out + "/jupyter"],
                cwd=self.work, timeout=300),
            Cmd("nbconvert seed-asyncio-sleep0",
                [self.jupyter(), "nbconvert", "--to", "markdown", "--execute",
                 f"{shared}/bench/seed-asyncio-sleep0.ipynb", "--output-dir", out + "/jupyter0"],
                cwd=self.work, timeout=300),
        ]
        res = interleave(cmds, 2 if self.quick else 5, log=self.log)
        self.data["scenarios"]["1"] = {"lesson": lesson, "note": note, "runs": res}
        self.s1_output = out + "/carnet"

    # -- scenario 2 -----------------------------------------------------------------------

    def scenario2(self):
        self.log("== Scenario 2: a long book vs cmark")
        sizes = [50_000, 500_000, 5_000_000] + ([] if self.quick else [50_000_000])
        books = {}
        for size in [1000] + sizes:
            path = self.path(f"book-{size}.md")
            # A book is registered when generated (BOOK.md.compiled, what the plugin would
            # compile); older runs left books without it.
            if not os.path.exists(path) or not os.path.exists(path + ".compiled"):
                subprocess.run([self.a.bench, "generate-book", "--bytes", str(size),
                                "--output", path], check=True)
            books[size] = path
        out = self.path("s2")
        os.makedirs(out, exist_ok=True)
        # The process baseline: the same binary rendering a one-cell lesson.
        base = interleave([Cmd("baseline", [self.a.bench, "render", "--in-process", "--format",
                                            "md", "--output", out + "/base", books[1000]])],
                          5, log=None)["baseline"]
        per_size = {}
        for size in sizes:
            self.log(f"-- {size:,} bytes")
            rounds = 3 if size >= 50_000_000 else (3 if self.quick else 7)
            res = interleave([
                Cmd("carnet render", [self.a.bench, "render", "--phases", "--output", out,
                                      books[size]]),
                Cmd("carnet render --format md", [self.a.bench, "render", "--phases", "--format",
                                                  "md", "--output", out + "/md", books[size]]),
                Cmd("carnet render --format md --in-process",
                    [self.a.bench, "render", "--phases", "--format", "md", "--in-process",
                     "--output", out + "/in", books[size]]),
                Cmd("cmark --to html", ["sh", "-c", f"cmark --to html '{books[size]}' >/dev/null"]),
            ], rounds, log=self.log)
            per_size[size] = {"runs": res, "bytes": os.path.getsize(books[size])}
        # A 5 MB lesson without cells: 25 copies of the CommonMark spec (the shared corpus).
        spec = None
        corpus = os.path.join(self.a.shared, "corpus", "commonmark-spec-0.30.txt")
        if os.path.exists(corpus):
            path = self.path("spec-25.md")
            if not os.path.exists(path + ".compiled"):
                with open(corpus, "rb") as source:
                    text = source.read()
                with open(path, "wb") as lesson:
                    lesson.write(text * 25)
                subprocess.run([self.a.bench, "register", path], check=True)
            self.log("-- 5 MB without cells (25 copies of the CommonMark spec)")
            spec = {"bytes": os.path.getsize(path), "runs": interleave([
                Cmd("carnet render", [self.a.bench, "render", "--phases", "--output",
                                      out + "/spec", path]),
                Cmd("carnet render --format md", [self.a.bench, "render", "--phases", "--format",
                                                  "md", "--output", out + "/spec-md", path]),
                Cmd("cmark --to html", ["sh", "-c", f"cmark --to html '{path}' >/dev/null"]),
            ], 3 if self.quick else 9, log=self.log)}
        # The real carnet binary on the 5 MB book, its cells naming the `hello` example.
        cross = None
        listing = measure([self.a.carnet, "list"], cwd=self.main)
        if re.search(r"^\s+hello\t", listing.out, re.M):
            path = self.path("book-hello-5000000.md")
            subprocess.run([self.a.bench, "generate-book", "--bytes", "5000000", "--id", "hello",
                            "--output", path], check=True)
            cross = interleave([
                Cmd("carnet render (real binary, hello cells)",
                    [self.a.carnet, "render", path, "--output", out + "/real"], cwd=self.main),
                Cmd("cmark --to html", ["sh", "-c", f"cmark --to html '{path}' >/dev/null"]),
            ], 3 if self.quick else 5, log=self.log)
        self.data["scenarios"]["2"] = {"baseline": base, "sizes": per_size, "cross": cross,
                                       "spec": spec}

    # -- scenario 3 -----------------------------------------------------------------------

    def scenario3(self):
        self.log("== Scenario 3: many tasks vs trio and asyncio")
        pydir = os.path.join(HERE, "python")
        ns = [10_000, 100_000] + ([] if self.quick else [1_000_000])
        cap = 120 if self.quick else 300
        res = {}
        for n in ns:
            rounds = 1 if n >= 1_000_000 else (3 if n >= 100_000 else 5)
            cmds = [
                Cmd("trio", [self.py(), "many_tasks_trio.py", str(n)], cwd=pydir, timeout=cap),
                Cmd("asyncio", [self.py(), "many_tasks_asyncio.py", str(n)], cwd=pydir,
                    timeout=cap),
                Cmd("carnet, chunked groups, no timeline",
                    [self.a.bench, "tasks", str(n), "--shape", "chunked", "--no-timeline"],
                    timeout=cap),
                Cmd("prototype loop, chunked groups",
                    [self.a.bench, "tasks", str(n), "--shape", "chunked", "--prototype"],
                    timeout=cap),
                Cmd("carnet, yield only, no timeline",
                    [self.a.bench, "tasks", str(n), "--shape", "yield", "--no-timeline"],
                    timeout=cap),
            ]
            if n <= 10_000:
                cmds += [
                    Cmd("carnet (as render runs it)", [self.a.bench, "tasks", str(n), "--worker"],
                        timeout=cap),
                    Cmd("carnet, worker, no timeline (render --format md)",
                        [self.a.bench, "tasks", str(n), "--worker", "--no-timeline"],
                        timeout=cap),
                    Cmd("carnet, in process", [self.a.bench, "tasks", str(n)], timeout=cap),
                    Cmd("carnet, in process, no timeline",
                        [self.a.bench, "tasks", str(n), "--no-timeline"], timeout=cap),
                    Cmd("carnet, discarding group",
                        [self.a.bench, "tasks", str(n), "--shape", "discarding"], timeout=cap),
                ]
            self.log(f"-- N = {n:,}")
            res[n] = interleave(cmds, rounds, warmup=n <= 10_000, log=self.log)
        # The flat group (the scenario's own code) beyond 10,000 tasks: its cost is quadratic
        # (see the profile), so 20,000 and 100,000 run once each, and 1,000,000 not at all.
        flat = {}
        for n in [20_000, 100_000]:
            self.log(f"-- flat group, N = {n:,} (once, cap {cap} s)")
            flat[n] = interleave([
                Cmd("carnet (as render runs it)", [self.a.bench, "tasks", str(n), "--worker"],
                    timeout=cap),
            ], 1, warmup=False, log=self.log)["carnet (as render runs it)"]
        # Memory per task: (peak RSS at N - peak RSS at 0 tasks) / N.
        zero = {
            "carnet": measure([self.a.bench, "tasks", "0", "--no-timeline"]).rss_kb,
            "python": measure([self.py(), "-c", "import trio, asyncio"]).rss_kb,
        }
        self.data["scenarios"]["3"] = {"runs": res, "flat": flat, "zero": zero, "cap": cap}

    def profile(self):
        self.log("== Profile (callgrind)")
        prof = {}
        plan = [
            ("flat group, as render runs it", 20_000, []),
            ("flat group, as render runs it", 40_000, []),
            ("flat group, no timeline", 20_000, ["--no-timeline"]),
            ("chunked groups, no timeline", 40_000, ["--shape", "chunked", "--no-timeline"]),
            ("prototype loop, chunked groups", 40_000, ["--shape", "chunked", "--prototype"]),
            ("yield only, no timeline", 40_000, ["--shape", "yield", "--no-timeline"]),
        ]
        if self.quick:
            plan = [(a, n // 4, f) for a, n, f in plan]
        for label, n, flags in plan:
            out = self.path(f"callgrind.{n}.{'-'.join(flags) or 'default'}")
            start = time.time()
            subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}",
                            self.a.bench, "tasks", str(n)] + flags,
                           capture_output=True, check=False)
            took = time.time() - start
            prof[f"{label}, N = {n:,}"] = dict(annotate(out), n=n, label=label, took=took)
            self.log(f"  {label}, N = {n:,}: {prof[f'{label}, N = {n:,}']['total']:,} Ir "
                     f"({took:.0f} s under valgrind)")
        self.data["profile"] = prof

    # -- scenario 4 -----------------------------------------------------------------------

    def scenario4(self):
        self.log("== Scenario 4: start-up and the author's loop")
        lesson = getattr(self, "lesson", "Notebooks/demo.md")
        golden = getattr(self, "s1_output", None) or self.path("s4-out")
        if not os.path.exists(os.path.join(golden, os.path.basename(lesson))):
            measure([self.a.carnet, "render", lesson, "--output", golden], cwd=self.main)
        cmds = [
            Cmd("carnet list", [self.a.carnet, "list", lesson], cwd=self.main),
            Cmd("carnet check", [self.a.carnet, "check", lesson, "--output", golden],
                cwd=self.main),
            Cmd("cmark --version", ["cmark", "--version"]),
            Cmd("python3 -c pass", [self.py(), "-c", "pass"]),
            Cmd("jupyter nbconvert --version", [self.jupyter(), "nbconvert", "--version"]),
        ]
        res = interleave(cmds, 5 if self.quick else 12, log=None)
        for name, runs in res.items():
            self.log(f"  {name}: {fmt_runs(runs)} rc {runs[0].rc}")
        hyper = None
        if shutil.which("hyperfine"):
            out = self.path("hyperfine.json")
            subprocess.run(["hyperfine", "-N", "--warmup", "3", "--runs", "20", "--export-json",
                            out, f"{self.a.carnet} list {lesson}",
                            f"{self.a.carnet} check {lesson} --output {golden}"],
                           cwd=self.main, capture_output=True, check=False)
            if os.path.exists(out):
                with open(out) as f:
                    hyper = json.load(f)["results"]
        builds = None if self.a.skip_builds else self.cold_builds()
        self.data["scenarios"]["4"] = {"runs": res, "hyperfine": hyper, "builds": builds,
                                       "lesson": lesson}

    def cold_builds(self):
        """Cold `swift build` and `swift test` of a copy of the main package (its sources, not
        its build folders), then the author's loop: touch a lesson's examples and rebuild."""
        results = {}
        for kind in ["build", "test"]:
            copy = self.path(f"cold-{kind}")
            shutil.rmtree(copy, ignore_errors=True)
            shutil.copytree(self.main, copy, ignore=shutil.ignore_patterns(
                ".build*", "Benchmarks", ".git", "Output"))
            shutil.copytree(os.path.join(self.main, "Output"), os.path.join(copy, "Output"))
            argv = ["swift", kind] if kind == "build" else ["swift", "test", "--parallel"]
            self.log(f"  cold swift {kind}...")
            run = measure(argv, cwd=copy, timeout=1800)
            results[f"swift {kind} (cold)"] = run
            self.log(f"  cold swift {kind}: {run.wall:.1f} s rc {run.rc}")
            if kind == "build":
                # The author's loop: one cell's code edited in the lesson (its cells are compiled
                # from the Markdown by the tangle plugin); Benchmarks/author-loop.sh measures it
                # in detail, with medians.
                lesson = os.path.join(copy, "Notebooks", "demo.md")
                with open(lesson, encoding="utf-8") as f:
                    text = f.read()
                edited = text.replace('print("Bonjour depuis une cellule Carnet !")',
                                      'print("Bonjour depuis une cellule Carnet ! (bis)")', 1)
                with open(lesson, "w", encoding="utf-8") as f:
                    f.write(edited)
                run = measure(["swift", "build", "--product", "carnet"], cwd=copy, timeout=900)
                results["swift build after editing a cell of Notebooks/demo.md"] = run
                self.log(f"  incremental: {run.wall:.1f} s rc {run.rc}")
            shutil.rmtree(copy, ignore_errors=True)
        return results

    # -- report -----------------------------------------------------------------------------

    def write(self, path):
        self.data["machine"]["load_end"] = os.getloadavg()
        self.data["elapsed"] = time.time() - self.t0
        with open(self.path("results.pickle"), "wb") as f:
            pickle.dump(self.data, f)
        text = report(self.data)
        with open(path, "w") as f:
            f.write(text)
        self.log(f"wrote {path} ({self.data['elapsed'] / 60:.1f} min)")


def annotate(path):
    """Total instructions and the top functions (self cost) of a callgrind profile."""
    text = subprocess.run(["callgrind_annotate", "--auto=no", "--threshold=100", path],
                          capture_output=True, text=True).stdout
    total, rows = 0, []
    for line in text.splitlines():
        m = re.match(r"\s*([\d,]+) \(\s*[\d.]+%\)\s+(.*)$", line)
        if not m:
            continue
        count = int(m.group(1).replace(",", ""))
        rest = m.group(2)
        if "PROGRAM TOTALS" in rest:
            total = count
            continue
        obj = re.search(r"\[([^\]]+)\]\s*$", rest)
        lib = obj.group(1).split("/")[-1] if obj else "?"
        name = re.sub(r"\s*\[[^\]]+\]\s*$", "", rest)
        name = name.split(":", 1)[1] if ":" in name else name
        rows.append((count, name, lib))
    names = demangle([n for _, n, _ in rows[:12]])
    rows = [(c, names[i] if i < len(names) else n, l) for i, (c, n, l) in enumerate(rows)]
    by_lib = {}
    for count, _, lib in rows:
        by_lib[lib] = by_lib.get(lib, 0) + count
    remove = sum(c for c, n, _ in rows if "removeChildTask" in n)
    timeline = sum(c for c, n, l in rows if "CFString" in n or "NSString" in n
                   or "getNumericType" in n or "TimelineRecorder" in n)
    return {"total": total, "top": rows[:12], "by_lib": by_lib, "removeChildTask": remove,
            "timeline_parse": timeline}


def demangle(names):
    """Swift symbol names, demangled and shortened."""
    try:
        out = subprocess.run(["swift", "demangle", "--simplified"], input="\n".join(names),
                             capture_output=True, text=True, timeout=60).stdout.splitlines()
    except Exception:  # noqa: BLE001
        out = []
    if len(out) != len(names):
        out = names
    return [o[:120] for o in out]


def report(d):
    m = d["machine"]
    s = d["scenarios"]
    L = []
    add = L.append
    add("# Carnet benchmark results")
    add("")
    add("Generated by `Benchmarks/run.sh` (do not edit by hand; the analysis is in "
        "[ANALYSIS.md](ANALYSIS.md)). All comparisons below were measured in this one run, "
        "their commands interleaved round by round. Times are wall-clock from process start to "
        "exit: median [min–max] ×runs. Memory is the peak resident set of the measured process.")
    add("")
    add("## Machine")
    add("")
    add(f"- {m['date']}, {m['os']}, kernel {m['kernel']}, {m['cpu']}, {m['cores']} cores, "
        f"{m['memory_gib']} GiB")
    add(f"- load average at start {m['load_start'][0]:.2f}, at end {m['load_end'][0]:.2f} "
        "(other builds share this machine: compare ratios, not absolute times)")
    add(f"- main package measured: {m['commit']} (a snapshot built in Benchmarks/.results/src; "
        f"the work tree had {m['dirty_files']} other uncommitted changes)")
    for k, v in m["versions"].items():
        add(f"- {k}: {v}")
    add(f"- whole run: {d['elapsed'] / 60:.1f} min")
    add("")

    # Scenario 1
    if "1" in s:
        r = s["1"]["runs"]
        c, j, j0 = (med([x.wall for x in r[k]]) for k in
                    ["carnet render", "nbconvert seed-asyncio", "nbconvert seed-asyncio-sleep0"])
        add("## 1. Seed lesson")
        add("")
        add(f"Lesson: `{s['1']['lesson']}`" + (f" ({s['1']['note']})" if s["1"]["note"] else "")
            + "; Jupyter: `jupyter nbconvert --to markdown --execute` of the same lesson in "
            "Python (`../shared/bench/`). The nbconvert figure is for the nbconvert process; its "
            "kernel is a separate process whose memory is not included.")
        add("")
        add("| command | time | peak memory | exit |")
        add("|---|---|---|---|")
        for k, runs in r.items():
            add(f"| {k} | {fmt_runs(runs)} | {fmt_rss(runs)} | {runs[0].rc} |")
        add("")
        add("| ratio | measured | target | |")
        add("|---|---|---|---|")
        add(f"| nbconvert seed-asyncio / carnet render | {ratio(j, c):.0f}× | ≥ 400× | "
            f"{verdict(ratio(j, c) >= 400)} |")
        add(f"| nbconvert sleep(0) variant / carnet render | {ratio(j0, c):.0f}× | ≥ 10× | "
            f"{verdict(ratio(j0, c) >= 10)} |")
        add("")

    # Scenario 2
    if "2" in s:
        add("## 2. A long book")
        add("")
        base = med([x.rss_kb for x in s["2"]["baseline"]])
        add("A generated lesson (`carnet-bench generate-book`: headings, prose with inline "
            "markup, lists, quotes, untagged code blocks, one cell per ~1,000 bytes, some cells "
            "in list items), rendered by `carnet-bench render`, which does what `carnet render` "
            "does (load; run every cell in a worker process; render; write atomically) with the "
            "benchmark's trivial examples. `carnet render` writes `NAME.md` and `NAME.html` by "
            "default (recording task timelines for the HTML charts); `--format md` writes only "
            "the Markdown, the output comparable with cmark's; `--in-process` runs the cells in "
            "the process itself. Baseline: `cmark --to html` of the same file. Memory baseline "
            f"(the same binary rendering a one-cell lesson in process): {fmt_mib(base)}.")
        add("")
        names = ["carnet render", "carnet render --format md",
                 "carnet render --format md --in-process"]
        add("| size | cells | " + " | ".join(f"`{n}`" for n in names) + " | `cmark --to html` | "
            "ratios to cmark | in-process µs/KB | in-process peak | above baseline / size |")
        add("|---|---|---|---|---|---|---|---|---|---|")
        for size, v in s["2"]["sizes"].items():
            r = v["runs"]
            k = med([x.wall for x in r["cmark --to html"]])
            ms = [med([x.wall for x in r[n]]) for n in names]
            rss = med([x.rss_kb for x in r[names[2]]])
            cells = (r[names[2]][0].json_line() or {}).get("cells", "?")
            add(f"| {v['bytes'] / 1e6:.2f} MB | {cells:,} | "
                + " | ".join(fmt_runs(r[n]) for n in names)
                + f" | {fmt_runs(r['cmark --to html'])} | "
                + " / ".join(f"{ratio(m, k):.1f}×" for m in ms)
                + f" | {ms[2] * 1e6 / (v['bytes'] / 1000):.0f} | {fmt_mib(rss)} | "
                f"{(rss - base) * 1024 / v['bytes']:.1f}× |")
        add("")
        add("(With a worker process, the parent's peak memory does not include the worker's; "
            "the in-process peak is the honest one and is what the target is checked against.)")
        add("")
        five = s["2"]["sizes"].get(5_000_000)
        if five:
            r = five["runs"]
            k = med([x.wall for x in r["cmark --to html"]])
            rss = med([x.rss_kb for x in r[names[2]]])
            above = (rss - base) * 1024 / five["bytes"]
            add("Phases at 5 MB (medians, in-process clock; load = read, UTF-8 check, cmark "
                "parse, cell tags; run = every cell on its own event loop; render = the "
                "formats written; write = atomic writes with fsync):")
            add("")
            add("| command | load | run | render | write |")
            add("|---|---|---|---|---|")
            for name in names:
                phases = [x.json_line() or {} for x in r[name]]
                add(f"| `{name}` | " + " | ".join(
                    fmt_time(med([ph.get(p, float("nan")) for ph in phases]))
                    for p in ["load", "run", "render", "write"]) + " |")
            add("")
            kb = med([x.rss_kb for x in r["cmark --to html"]])
            add("| target (5 MB book) | measured | target | |")
            add("|---|---|---|---|")
            for name, bound in zip(names, [1.5, 1.2, 1.2]):
                c = med([x.wall for x in r[name]])
                add(f"| time / cmark's, `{name}` | {ratio(c, k):.2f}× | ≤ {bound}× | "
                    f"{verdict(ratio(c, k) <= bound)} |")
            peak = med([x.rss_kb for x in r[names[0]]])
            add(f"| peak memory / cmark's, `carnet render` (parent process) | "
                f"{ratio(peak, kb):.2f}× | ≤ 1.2× | {verdict(ratio(peak, kb) <= 1.2)} |")
            add(f"| peak memory / cmark's, in process | {ratio(rss, kb):.2f}× | ≤ 1.2× | "
                f"{verdict(ratio(rss, kb) <= 1.2)} |")
            add(f"| peak memory above baseline / file size (in process) | {above:.1f}× | | |")
            add(f"| for scale: cmark's own peak / file size | {kb * 1024 / five['bytes']:.1f}× | "
                "| |")
            add("")
        sizes = list(s["2"]["sizes"].items())
        if len(sizes) >= 2:
            (s0, v0), (s1, v1) = sizes[0], sizes[-1]
            t0 = med([x.wall for x in v0["runs"]["carnet render --format md --in-process"]])
            t1 = med([x.wall for x in v1["runs"]["carnet render --format md --in-process"]])
            w0 = med([x.wall for x in v0["runs"]["carnet render"]])
            w1 = med([x.wall for x in v1["runs"]["carnet render"]])
            add(f"Growth: {v1['bytes'] / v0['bytes']:.0f}× the bytes took "
                f"{t1 / t0:.0f}× the time with `--format md --in-process` ({fmt_time(t0)} → "
                f"{fmt_time(t1)}) and {w1 / w0:.0f}× with `carnet render` ({fmt_time(w0)} → "
                f"{fmt_time(w1)}); the µs/KB "
                "column "
                "is flat where the cost is linear (small sizes carry the process start-up). "
                "The 50 MB point ran 3 rounds, the others 7.")
            add("")
        if s["2"].get("spec"):
            v = s["2"]["spec"]
            r = v["runs"]
            k = med([x.wall for x in r["cmark --to html"]])
            kb = med([x.rss_kb for x in r["cmark --to html"]])
            add(f"A 5 MB lesson without cells ({v['bytes'] / 1e6:.2f} MB: 25 copies of "
                "`../shared/corpus/commonmark-spec-0.30.txt`), rendered by `carnet-bench render`:")
            add("")
            add("| command | time | peak memory | load | render | write | time / cmark's | "
                "target | memory / cmark's | target |")
            add("|---|---|---|---|---|---|---|---|---|---|")
            for name, bound in [("carnet render", 1.5), ("carnet render --format md", 1.2),
                                ("cmark --to html", None)]:
                c = med([x.wall for x in r[name]])
                m = med([x.rss_kb for x in r[name]])
                phases = [x.json_line() or {} for x in r[name]]
                cells = " | ".join(
                    fmt_time(med([ph.get(p, float("nan")) for ph in phases]))
                    if bound else "" for p in ["load", "render", "write"])
                targets = (f"{ratio(c, k):.2f}× | ≤ {bound}× {verdict(ratio(c, k) <= bound)} | "
                           f"{ratio(m, kb):.2f}× | ≤ 1.2× {verdict(ratio(m, kb) <= 1.2)}"
                           if bound else " | | | ")
                add(f"| `{name}` | {fmt_runs(r[name])} | {fmt_mib(m)} | {cells} | {targets} |")
            add("")
        if s["2"].get("cross"):
            add("Cross-check with the real `carnet` binary (release build) on the 5 MB book with "
                "every cell naming the catalog's `hello` example:")
            add("")
            add("| command | time | peak memory |")
            add("|---|---|---|")
            for k, runs in s["2"]["cross"].items():
                add(f"| {k} | {fmt_runs(runs)} | {fmt_rss(runs)} |")
            add("")

    # Scenario 3
    if "3" in s:
        add("## 3. Many tasks")
        add("")
        add("A cell starts N tasks in a task group, each sleeping a pseudo-random simulated "
            "duration in 0…10 s (the same 64-bit LCG in Swift and Python). Python: trio with "
            "`MockClock(autojump_threshold=0)` (virtual time, like Carnet), asyncio `gather` of "
            "`sleep(0)`. Carnet variants (`carnet-bench tasks N`): *as render runs it* = in a "
            "worker process through the main package's `ProcessCellRunner`, recording the task "
            "timeline as `carnet render` does by default (it writes HTML too; the run, timeline "
            "included, comes back to the parent through the worker protocol); *in process* = the main package's `CellRunner` in the process itself; "
            "*no timeline* = the same without recording the timeline; *chunked groups* = the same tasks and durations in a group of "
            "groups of ∛(2N) children (a lesson-level design-around, see ANALYSIS.md); "
            "*prototype loop* = chunked groups on `Prototype/PrototypeLoop.swift`, the event "
            "loop changes proposed for the main package; *yield only* = N children that only "
            "`Task.yield()` (the Swift runtime's own floor for N tasks).")
        add("")
        zero = s["3"]["zero"]
        for n, res in s["3"]["runs"].items():
            add(f"### N = {n:,}")
            add("")
            add("| program | time | peak memory | memory per task | simulated |")
            add("|---|---|---|---|---|")
            for k, runs in res.items():
                rss = med([x.rss_kb for x in runs])
                z = zero["python"] if k in ("trio", "asyncio") else zero["carnet"]
                sim = (runs[0].json_line() or {}).get("simulated", "?")
                ok = all(x.rc == 0 for x in runs)
                per_task = f"{(rss - z) * 1024 / n:,.0f} B"
                if "as render" in k:
                    per_task = "(parent process only; the cell ran in the worker)"
                add(f"| {k} | {fmt_runs(runs)}{'' if ok else ' (failed or capped)'} | "
                    f"{fmt_mib(rss)} | {per_task} | {sim} s |")
            add("")
        flat = s["3"]["flat"]
        add("The scenario's own code (one flat task group) beyond 10,000 tasks, one run each "
            f"(capped at {s['3']['cap']} s), as `carnet render` runs it:")
        add("")
        add("| N | time | peak memory |")
        add("|---|---|---|")
        ten = s["3"]["runs"].get(10_000, {}).get("carnet (as render runs it)")
        if ten:
            add(f"| 10,000 | {fmt_runs(ten)} | {fmt_rss(ten)} |")
        for n, runs in flat.items():
            capped = runs[0].rc != 0
            add(f"| {n:,} | {fmt_runs(runs)}{' (killed at the cap)' if capped else ''} | "
                f"{fmt_rss(runs)} |")
        add("| 1,000,000 | not run: quadratic, extrapolated to hours | |")
        add("")
        add("| target | measured | target | |")
        add("|---|---|---|---|")
        r100 = s["3"]["runs"].get(100_000)
        if r100:
            trio = med([x.wall for x in r100["trio"]])
            aio = med([x.wall for x in r100["asyncio"]])
            flat100 = flat.get(100_000)
            if flat100:
                f = flat100[0].wall
                add(f"| 100,000 tasks, flat group as render runs it: trio / carnet | "
                    f"{ratio(trio, f):.2g}× | ≥ 50× | {verdict(ratio(trio, f) >= 50)} |")
                add(f"| 100,000 tasks, flat group as render runs it: asyncio / carnet | "
                    f"{ratio(aio, f):.2g}× | ≥ 10× | {verdict(ratio(aio, f) >= 10)} |")
            for k in ["carnet, chunked groups, no timeline", "prototype loop, chunked groups",
                      "carnet, yield only, no timeline"]:
                v = med([x.wall for x in r100[k]])
                add(f"| 100,000 tasks, {k}: trio / carnet | {ratio(trio, v):.2g}× | ≥ 50× | "
                    f"{verdict(ratio(trio, v) >= 50)} |")
                add(f"| 100,000 tasks, {k}: asyncio / carnet | {ratio(aio, v):.2g}× | ≥ 10× | "
                    f"{verdict(ratio(aio, v) >= 10)} |")
        add("")
        add("Growth with N (median time per task):")
        add("")
        names = list(next(iter(s["3"]["runs"].values())).keys())
        add("| program | " + " | ".join(f"N = {n:,}" for n in s["3"]["runs"]) + " |")
        add("|---|" + "---|" * len(s["3"]["runs"]))
        for k in names:
            cells = []
            for n, res in s["3"]["runs"].items():
                if k in res:
                    cells.append(f"{med([x.wall for x in res[k]]) * 1e6 / n:.1f} µs")
                else:
                    cells.append("")
            add(f"| {k} | " + " | ".join(cells) + " |")
        add("")

    if "profile" in d:
        add("### Profile (valgrind callgrind, instructions)")
        add("")
        add("`valgrind --tool=callgrind carnet-bench tasks N` (release build): instruction "
            "counts are repeatable whatever the load. Self cost of the top functions:")
        add("")
        add("| run | total Ir | Ir per task | TaskGroup::removeChildTask (self) |")
        add("|---|---|---|---|")
        for name, p in d["profile"].items():
            add(f"| {name} | {p['total']:,} | {p['total'] / p['n']:,.0f} | "
                f"{p['removeChildTask']:,} ({100 * p['removeChildTask'] / p['total']:.1f}%) |")
        add("")
        with_t = [p for p in d["profile"].values()
                  if p["label"].startswith("flat group, as") and p["n"] == 20_000]
        without = [p for p in d["profile"].values()
                   if p["label"] == "flat group, no timeline" and p["n"] == 20_000]
        if with_t and without:
            delta = with_t[0]["total"] - without[0]["total"]
            add(f"Recording the task timeline (20,000 tasks, flat group): {delta:,} Ir, "
                f"{delta / 20_000:,.0f} per task, {100 * delta / with_t[0]['total']:.0f}% of the "
                "run.")
            add("")
        keys = [k for k in d["profile"] if d["profile"][k]["label"].startswith("flat group, as")]
        if len(keys) == 2:
            a, b = d["profile"][keys[0]], d["profile"][keys[1]]
            add(f"From {a['n']:,} to {b['n']:,} tasks: total ×{b['total'] / a['total']:.2f}, "
                f"removeChildTask ×{b['removeChildTask'] / max(1, a['removeChildTask']):.2f} "
                "(×4 is quadratic), the rest "
                f"×{(b['total'] - b['removeChildTask']) / (a['total'] - a['removeChildTask']):.2f}"
                " (×2 is linear).")
            add("")
        for name, p in d["profile"].items():
            add(f"<details><summary>{name}: top functions and libraries</summary>")
            add("")
            add("| Ir (self) | share | function | library |")
            add("|---|---|---|---|")
            for count, fn, lib in p["top"]:
                fn = fn.replace("|", "\\|")
                add(f"| {count:,} | {100 * count / p['total']:.1f}% | `{fn}` | {lib} |")
            add("")
            add("| library | share |")
            add("|---|---|")
            for lib, count in sorted(p["by_lib"].items(), key=lambda x: -x[1])[:6]:
                add(f"| {lib} | {100 * count / p['total']:.1f}% |")
            add("")
            add("</details>")
            add("")

    # Scenario 4
    if "4" in s:
        add("## 4. Start-up and the author's loop")
        add("")
        add(f"`carnet list {s['4']['lesson']}` and `carnet check {s['4']['lesson']}` (release "
            "build; check runs every cell and compares with the output rendered in scenario 1), "
            "against the start-up of other tools, 12 interleaved rounds:")
        add("")
        add("| command | time | peak memory | exit |")
        add("|---|---|---|---|")
        for k, runs in s["4"]["runs"].items():
            add(f"| {k} | {fmt_runs(runs)} | {fmt_rss(runs)} | {runs[0].rc} |")
        add("")
        if s["4"].get("hyperfine"):
            add("hyperfine (consecutive runs, no shell), same commands:")
            add("")
            add("| command | mean ± σ | min–max |")
            add("|---|---|---|")
            for h in s["4"]["hyperfine"]:
                cmd = h["command"].replace(d.get("carnet_path", "\0"), "carnet")
                add(f"| `{cmd}` | {fmt_time(h['mean'])} ± {fmt_time(h['stddev'])} | "
                    f"{fmt_time(h['min'])}–{fmt_time(h['max'])} |")
            add("")
        if s["4"].get("builds"):
            add("Builds of a fresh copy of the main package's sources (debug, as an author "
                "builds; dependencies from the local package mirror), one run each:")
            add("")
            add("| command | time | peak memory (swift build/test driver) | exit |")
            add("|---|---|---|---|")
            for k, run in s["4"]["builds"].items():
                add(f"| `{k}` | {fmt_time(run.wall)} | {fmt_mib(run.rss_kb)} | {run.rc} |")
            add("")
            for k, run in s["4"]["builds"].items():
                if run.rc != 0:
                    text = (run.out + run.err).strip().splitlines()
                    failed = [t for t in text if "error" in t.lower() or "failed" in t.lower()]
                    add(f"`{k}` exited with {run.rc}; its failing lines (first 12):")
                    add("")
                    add("```text")
                    add("\n".join(t[:200] for t in (failed or text)[:12]))
                    add("```")
                    add("")
    return "\n".join(L) + "\n"


def main():
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--main", required=True, help="the snapshot of the main package to measure")
    p.add_argument("--repo", required=True, help="the main package's repository (for git)")
    p.add_argument("--measured", default="?", help="what is measured (commit)")
    p.add_argument("--shared", required=True)
    p.add_argument("--carnet", required=True, help="release carnet binary")
    p.add_argument("--bench", required=True, help="release carnet-bench binary")
    p.add_argument("--venv", required=True)
    p.add_argument("--work", required=True, help="scratch folder")
    p.add_argument("--out", required=True, help="RESULTS.md to write")
    p.add_argument("--quick", action="store_true", help="fewer runs and sizes (a smoke test)")
    p.add_argument("--skip-builds", action="store_true")
    p.add_argument("--only", default="1,2,3,p,4", help="scenarios to run (1,2,3,p,4)")
    p.add_argument("--report-only", action="store_true",
                   help="rewrite RESULTS.md from the last run's data (.results/results.pickle)")
    a = p.parse_args()
    if a.report_only:
        with open(os.path.join(a.work, "results.pickle"), "rb") as f:
            data = pickle.load(f)
        with open(a.out, "w") as f:
            f.write(report(data))
        return 0
    b = Bench(a)
    b.data["machine"] = b.machine()
    b.data["carnet_path"] = a.carnet
    only = a.only.split(",")
    for key, step in [("1", b.scenario1), ("2", b.scenario2), ("3", b.scenario3),
                      ("p", b.profile), ("4", b.scenario4)]:
        if key in only:
            step()
    b.write(a.out)


if __name__ == "__main__":
    sys.exit(main())
