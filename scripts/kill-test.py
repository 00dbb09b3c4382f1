#!/usr/bin/env python3
"""Interrupted writes: SIGKILL a large `handout build`, and then a large batch
(`handout packet --clients`), at several moments and check that the output folder never
holds half a file.

It makes a project of the bundled library copied COPIES times (default 8), builds it once
(the "old" site), changes every template, builds the new version into a reference folder,
then starts the real build over the old site again and again, killing it:
  - while it loads and checks (before any write),
  - as soon as the first file changes or a temporary file appears,
  - when a quarter, and then half, of the files left to write are written.
After each kill, every file in the output folder must be byte for byte its old or its new
version, no file may be missing, and no temporary file may have a name a reader would open
(a temporary must be hidden: its name starts with a dot). Then one more build must succeed,
leave the folder equal to the reference, and leave no temporary file at all. The batch
(one packet per client, BATCH_ROWS clients, in OUT/<id>/) goes through the same kills and
checks.

Usage: python3 scripts/kill-test.py [COPIES]
Environment: HANDOUT (the binary, default .build/debug/handout, built when missing).
Prints one line per check and `N passed, N failed`; exit status 1 on any failure.
"""
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time

from repository import ROOT, handout_binary
TODAY = "2026-12-01"



def make_project(folder, copies):
    """The bundled library plus `copies` renamed copies of every template."""
    shutil.copy(os.path.join(ROOT, "Resources/directory.json"), folder)
    with open(os.path.join(folder, "handout.yml"), "w") as f:
        f.write("title: Kill test\nlanguages: [en, es]\ndirectory: directory.json\ntemplates: Templates\n")
    for language in ["en", "es"]:
        source = os.path.join(ROOT, "Templates", language)
        target = os.path.join(folder, "Templates", language)
        os.makedirs(target)
        for name in sorted(os.listdir(source)):
            if not name.endswith(".md"):
                continue
            shutil.copy(os.path.join(source, name), target)
            for copy in range(copies):
                shutil.copy(os.path.join(source, name), os.path.join(target, f"{name[:-3]}-copy-{copy}.md"))


def change_every_template(folder):
    for directory, _, files in os.walk(os.path.join(folder, "Templates")):
        for name in files:
            with open(os.path.join(directory, name), "a") as f:
                f.write("\nCall us today.\n")


def snapshot(folder):
    """Every file under `folder` by relative path, with its bytes; a manifest without its
    "stamps" (each output file's size, time and inode as written, which differ from one
    folder to another), so the old and new manifests can be recognised. A manifest cut
    short is not JSON and keeps its bytes, so it still shows as partial."""
    files = {}
    for directory, _, names in os.walk(folder):
        for name in names:
            path = os.path.join(directory, name)
            with open(path, "rb") as f:
                data = f.read()
            if name == ".handout-manifest.json":
                try:
                    manifest = json.loads(data)
                    manifest.pop("stamps", None)
                    data = json.dumps(manifest, sort_keys=True).encode()
                except ValueError:
                    pass
            files[os.path.relpath(path, folder)] = data
    return files


def is_manifest(data):
    """Whether `data` is a whole manifest: JSON written by handout, listing files."""
    try:
        manifest = json.loads(data)
    except ValueError:
        return False
    return isinstance(manifest, dict) and manifest.get("generator") == "handout" and isinstance(manifest.get("files"), dict)


BATCH_ROWS = 60
NEEDS = ["housing", "benefits", "medical-debt", "housing;benefits"]


def write_clients(folder):
    """A caseload of BATCH_ROWS clients in both languages; returns the CSV's path."""
    path = os.path.join(folder, "clients.csv")
    with open(path, "w") as f:
        f.write("id,name,language,zip,needs\n")
        for row in range(BATCH_ROWS):
            f.write(f"client-{row},Client {row},{'es' if row % 2 else 'en'},60623,{NEEDS[row % len(NEEDS)]}\n")
    return path


def build_command(handout, project, out):
    return [handout, "build", project, "--out", out, "--today", TODAY]


def batch_command(handout, project, out):
    return [handout, "packet", "--project", project, "--clients", os.path.join(project, "clients.csv"),
            "--out", out, "--today", TODAY]


def run(command):
    return subprocess.run(command, capture_output=True, text=True)


def count_changed(out, since):
    """Files modified since `since`, and whether a temporary file is there now."""
    changed, temporary = 0, False
    for directory, _, names in os.walk(out):
        for name in names:
            if name.endswith(".tmp"):
                temporary = True
            try:
                if os.stat(os.path.join(directory, name)).st_mtime >= since:
                    changed += 1
            except FileNotFoundError:
                pass  # renamed while we looked
    return changed, temporary


