#!/usr/bin/env python3
"""Speed and memory of handout on a synthetic project, side by side with Hugo and cmark.

    scripts/benchmark.sh [--quick] [--rows N] [--templates N] [--scaling N,N,...]
                         [--callgrind] [--keep]

Builds handout and markdown-bench in release mode with the Swift runtime linked in (as
scripts/release.sh ships them), writes the synthetic project
(scripts/benchmark-project.py) into .build-bench/, runs each job as a child process and
prints Markdown tables: wall and CPU seconds (user + system, from the child's resource
usage), items per second and peak resident memory, then the ratios to Hugo and cmark and
each target of issue 13 with pass or miss. It asserts nothing and is not part of the tests.
"""
import argparse
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import time

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
TODAY = "2026-11-29"


class Run:
    def __init__(self, wall, user, system, peak_kb, status):
        self.wall, self.cpu, self.peak_mb, self.status = wall, user + system, peak_kb / 1024, status


def run(command, work, allowed=(0,), cwd=None, env=None):
    """Runs COMMAND as a child; its own wall time, CPU time and peak memory (wait4)."""
    with open(os.path.join(work, "stdout"), "wb") as out, open(os.path.join(work, "stderr"), "wb") as err:
        start = time.perf_counter()
        child = subprocess.Popen(command, stdout=out, stderr=err, cwd=cwd or ROOT, env=env)
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode not in allowed:
        with open(os.path.join(work, "stderr"), errors="replace") as err:
            tail = err.read()[-3000:]
        sys.exit("benchmark: %s exited with %d\n%s" % (" ".join(command[:3]), child.returncode, tail))
    return Run(wall, usage.ru_utime, usage.ru_stime, usage.ru_maxrss, child.returncode)


def median_run(runs):
    return Run(statistics.median(r.wall for r in runs), statistics.median(r.cpu for r in runs), 0,
               max(r.peak_mb for r in runs) * 1024, runs[-1].status)


def output(command):
    try:
        return subprocess.run(command, capture_output=True, text=True, cwd=ROOT).stdout.strip()
    except OSError:
        return ""


def machine():
    model = "unknown"
    memory = "unknown"
    with open("/proc/cpuinfo") as info:
        for line in info:
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    with open("/proc/meminfo") as info:
        for line in info:
            if line.startswith("MemTotal"):
                memory = "%.1f GB" % (int(line.split()[1]) / 1024 / 1024)
    system = platform.platform()
    if os.path.exists("/etc/os-release"):
        with open("/etc/os-release") as release:
            names = dict(line.rstrip("\n").split("=", 1) for line in release if "=" in line)
            system = names.get("PRETTY_NAME", system).strip('"')
    commit = output(["git", "rev-parse", "--short", "HEAD"])
    if output(["git", "status", "--porcelain", "--untracked-files=no"]):
        commit += " (with uncommitted changes)"
    swift = output(["swift", "--version"]).splitlines()
    load = open("/proc/loadavg").read().split()[:3]
    return [
        ("commit", commit),
        ("date", time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())),
        ("machine", "%d cores (nproc), %s, %s memory" % (os.cpu_count(), model, memory)),
        ("system", "%s, %s" % (system, swift[0] if swift else "swift unknown")),
        ("load average at start", " ".join(load)),
        ("references", "%s; %s" % (output(["hugo", "version"]).split(" BuildDate")[0] or "hugo missing",
                                    (output(["cmark", "--version"]).splitlines() or ["cmark missing"])[0])),
    ]


def ensure_tools():
    missing = [tool for tool in ("hugo", "cmark") if shutil.which(tool) is None]
    if not missing:
        return
    if os.geteuid() == 0 and shutil.which("apt-get"):
        print("installing %s (apt-get)" % " ".join(missing), file=sys.stderr)
        subprocess.run(["apt-get", "update", "-qq"], check=True)
        subprocess.run(["apt-get", "install", "-y", "-qq"] + missing, check=True, stdout=subprocess.DEVNULL)
    else:
        sys.exit("benchmark: needs %s: apt-get install -y %s" % (" and ".join(missing), " ".join(missing)))


def table(header, rows):
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" if i == 0 else "---:" for i in range(len(header))) + "|"]
    lines += ["| " + " | ".join(str(cell) for cell in row) + " |" for row in rows]
    return "\n".join(lines)


