#!/usr/bin/env python3
"""Townhall's benchmark (`make bench`): Townhall against Hugo and the cmark floor.

For each corpus size it generates a handbook with `townhall-corpus`, then measures, over
--runs rounds that alternate the tools (A B A B, with the order swapped every round):

  * a full build into an empty output folder,
  * a no-op rebuild (the same command again over the unchanged tree),
  * a rebuild after editing one page,
  * peak memory (GNU time's maximum resident set size) of the full build,

and, once, the statistics issue's large data set (`townhall sample`: 100,000 members, 20,000
events, ~1,000,000 registrations) as a site of its own: full build, no-op rebuild, and a
rebuild after editing one data file (Townhall only; `--no-data` skips it),

for Townhall (default theme) and Hugo (bench/hugo-theme, a theme doing the same work), and
renders the same files with libcmark alone (bench/cmark_floor.py, in process, two workers)
and with the `cmark` command (one process per file, `xargs -P2`). Corpus and every output
live on a tmpfs, per /work/shared/BENCHMARKING.md. Wall time is quoted beside user + sys CPU.

Prints a Markdown table and writes it into README.md between `<!-- bench:start -->` and
`<!-- bench:end -->`.
"""
import argparse
import csv
import datetime
import io
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

BENCH = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(BENCH)
GNU_TIME = "/usr/bin/time"
START, END = "<!-- bench:start -->", "<!-- bench:end -->"


# ---------------------------------------------------------------------------- measuring

class Sample:
    def __init__(self, wall, user, sys_, rss_kb):
        self.wall, self.user, self.sys, self.rss_kb = wall, user, sys_, rss_kb

    @property
    def cpu(self):
        return self.user + self.sys


def run(cmd, what, check_stderr=False):
    """Runs `cmd` once under GNU time; wall from a monotonic clock around it, user and sys
    CPU from wait4 (microseconds, the command and its children), peak RSS from GNU time."""
    with tempfile.TemporaryFile() as err, tempfile.NamedTemporaryFile("r") as tf:
        argv = ([GNU_TIME, "-f", "%M", "-o", tf.name] if os.path.exists(GNU_TIME) else []) + cmd
        t0 = time.perf_counter()
        proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - t0
        proc.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        stderr = err.read().decode(errors="replace")
        if proc.returncode != 0 or (check_stderr and stderr.strip()):
            sys.exit(f"bench: {what} failed (exit {proc.returncode}):\n  {' '.join(cmd)}\n{stderr[-3000:]}")
        text = tf.read().strip()
        rss = int(text.splitlines()[-1]) if text else usage.ru_maxrss
        return Sample(wall, usage.ru_utime, usage.ru_stime, rss)


def rm(path):
    if os.path.isdir(path) and not os.path.islink(path):
        shutil.rmtree(path)
    elif os.path.lexists(path):
        os.remove(path)


# ---------------------------------------------------------------------------- the tools

class Townhall:
    name = "Townhall"

    def __init__(self, binary, templates, corpus, work):
        self.binary, self.templates, self.corpus = binary, templates, corpus
        self.out = os.path.join(work, "townhall-site")

    def clean(self):
        rm(self.out)
        parent = os.path.dirname(self.out)
        rm(os.path.join(parent, ".townhall-cache"))  # a full build starts cold: no build cache
        for entry in os.listdir(parent):  # folders of a killed build, if any
            if entry.startswith(".townhall-site.townhall-"):
                rm(os.path.join(parent, entry))

    def build(self):
        return run([self.binary, "build", "--content", self.corpus, "--templates", self.templates,
                    "--output", self.out, "--threads", "0", "--quiet"], "townhall build", check_stderr=True)


