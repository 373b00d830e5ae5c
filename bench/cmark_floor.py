#!/usr/bin/env python3
"""The raw floor: libcmark alone, in process. Reads every .md file under SOURCE, renders it
with cmark_markdown_to_html (smart punctuation, safe mode, like Townhall's default) and
writes SOURCE/a/b.md to OUTPUT/a/b.html, across WORKERS processes.

Used by bench/bench.py; run it alone as:  python3 bench/cmark_floor.py SOURCE OUTPUT [WORKERS]
"""
import ctypes
import ctypes.util
import os
import sys

CMARK_OPT_SMART = 1 << 10


def load_cmark():
    name = ctypes.util.find_library("cmark")
    if not name:
        sys.exit("cmark_floor.py: libcmark not found (apt-get install libcmark-dev)")
    lib = ctypes.CDLL(name)
    lib.cmark_markdown_to_html.restype = ctypes.c_void_p
    lib.cmark_markdown_to_html.argtypes = [ctypes.c_char_p, ctypes.c_size_t, ctypes.c_int]
    libc = ctypes.CDLL(None)
    libc.free.argtypes = [ctypes.c_void_p]
    return lib, libc


def render(files, source, output):
    lib, libc = load_cmark()
    for rel in files:
        with open(os.path.join(source, rel), "rb") as f:
            text = f.read()
        ptr = lib.cmark_markdown_to_html(text, len(text), CMARK_OPT_SMART)
        html = ctypes.string_at(ptr)
        libc.free(ptr)
        with open(os.path.join(output, rel[:-3] + ".html"), "wb") as f:
            f.write(html)


def main():
    source, output = sys.argv[1], sys.argv[2]
    workers = int(sys.argv[3]) if len(sys.argv) > 3 else 2
    files = []
    for folder, dirs, names in os.walk(source):
        dirs.sort()
        rel = os.path.relpath(folder, source)
        os.makedirs(os.path.join(output, rel), exist_ok=True)
        files += [os.path.normpath(os.path.join(rel, n)) for n in sorted(names) if n.endswith(".md")]
    children = []
    for w in range(1, workers):
        pid = os.fork()
        if pid == 0:
            render(files[w::workers], source, output)
            os._exit(0)
        children.append(pid)
    render(files[0::workers], source, output)
    failed = any(os.waitpid(pid, 0)[1] != 0 for pid in children)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