def seconds(value):
    return "%.3f" % value if value < 1 else "%.2f" % value


def count_files(folder, suffix):
    return sum(1 for _, _, files in os.walk(folder) for name in files if name.endswith(suffix))


def main():
    parser = argparse.ArgumentParser(description="handout's benchmark (issue 13)")
    parser.add_argument("--quick", action="store_true",
                        help="a shorter run: 200 templates, 1,000 rows, scaling 500, 1,000 and 2,000")
    parser.add_argument("--rows", type=int, help="rows of the measured batch (default 10,000)")
    parser.add_argument("--templates", type=int, help="templates of the site (default 1,000)")
    parser.add_argument("--scaling", help="batch sizes for the scaling table (default 1000,10000,100000)")
    parser.add_argument("--renders", type=int, default=7, help="runs of the single render (the median is shown)")
    parser.add_argument("--callgrind", action="store_true", help="also count instructions with valgrind")
    parser.add_argument("--bin-path", help="take handout and markdown-bench from this folder instead of building them "
                        "(to hold two builds against each other; the commit shown is then the checkout's)")
    parser.add_argument("--keep", action="store_true", help="keep .build-bench/ (the project and every output)")
    args = parser.parse_args()
    rows = args.rows or (1000 if args.quick else 10000)
    templates = args.templates or (200 if args.quick else 1000)
    scaling = [int(n) for n in (args.scaling or ("500,1000,2000" if args.quick else "1000,10000,100000")).split(",")]

    ensure_tools()
    if args.bin_path:
        binaries = os.path.abspath(args.bin_path)
    else:
        # As scripts/release.sh ships it: release, the Swift runtime linked in (which also
        # spares every run the dynamic loading of Foundation). Its own folder, so switching
        # between this and a plain release build does not rebuild either.
        print("building handout and markdown-bench (release, static Swift runtime) ...", file=sys.stderr)
        build = ["swift", "build", "-c", "release", "--static-swift-stdlib", "--scratch-path", os.path.join(ROOT, ".build-static")]
        for product in ("handout", "markdown-bench"):
            subprocess.run(build + ["--product", product], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
        binaries = output(build + ["--show-bin-path"])
    handout = os.path.join(binaries, "handout")
    markdown_bench = os.path.join(binaries, "markdown-bench")

    bench = os.path.join(ROOT, ".build-bench")
    shutil.rmtree(bench, ignore_errors=True)
    work = os.path.join(bench, "work")
    os.makedirs(work)
    print("writing the synthetic project ...", file=sys.stderr)
    sizes = sorted(set([rows] + scaling))
    subprocess.run([sys.executable, os.path.join(ROOT, "scripts/benchmark-project.py"), bench,
                    "--templates", str(templates), "--packet-pages", str(rows)]
                   + [arg for n in sizes for arg in ("--clients", str(n))], check=True)
    project = os.path.join(bench, "project")
    info = machine()
    if args.bin_path:
        info.append(("binaries", binaries))

    results = []      # (label, items, Run)
    figures = {}

    def measure(key, label, items, command, allowed=(0,)):
        print("  " + label + " ...", file=sys.stderr)
        result = run(command, work, allowed)
        results.append((label, items, result))
        figures[key] = result
        return result

    print("measuring ...", file=sys.stderr)
    # A caseload: one packet (HTML, text and SMS) per row.
    packets_out = os.path.join(bench, "packets")
    measure("batch", "batch: %s client packets (HTML + text)" % format(rows, ","), rows,
            [handout, "packet", "--project", project, "--clients", os.path.join(bench, "clients-%d.csv" % rows),
             "--out", packets_out, "--today", TODAY])
    shutil.rmtree(packets_out, ignore_errors=True)

    # The site: a first build, a rebuild with nothing changed, and one after a phone number changed.
    site = os.path.join(bench, "site")
    build = [handout, "build", project, "--out", site, "--today", TODAY, "--quiet"]
    measure("site", "site build: %s templates" % format(templates, ","), 0, build)
    pages = count_files(site, ".html")
    label, _, result = results[-1]
    results[-1] = ("%s, %s pages" % (label, format(pages, ",")), pages, result)
    measure("rebuild", "site rebuild, nothing changed", pages, build)
    directory = os.path.join(project, "directory.json")
    with open(directory, encoding="utf-8") as source:
        text = source.read()
    changed = re.sub(r'"\+1 312 555 01(\d\d)"', lambda m: '"+1 312 555 01%02d"' % ((int(m.group(1)) + 1) % 100), text, count=1)
    with open(directory, "w", encoding="utf-8") as target:
        target.write(changed)
    measure("phone", "site rebuild, one partner's phone changed", pages, build)

    # Check: exit 1 means it found problems at the failing level, which is a finished run.
    measure("check", "check: %s templates" % format(templates, ","), templates,
            [handout, "check", project, "--today", TODAY], allowed=(0, 1))

    # One render, process start to exit: the median of several runs.
    def render(label, key, zip_code, extra):
        one = os.path.join(bench, "one")
        runs = [run([handout, "render", "housing-eviction", "--zip", zip_code, "--lang", "es", "--client-name", "Ana",
                     "--out", one, "--today", TODAY] + extra, work) for _ in range(args.renders)]
        result = median_run(runs)
        results.append((label, 1, result))
        figures[key] = result
    print("  single renders ...", file=sys.stderr)
    render("render one handout, bundled project (median of %d)" % args.renders, "render", "60623", [])
    # A ZIP code where the synthetic directory has partners: the first partner's own.
    first_zip = json.loads(changed)["partners"][0]["address"]["zip"]
    render("render one handout, 1,000-partner project (median of %d)" % args.renders, "render-large", first_zip,
           ["--project", project])

    # The references: Hugo on the same pages, cmark and handout's Markdown stage on the same Markdown.
    print("  Hugo and cmark ...", file=sys.stderr)
    hugo_out = os.path.join(bench, "hugo-public")
    hugo_site = measure("hugo-site", "Hugo: the site's %s pages" % format(pages, ","), pages,
                        ["hugo", "--source", os.path.join(bench, "hugo"), "--destination", hugo_out, "--quiet"])
    shutil.rmtree(hugo_out)
    hugo_pages = count_files(os.path.join(bench, "hugo-packets", "content"), ".md")
    measure("hugo-packets", "Hugo: %s packet pages" % format(hugo_pages, ","), hugo_pages,
            ["hugo", "--source", os.path.join(bench, "hugo-packets"), "--destination", hugo_out, "--quiet"])
    shutil.rmtree(hugo_out)
    markdown_files = sorted(os.path.join(dirpath, name) for dirpath, _, names in os.walk(os.path.join(bench, "markdown"))
                            for name in names)
    megabytes = sum(os.path.getsize(path) for path in markdown_files) / 1e6
    for key, label, command in [
        ("cmark", "cmark: %.1f MB of Markdown to HTML (median of 3)" % megabytes, ["cmark"] + markdown_files),
        ("markdown", "handout's Markdown stage: HTML + text (median of 3)", [markdown_bench] + markdown_files),
        ("markdown-html", "handout's Markdown stage: HTML only (median of 3)", [markdown_bench, "--html-only"] + markdown_files),
    ]:
        result = median_run([run(command, work) for _ in range(3)])
        results.append((label, len(markdown_files), result))
        figures[key] = result

    # Scaling: the same batch at growing sizes.
    scaled = []
    for size in scaling:
        print("  batch of %s rows ..." % format(size, ","), file=sys.stderr)
        out = os.path.join(bench, "scaled")
        result = run([handout, "packet", "--project", project, "--clients", os.path.join(bench, "clients-%d.csv" % size),
                      "--out", out, "--today", TODAY], work)
        shutil.rmtree(out, ignore_errors=True)
        scaled.append((size, result))

    # --- the report --------------------------------------------------------------------
    print()
    for name, value in info:
        print("- %s: %s" % (name, value))
    print()
    print(table(["measurement", "items", "wall s", "CPU s", "items/s", "peak MB"], [
        (label, format(items, ","), seconds(r.wall), seconds(r.cpu), format(round(items / r.wall), ","), "%.1f" % r.peak_mb)
        for label, items, r in results]))
    print()
    base_size, base = scaled[0]
    print(table(["batch rows", "wall s", "CPU s", "rows/s", "peak MB", "time ×", "rows ×", "memory ×"], [
        (format(size, ","), seconds(r.wall), seconds(r.cpu), format(round(size / r.wall), ","), "%.1f" % r.peak_mb,
         "%.1f" % (r.wall / base.wall), "%.0f" % (size / base_size), "%.2f" % (r.peak_mb / base.peak_mb))
        for size, r in scaled]))
    print()

    def verdict(ok):
        return "pass" if ok else "**miss**"
    f = figures
    targets = []
    # Wall time is the target; the CPU ratio beside it holds better on a busy machine.
    for key, reference, label in (("batch", "hugo-packets", "%s packets vs Hugo, as many pages" % format(rows, ",")),
                                  ("site", "hugo-site", "site build vs Hugo, the same pages")):
        ratio = f[key].wall / f[reference].wall
        targets.append(("%s (wall; CPU beside)" % label, "%.2f× (CPU %.2f×)" % (ratio, f[key].cpu / f[reference].cpu),
                        "≤ 0.25×", verdict(ratio <= 0.25)))
    ratio = f["markdown"].cpu / f["cmark"].cpu
    targets.append(("Markdown stage vs cmark (CPU), HTML + text", "%.2f×" % ratio, "≤ 4×", verdict(ratio <= 4)))
    ratio = f["markdown-html"].cpu / f["cmark"].cpu
    targets.append(("Markdown stage vs cmark (CPU), HTML only", "%.2f×" % ratio, "≤ 4×", verdict(ratio <= 4)))
    peak = max(r.peak_mb for _, r in scaled)
    targets.append(("peak memory of any batch", "%.1f MB" % peak, "< 100 MB", verdict(peak < 100)))
    if len(scaled) >= 2:
        # The figures are 10,000 -> 100,000 rows; smaller runs show their two largest sizes.
        (small, small_run), (large, large_run) = scaled[-2], scaled[-1]
        sizes = "%s → %s rows" % (format(small, ","), format(large, ","))
        growth = large_run.peak_mb / small_run.peak_mb - 1
        targets.append(("peak memory growth, " + sizes, "%+.0f%%" % (growth * 100), "< +20%", verdict(growth < 0.20)))
        linear = (large_run.cpu / large) / (small_run.cpu / small)
        targets.append(("CPU time per row, " + sizes, "%.2f×" % linear, "linear (≤ 1.2×)", verdict(linear <= 1.2)))
    ratio = f["rebuild"].wall / f["site"].wall
    targets.append(("rebuild with nothing changed vs full build (wall)", "%.1f%%" % (ratio * 100), "< 5%", verdict(ratio < 0.05)))
    targets.append(("check of %s templates (wall)" % format(templates, ","), "%s s" % seconds(f["check"].wall), "< 1 s", verdict(f["check"].wall < 1)))
    for key, label in (("render", "one render, bundled project"), ("render-large", "one render, 1,000-partner project")):
        ms = f[key].wall * 1000
        targets.append(("%s (wall, median)" % label, "%.0f ms" % ms, "< 30 ms", verdict(ms < 30)))
    print(table(["target (issue 13)", "measured", "target", "result"], targets))

    if args.callgrind:
        print()
        print(callgrind(handout, project, work))
    if not args.keep:
        shutil.rmtree(bench, ignore_errors=True)


def callgrind(handout, project, work):
    """Instructions counted by valgrind: steady on a shared machine, unlike seconds."""
    if shutil.which("valgrind") is None:
        return "(valgrind missing: apt-get install -y valgrind)"
    rows = []
    jobs = [
        ("render one handout, bundled project",
         [handout, "render", "housing-eviction", "--zip", "60623", "--lang", "es", "--out", os.path.join(work, "cg-one"), "--today", TODAY], (0,)),
        ("check the bundled library", [handout, "check", "--today", TODAY], (0, 1)),
    ]
    for label, command, allowed in jobs:
        out_file = os.path.join(work, "callgrind.out")
        run(["valgrind", "--tool=callgrind", "--callgrind-out-file=" + out_file] + command, work, allowed)
        total = 0
        with open(out_file) as data:
            for line in data:
                if line.startswith("summary:") or line.startswith("totals:"):
                    total = int(line.split()[1])
        rows.append((label, format(total, ",")))
    return table(["callgrind", "instructions"], rows)


if __name__ == "__main__":
    main()