class Hugo:
    name = "Hugo"

    def __init__(self, corpus, work):
        self.site = os.path.join(work, "hugo-site")
        self.out = os.path.join(work, "hugo-public")
        self.cache = os.path.join(work, "hugo-cache")
        os.makedirs(os.path.join(self.site, "assets"), exist_ok=True)
        for name in ("style.css", "offline.js"):  # the same assets as Townhall's theme
            shutil.copy(os.path.join(REPO, "Templates", "assets", name), os.path.join(self.site, "assets", name))
        with open(os.path.join(self.site, "hugo.toml"), "w") as f:
            f.write(HUGO_CONFIG.format(content=corpus, themes=BENCH))

    def clean(self):
        for path in (self.out, self.cache, os.path.join(self.site, "resources")):
            rm(path)

    def build(self):
        return run(["hugo", "--source", self.site, "--destination", self.out, "--cacheDir", self.cache,
                    "--quiet", "--noBuildLock"], "hugo")


HUGO_CONFIG = """\
# Written by bench/bench.py: the benchmark corpus as a Hugo site, with bench/hugo-theme.
baseURL = "https://example.org/"
title = "Community handbook"
languageCode = "en"
contentDir = "{content}"
themesDir = "{themes}"
theme = "hugo-theme"
relativeURLs = true
uglyURLs = false
enableRobotsTXT = true
buildFuture = true
disableKinds = ["RSS"]
ignoreFiles = ['site\\.yaml$']
[params]
description = "A generated community handbook for benchmarking Townhall."
footer = "Generated text"
[taxonomies]
tag = "tags"
[frontmatter]
lastmod = ["updated", "lastmod", ":default"]
[markup.tableOfContents]
startLevel = 2
endLevel = 3
[markup.goldmark.renderer]
unsafe = false
# CommonMark plus smart punctuation, like cmark with CMARK_OPT_SMART.
[markup.goldmark.extensions]
typographer = true
linkify = false
table = false
strikethrough = false
taskList = false
definitionList = false
footnote = false
"""


class Floor:
    """libcmark alone, in process, two workers."""
    name = "libcmark floor"

    def __init__(self, corpus, work):
        self.corpus, self.out = corpus, os.path.join(work, "floor-html")

    def clean(self):
        rm(self.out)

    def build(self):
        return run([sys.executable, os.path.join(BENCH, "cmark_floor.py"), self.corpus, self.out, "2"], "cmark floor")


class CmarkCLI:
    """The `cmark` command on each file, two at a time: the floor plus a process per file."""
    name = "cmark command"

    def __init__(self, corpus, work):
        self.corpus, self.out = corpus, os.path.join(work, "cmark-html")

    def clean(self):
        rm(self.out)

    def build(self):
        script = (
            'set -e; cd "$1"; mkdir -p "$2"; '
            'find . -type d -print0 | (cd "$2" && xargs -0 mkdir -p); '
            'find . -name "*.md" -print0 | xargs -0 -P2 -n 64 sh -c '
            '\'o="$0"; for f do cmark --smart "$f" > "$o/${f%.md}.html"; done\' "$2"'
        )
        return run(["sh", "-c", script, "sh", self.corpus, self.out], "cmark command")


# ---------------------------------------------------------------------------- one corpus

def count_files(root, suffix):
    return sum(1 for _, _, names in os.walk(root) for n in names if n.endswith(suffix))


def tree_bytes(root):
    return sum(os.path.getsize(os.path.join(d, n)) for d, _, names in os.walk(root) for n in names)