def kill_when(command, out, moment, remaining):
    """Starts `command` and SIGKILLs it at `moment`; returns whether it had finished."""
    start = time.time() - 0.01
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    while process.poll() is None:
        changed, temporary = count_changed(out, start)
        if moment == "checking" and time.time() - start > 0.2:
            break
        if moment == "first write" and (changed or temporary):
            break
        if moment == "a quarter" and changed >= remaining / 4:
            break
        if moment == "half" and changed >= remaining / 2:
            break
        time.sleep(0.002)
    finished = process.poll() is not None
    process.send_signal(signal.SIGKILL)
    process.wait()
    return finished


def kill_and_check(name, command, old, new, out, report):
    """The kills and checks for one kind of run (`name`): `command(out)` writes `out`,
    which holds the `old` files; a clean run wrote `new`."""
    changing = sum(1 for path in new if old.get(path) != new[path])
    for moment in ["checking", "first write", "a quarter", "half", "first write"]:
        remaining = sum(1 for path, data in snapshot(out).items() if path in new and new[path] != data)
        finished = kill_when(command(out), out, moment, remaining)
        now = snapshot(out)
        whole = [n for n in now if n in new or n in old]
        # The manifest is written ahead of the files (what this run is about to write, so a
        # killed run still knows what it wrote), so in between it is neither the old one
        # nor the new one: it must be whole JSON written by handout.
        partial = [n for n in whole if now[n] != new.get(n) and now[n] != old.get(n)
                   and not (os.path.basename(n) == ".handout-manifest.json" and is_manifest(now[n]))]
        missing = [n for n in old if n not in now]
        strays = [n for n in now if n not in new and n not in old]
        visible = [n for n in strays if not os.path.basename(n).startswith(".")]
        rewritten = sum(1 for n in whole if now[n] == new.get(n) and new.get(n) != old.get(n))
        what = f"{name} killed at {moment}{' (too late: it had finished)' if finished else ''}: " \
               f"{rewritten} of {changing} files new, the rest old, {len(strays)} hidden temporary files"
        report(not partial and not missing and not visible,
               what + "".join(f"; {label}: {names[:3]}" for label, names in
                              [("partial", partial), ("missing", missing), ("visible temporary", visible)] if names))

    result = run(command(out))
    now = snapshot(out)
    wrong = [n for n in new if now.get(n) != new[n]]
    strays = [n for n in now if n not in new and n not in old]
    report(result.returncode == 0 and not wrong, f"the next {name} completes: {(result.stdout.strip().splitlines() or [''])[-1]}"
           + (f"; differs from a clean run: {wrong[:3]}" if wrong else "")
           + (f"; exit {result.returncode}: {result.stderr.strip()[:300]}" if result.returncode else ""))
    report(not strays, f"no temporary file is left after the {name}" + (f": {strays[:3]}" if strays else ""))


def main(arguments):
    copies = int(arguments[0]) if arguments else 8
    handout = handout_binary()
    passed = failed = 0

    def report(ok, message):
        nonlocal passed, failed
        passed, failed = passed + ok, failed + (not ok)
        print(("ok   " if ok else "FAIL ") + message)

    work = tempfile.mkdtemp(prefix="handout-kill-")
    try:
        project = os.path.join(work, "project")
        os.makedirs(project)
        make_project(project, copies)
        write_clients(project)
        kinds = [("build", lambda out: build_command(handout, project, out)),
                 ("batch", lambda out: batch_command(handout, project, out))]
        # Each kind's old output, then every template changes, then its new output.
        old = {}
        for name, command in kinds:
            result = run(command(os.path.join(work, name, "out")))
            if result.returncode != 0:
                sys.exit(f"kill-test: the first {name} failed:\n{result.stderr}")
            old[name] = snapshot(os.path.join(work, name, "out"))
        change_every_template(project)
        for name, command in kinds:
            started = time.time()
            result = run(command(os.path.join(work, name, "reference")))
            if result.returncode != 0:
                sys.exit(f"kill-test: the reference {name} failed:\n{result.stderr}")
            new = snapshot(os.path.join(work, name, "reference"))
            changing = sum(1 for path in new if old[name].get(path) != new[path])
            print(f"{name}: {len(new)} files, {changing} to rewrite; a whole {name} takes {time.time() - started:.1f} s")
            kill_and_check(name, command, old[name], new, os.path.join(work, name, "out"), report)
    finally:
        if failed == 0:
            shutil.rmtree(work, ignore_errors=True)
        else:
            print(f"left for a look: {work}")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
