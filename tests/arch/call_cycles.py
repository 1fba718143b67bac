#!/usr/bin/env python3
"""call_cycles.py - fails when two source files of the engine or the program
call each other, directly or round a circle (docs/architecture.md: "calls go
one way between files").

    python3 tests/arch/call_cycles.py BUILD_DIR SOURCE_DIR

Reads the object files of nms_core and nms_program with nm: an undefined
symbol of one file that another file defines is an edge between them. Prints
every strongly connected component of more than one file.
"""
import collections
import glob
import os
import subprocess
import sys


def objects(build, source):
    """The object files of the two libraries whose source still exists."""
    found = []
    for lib in ("nms_core", "nms_program"):
        root = os.path.join(build, "CMakeFiles", lib + ".dir")
        for obj in glob.glob(os.path.join(root, "**", "*.o"), recursive=True):
            rel = os.path.relpath(obj, root)[:-2]
            if os.path.exists(os.path.join(source, rel)):
                found.append((rel, obj))
    return found


def graph(objs):
    defined, used = {}, collections.defaultdict(set)
    for rel, obj in objs:
        out = subprocess.run(["nm", obj], capture_output=True, text=True,
                             check=True).stdout
        for line in out.splitlines():
            parts = line.split()
            if len(parts) == 3 and parts[1] in "TDBR":
                defined[parts[2]] = rel
            elif len(parts) == 2 and parts[0] == "U":
                used[rel].add(parts[1])
    edges = collections.defaultdict(set)
    for rel, symbols in used.items():
        for sym in symbols:
            if sym in defined and defined[sym] != rel:
                edges[rel].add(defined[sym])
    return edges


def cycles(edges):
    """Tarjan's strongly connected components of size > 1."""
    index, low, stack, on, out = {}, {}, [], set(), []
    counter = [0]
    sys.setrecursionlimit(10000)

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in edges[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    for v in list(edges):
        if v not in index:
            visit(v)
    return out


def main():
    build, source = sys.argv[1], sys.argv[2]
    objs = objects(build, source)
    if not objs:
        print("call_cycles: no object files under " + build)
        return 1
    found = cycles(graph(objs))
    for comp in found:
        print("call cycle: " + " <-> ".join(comp))
    print("%d files, %d call cycles" % (len(objs), len(found)))
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