class Edit:
    """Edits one ordinary page in the middle of the corpus and puts it back."""

    def __init__(self, corpus):
        pages = sorted(
            os.path.relpath(os.path.join(d, n), corpus)
            for d, _, names in os.walk(corpus) for n in names
            if n.endswith(".md") and n != "_index.md")
        self.path = os.path.join(corpus, pages[len(pages) // 2])
        with open(self.path, encoding="utf-8") as f:
            self.original = f.read()

    def apply(self, label):
        with open(self.path, "w", encoding="utf-8") as f:
            f.write(self.original + f"\nEdited for the benchmark ({label}).\n")

    def restore(self):
        with open(self.path, "w", encoding="utf-8") as f:
            f.write(self.original)


class DataSite:
    """The statistics issue's large data set as a site of its own: 100,000 members, 2,000
    groups, 20,000 events, about 1,000,000 registrations (`townhall sample`), built into
    event, group and statistics pages. Hugo has no counterpart, so Townhall runs alone."""
    name = "Townhall (data)"
    sizes = ["--members", "100000", "--groups", "2000", "--events", "20000", "--attendance", "1000000"]

    def __init__(self, binary, templates, work):
        self.binary, self.templates = binary, templates
        self.content = os.path.join(work, "data-site", "Content")
        self.out = os.path.join(work, "data-site", "site")
        subprocess.run([binary, "sample", *self.sizes, "--output", os.path.join(self.content, "data")],
                       check=True, stdout=subprocess.DEVNULL)
        with open(os.path.join(self.content, "site.yaml"), "w") as f:
            f.write("title: Benchmark community\nas_of: 2026-11-20\n")
        with open(os.path.join(self.content, "_index.md"), "w") as f:
            f.write("# Benchmark community\n\nThe large data set of the statistics benchmark.\n")
        self.members = os.path.join(self.content, "data", "members.csv")
        with open(self.members, encoding="utf-8", newline="") as f:
            self.original = f.read()

    def rows(self):
        counts = {}
        for name in ("members.csv", "events.csv", "attendance.csv"):
            with open(os.path.join(self.content, "data", name), encoding="utf-8", newline="") as f:
                counts[name] = sum(1 for _ in csv.reader(f)) - 1  # records, not lines: fields may hold newlines
        return counts

    def clean(self):
        rm(self.out)
        rm(os.path.join(os.path.dirname(self.out), ".townhall-cache"))

    def build(self):
        return run([self.binary, "build", "--content", self.content, "--templates", self.templates,
                    "--output", self.out, "--threads", "0", "--quiet"], "townhall build (data)", check_stderr=True)

    def edit(self, label):
        """One member moves to another city: one cell of members.csv changes."""
        lines = self.original.split("\n")
        header = lines[0].split(",")
        middle = len(lines) // 2
        cells = next(csv.reader([lines[middle]]))
        cells[header.index("city")] = f"Benchmark {label}"
        out = io.StringIO()
        csv.writer(out, lineterminator="").writerow(cells)
        lines[middle] = out.getvalue()
        with open(self.members, "w", encoding="utf-8", newline="") as f:
            f.write("\n".join(lines))

    def restore(self):
        with open(self.members, "w", encoding="utf-8", newline="") as f:
            f.write(self.original)


def bench_data(args, work):
    print("\n== community data: generating the large data set", flush=True)
    site = DataSite(args.townhall, args.templates, work)
    info = {"rows": site.rows()}
    results = {kind: [] for kind in ("full", "noop", "edit")}
    for r in range(args.runs):
        site.clean()
        results["full"].append(site.build())
        results["noop"].append(site.build())
        site.edit(f"round {r + 1}")
        results["edit"].append(site.build())
        site.restore()
        print(f"   round {r + 1}/{args.runs}: full build {results['full'][-1].wall:.2f} s, "
              f"edit one data file {results['edit'][-1].wall:.2f} s", flush=True)
    info["html"] = count_files(site.out, ".html")
    site.clean()
    return info, results


def data_table(info, res):
    rows = info["rows"]
    lines = [
        f"#### Community data: {rows['members.csv']:,} members, {rows['events.csv']:,} events, "
        f"{rows['attendance.csv']:,} registrations",
        "",
        f"The statistics issue's data set (`townhall sample`), built into {info['html']:,} HTML pages "
        "(an event page per event, a group page per group, the statistics pages). Hugo has nothing "
        "to compare; the edit changes one member's city in members.csv, which no event or group "
        "page shows: the rebuild reads and checks all of the data again and renders the pages "
        "that summarise it (the indexes and statistics pages).",
        "",
        "| measure | wall | CPU user+sys | peak memory |",
        "| --- | ---: | ---: | ---: |",
    ]
    for kind, label in (("full", "full build"), ("noop", "no-op rebuild"), ("edit", "edit one data file, rebuild")):
        lines.append(f"| {label} | {fmt_time(res[kind])} | {fmt_time(res[kind], 'cpu')} | {fmt_mem(res[kind])} |")
    return lines + [""]


def bench_corpus(size, args, work, first):
    corpus = os.path.join(work, f"corpus-{size}")
    print(f"\n== {size:,} pages: generating the corpus", flush=True)
    subprocess.run([args.corpus_tool, "--pages", str(size), "--sections", "20", "--chapter-size", "25",
                    "--seed", str(args.seed), "--output", corpus], check=True, stdout=subprocess.DEVNULL)
    info = {"size": size, "md_files": count_files(corpus, ".md"), "md_bytes": tree_bytes(corpus)}
    townhall = Townhall(args.townhall, args.templates, corpus, work)
    hugo = Hugo(corpus, work)
    floor, cli = Floor(corpus, work), CmarkCLI(corpus, work)
    edit = Edit(corpus)
    results = {(tool, kind): [] for tool in ("Townhall", "Hugo") for kind in ("full", "noop", "edit")}
    results[("floor", "full")] = []
    results[("cli", "full")] = []

    if args.warmup and first:
        # Once per run: loads the binaries and libraries into the page cache.
        print("   warm-up (not measured)", flush=True)
        for tool in (townhall, hugo, floor, cli):
            tool.clean()
            tool.build()
    for r in range(args.runs):
        pair = (townhall, hugo) if r % 2 == 0 else (hugo, townhall)
        floors = ((floor, "floor"), (cli, "cli")) if r % 2 == 0 else ((cli, "cli"), (floor, "floor"))
        for tool in pair:
            tool.clean()
            results[(tool.name, "full")].append(tool.build())
        for tool, key in floors:
            tool.clean()
            results[(key, "full")].append(tool.build())
        for tool in pair:
            results[(tool.name, "noop")].append(tool.build())
        for tool in pair:
            edit.apply(f"round {r + 1}, {tool.name}")
            results[(tool.name, "edit")].append(tool.build())
        edit.restore()
        t, h = results[("Townhall", "full")][-1], results[("Hugo", "full")][-1]
        print(f"   round {r + 1}/{args.runs}: full build Townhall {t.wall:.2f} s, Hugo {h.wall:.2f} s, "
              f"floor {results[('floor', 'full')][-1].wall:.2f} s", flush=True)
    info["townhall_html"] = count_files(townhall.out, ".html")
    info["hugo_html"] = count_files(hugo.out, ".html")
    info["townhall_bytes"] = tree_bytes(townhall.out)
    info["hugo_bytes"] = tree_bytes(hugo.out)
    for tool in (townhall, hugo, floor, cli):
        tool.clean()
    rm(corpus)
    return info, results


# ---------------------------------------------------------------------------- reporting

def med(samples, attr):
    values = [getattr(s, attr) for s in samples]
    return statistics.median(values), min(values), max(values)


def fmt_time(samples, attr="wall"):
    m, lo, hi = med(samples, attr)
    return f"{m:.2f} s ({lo:.2f}–{hi:.2f})"


def fmt_mem(samples):
    m, lo, hi = med(samples, "rss_kb")
    return f"{m / 1024:.0f} MB ({lo / 1024:.0f}–{hi / 1024:.0f})"


def ratio(a, b):
    return f"{a / b:.2f}×" if b > 0 else "–"


def machine():
    cpu = "unknown CPU"
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    with open("/proc/meminfo") as f:
        kb = int(re.search(r"MemTotal:\s+(\d+)", f.read()).group(1))
    return f"{os.cpu_count()} cores ({cpu}), {kb / 1024 / 1024:.1f} GiB memory, Linux {platform.release()}"


def version(cmd):
    try:
        out = subprocess.run(cmd, capture_output=True, text=True).stdout
        return out.strip().splitlines()[0]
    except (OSError, IndexError):
        return "?"


def corpus_table(info, res, runs):
    T, H = lambda k: res[("Townhall", k)], lambda k: res[("Hugo", k)]
    floor, cli = res[("floor", "full")], res[("cli", "full")]
    lines = [
        f"#### {info['size']:,} pages ({info['md_files']:,} Markdown files with section pages, "
        f"{info['md_bytes'] / 1e6:.1f} MB)",
        "",
        f"Written: Townhall {info['townhall_html']:,} HTML files ({info['townhall_bytes'] / 1e6:.0f} MB), "
        f"Hugo {info['hugo_html']:,} ({info['hugo_bytes'] / 1e6:.0f} MB).",
        "",
        "| measure | Townhall | Hugo 0.111 | Townhall / Hugo |",
        "| --- | ---: | ---: | ---: |",
    ]
    for kind, label in (("full", "full build"), ("noop", "no-op rebuild"), ("edit", "edit one page, rebuild")):
        lines.append(f"| {label}, wall | {fmt_time(T(kind))} | {fmt_time(H(kind))} | "
                     f"{ratio(med(T(kind), 'wall')[0], med(H(kind), 'wall')[0])} |")
        lines.append(f"| {label}, CPU user+sys | {fmt_time(T(kind), 'cpu')} | {fmt_time(H(kind), 'cpu')} | "
                     f"{ratio(med(T(kind), 'cpu')[0], med(H(kind), 'cpu')[0])} |")
    lines.append(f"| peak memory (max RSS), full build | {fmt_mem(T('full'))} | {fmt_mem(H('full'))} | "
                 f"{ratio(med(T('full'), 'rss_kb')[0], med(H('full'), 'rss_kb')[0])} |")
    lines += [
        "",
        "| floor: Markdown to HTML only | wall | CPU user+sys | peak memory | Townhall full build / floor |",
        "| --- | ---: | ---: | ---: | ---: |",
        f"| libcmark in process, 2 workers | {fmt_time(floor)} | {fmt_time(floor, 'cpu')} | {fmt_mem(floor)} | "
        f"{ratio(med(T('full'), 'wall')[0], med(floor, 'wall')[0])} wall, "
        f"{ratio(med(T('full'), 'cpu')[0], med(floor, 'cpu')[0])} CPU |",
        f"| `cmark` command per file, `xargs -P2` | {fmt_time(cli)} | {fmt_time(cli, 'cpu')} | {fmt_mem(cli)} | "
        f"{ratio(med(T('full'), 'wall')[0], med(cli, 'wall')[0])} wall, "
        f"{ratio(med(T('full'), 'cpu')[0], med(cli, 'cpu')[0])} CPU |",
        "",
    ]
    return lines


def goals_table(info, res):
    T, H = lambda k: res[("Townhall", k)], lambda k: res[("Hugo", k)]
    floor = res[("floor", "full")]
    full_h = med(T("full"), "wall")[0] / med(H("full"), "wall")[0]
    full_f = med(T("full"), "wall")[0] / med(floor, "wall")[0]
    mem = med(T("full"), "rss_kb")[0] / med(H("full"), "rss_kb")[0]
    noop, edit = med(T("noop"), "wall")[0], med(T("edit"), "wall")[0]
    yes = lambda ok: "yes" if ok else "**no**"
    return [
        f"Goals of issue 6, at {info['size']:,} pages:",
        "",
        "| goal | target | measured | met |",
        "| --- | --- | ---: | --- |",
        f"| full build against Hugo | ≤ 0.5× (aim 0.3×) | {full_h:.2f}× | {yes(full_h <= 0.5)} |",
        f"| full build against the libcmark floor | ≤ 2× | {full_f:.1f}× | {yes(full_f <= 2)} |",
        f"| peak memory against Hugo | ≤ 0.5× | {mem:.2f}× | {yes(mem <= 0.5)} |",
        f"| no-op rebuild | < 0.3 s | {noop:.2f} s | {yes(noop < 0.3)} |",
        f"| edit one page | < 0.1 s | {edit:.2f} s | {yes(edit < 0.1)} |",
        "",
    ]


def report(all_results, args, where):
    today = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d")
    lines = [
        f"Measured by `make bench` on {today}: {machine()}. Townhall {version([args.townhall, '--version'])} "
        f"(release build with the Swift runtime linked in, `--threads 0`), {version(['hugo', 'version']).split(' BuildDate')[0]}, "
        f"{version(['cmark', '--version'])}.",
        f"Corpus and output on {where}. Each figure is the median of {args.runs} runs with the range "
        "(min–max) in brackets; the tools alternate (A B A B, order swapped every round). "
        "CPU is user + sys of the process and its children; peak memory is GNU time's maximum "
        "resident set size. A no-op rebuild runs the same command again over an unchanged tree.",
        f"Load average (1 min) {args.load[0][0]:.1f} before and {args.load[1][0]:.1f} after the run: "
        "on a machine shared with other work, wall times spread and CPU times are the steadier figure.",
        "",
    ]
    for info, res in all_results:
        lines += corpus_table(info, res, args.runs)
    if args.data_results:
        lines += data_table(*args.data_results)
    largest = max(all_results, key=lambda x: x[0]["size"])
    lines += goals_table(*largest)
    return "\n".join(lines).rstrip() + "\n"


def write_readme(path, table):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    if START not in text or END not in text:
        sys.exit(f"bench: {path} has no {START} … {END} markers; table not written")
    head, rest = text.split(START, 1)
    _, tail = rest.split(END, 1)
    with open(path, "w", encoding="utf-8") as f:
        f.write(head + START + "\n" + table + END + tail)


# ---------------------------------------------------------------------------- setup

def mount_tmpfs():
    """A fresh tmpfs of our own when root can mount one; /dev/shm otherwise."""
    if os.geteuid() == 0:
        path = tempfile.mkdtemp(prefix="townhall-bench-")
        if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=6g", "tmpfs", path],
                          stderr=subprocess.DEVNULL).returncode == 0:
            return path, True, "a tmpfs mounted for the run"
        os.rmdir(path)
    if not os.path.isdir("/dev/shm"):
        sys.exit("bench: cannot mount a tmpfs and there is no /dev/shm; refusing to measure the disk")
    return tempfile.mkdtemp(prefix="townhall-bench-", dir="/dev/shm"), False, "/dev/shm (tmpfs)"


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--townhall", default=os.path.join(REPO, ".build/release/townhall"))
    p.add_argument("--corpus-tool", default=os.path.join(REPO, ".build/release/townhall-corpus"))
    p.add_argument("--templates", default=os.path.join(REPO, "Templates"))
    p.add_argument("--sizes", default="1000,10000", help="comma-separated page counts")
    p.add_argument("--runs", type=int, default=5, help="measured rounds per size (at least 5 for the README)")
    p.add_argument("--seed", type=int, default=6)
    p.add_argument("--no-warmup", dest="warmup", action="store_false")
    p.add_argument("--no-data", dest="data", action="store_false", help="skip the community data set")
    p.add_argument("--readme", default=os.path.join(REPO, "README.md"))
    p.add_argument("--no-readme", action="store_true", help="print the table only")
    args = p.parse_args()

    for tool in ("hugo", "cmark"):
        if not shutil.which(tool):
            sys.exit(f"bench: `{tool}` is missing; run `make bench-deps` (or apt-get install hugo cmark time)")
    for binary in (args.townhall, args.corpus_tool):
        if not os.access(binary, os.X_OK):
            sys.exit(f"bench: {binary} not found; `make bench` builds it")
    if not os.path.exists(GNU_TIME):
        print("bench: GNU time is missing; peak memory comes from wait4 instead", file=sys.stderr)
    args.townhall, args.corpus_tool = os.path.abspath(args.townhall), os.path.abspath(args.corpus_tool)
    args.templates = os.path.abspath(args.templates)

    work, mounted, where = mount_tmpfs()
    started = time.monotonic()
    try:
        load_before = os.getloadavg()
        all_results = [bench_corpus(int(s), args, work, i == 0) for i, s in enumerate(args.sizes.split(","))]
        args.data_results = bench_data(args, work) if args.data else None
        args.load = (load_before, os.getloadavg())
    finally:
        if mounted:
            subprocess.run(["umount", work])
            os.rmdir(work)
        else:
            shutil.rmtree(work, ignore_errors=True)
    table = report(all_results, args, where)
    print("\n" + table)
    print(f"bench: finished in {time.monotonic() - started:.0f} s")
    if not args.no_readme:
        if args.runs < 5:
            print("bench: fewer than 5 runs; README.md not updated", file=sys.stderr)
        else:
            write_readme(args.readme, table)
            print(f"bench: table written to {os.path.relpath(args.readme)}")


if __name__ == "__main__":
    main()
