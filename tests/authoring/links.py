#!/usr/bin/env python3
"""Every relative link of README.md, docs/*.md and examples/**/README.md
leads to a file that exists, and every #anchor into a Markdown file to one
of its headings (GitHub's slugs), so docs/README.md, the index new users
start from, cannot point at a section that was renamed.

    python3 tests/authoring/links.py SOURCE_DIR
"""
import glob
import os
import re
import sys

src = sys.argv[1]
files = ([os.path.join(src, "README.md")]
         + sorted(glob.glob(os.path.join(src, "docs", "*.md")))
         + sorted(glob.glob(os.path.join(src, "examples", "**", "README.md"),
                            recursive=True)))


def slugs(path):
    """The anchors of a Markdown file: its headings as GitHub slugs them
    (lower case, punctuation but - and _ dropped, spaces as -, repeats
    numbered) and any <a name/id>."""
    out = set()
    seen = {}
    code = False
    for line in open(path, encoding="utf-8"):
        if line.startswith("```"):
            code = not code
            continue
        if code:
            continue
        m = re.match(r"^#{1,6}\s+(.*?)\s*$", line)
        if not m:
            continue
        t = m.group(1).strip().lower()
        t = re.sub(r"[^\w\- ]", "", t)
        t = t.replace(" ", "-")
        n = seen.get(t, 0)
        seen[t] = n + 1
        out.add(t if n == 0 else f"{t}-{n}")
    for a in re.findall(r'<a (?:name|id)="([^"]+)"', open(path, encoding="utf-8").read()):
        out.add(a)
    return out


bad = 0
for f in files:
    text = open(f, encoding="utf-8").read()
    text = re.sub(r"```.*?```", "", text, flags=re.S)
    for target in re.findall(r"\]\(([^)\s]+)\)", text):
        if re.match(r"[a-z]+:", target):
            continue
        path, _, anchor = target.partition("#")
        full = os.path.normpath(os.path.join(os.path.dirname(f), path)) if path else f
        rel = os.path.relpath(f, src)
        if not os.path.exists(full):
            print(f"{rel}: link to {target}: no such file")
            bad += 1
            continue
        if anchor and full.endswith(".md") and anchor not in slugs(full):
            print(f"{rel}: link to {target}: no such heading")
            bad += 1
sys.exit(1 if bad else 0)
