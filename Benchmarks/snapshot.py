#!/usr/bin/env python3
"""Copies the main package into a snapshot folder that the benchmarks build and run, so that a
run measures one consistent state of the sources while people keep editing the work tree.

    snapshot.py REPO DEST             # the committed HEAD (git archive), plus Benchmarks/ as is
    snapshot.py REPO DEST --worktree  # the work tree as it is now

Only files whose bytes changed are rewritten (so builds in DEST stay incremental), and files
that are gone are removed; build folders in DEST are kept. Prints the commit measured.
"""

import io
import os
import subprocess
import sys
import tarfile

SKIP_DIRS = {".git", ".venv", ".results", ".swiftpm"}


def skipped(rel):
    parts = rel.split("/")
    return any(p in SKIP_DIRS or p.startswith(".build") for p in parts)


def walk(root):
    files = {}
    for folder, dirs, names in os.walk(root):
        rel_folder = os.path.relpath(folder, root)
        dirs[:] = [d for d in dirs if not skipped(os.path.normpath(os.path.join(rel_folder, d)))]
        for name in names:
            rel = os.path.normpath(os.path.join(rel_folder, name))
            if skipped(rel):
                continue
            path = os.path.join(folder, name)
            if os.path.islink(path) or not os.path.isfile(path):
                continue
            with open(path, "rb") as f:
                files[rel] = (f.read(), os.stat(path).st_mode & 0o777)
    return files


def head(repo):
    data = subprocess.run(["git", "-C", repo, "archive", "--format=tar", "HEAD"],
                          capture_output=True, check=True).stdout
    files = {}
    with tarfile.open(fileobj=io.BytesIO(data)) as tar:
        for member in tar.getmembers():
            if member.isfile() and not skipped(member.name):
                files[os.path.normpath(member.name)] = (tar.extractfile(member).read(),
                                                        member.mode & 0o777)
    return files


def sync(files, dest):
    os.makedirs(dest, exist_ok=True)
    for rel, (data, mode) in files.items():
        path = os.path.join(dest, rel)
        try:
            with open(path, "rb") as f:
                same = f.read() == data
        except OSError:
            same = False
        if not same:
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "wb") as f:
                f.write(data)
        if os.stat(path).st_mode & 0o777 != mode:
            os.chmod(path, mode)
    for rel in walk(dest):
        if rel not in files:
            os.remove(os.path.join(dest, rel))


def main():
    repo, dest = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    worktree = "--worktree" in sys.argv[3:]
    if worktree:
        files = walk(repo)
    else:
        files = {k: v for k, v in head(repo).items() if not k.startswith("Benchmarks/")}
        bench = walk(os.path.join(repo, "Benchmarks"))
        files.update({"Benchmarks/" + k: v for k, v in bench.items()})
    sync(files, dest)
    commit = subprocess.run(["git", "-C", repo, "rev-parse", "--short", "HEAD"],
                            capture_output=True, text=True).stdout.strip()
    print(f"{commit}{' + work tree' if worktree else ''}")


if __name__ == "__main__":
    main()
