#!/usr/bin/env bash
# docs/repl.md against the program, so the guide cannot fall behind it:
#  - its command reference (between <!-- begin .help --> and <!-- end
#    .help -->) is exactly what `.help` prints;
#  - every command `.help` lists has a section (a ### heading naming it);
#  - the banner in its first example names the program's version and the
#    default ruleset's name and version, as `nmsrules --version` does;
#  - every transcript of a session from scratch (a code block of README.md
#    or docs/repl.md whose first `nms> ` line is a .give) is what the
#    program prints when its commands are replayed: the block must be the
#    start of the real transcript, so the output of its last command may
#    be left out.
#
#   bash tests/repl/docs.sh BUILD/nmsrules SOURCE_DIR
#
# NMS_UPDATE_GOLDEN=1 rewrites the reference block and the banner line.
set -u
bin=$1
src=$2
doc=$src/docs/repl.md
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failed=0
export NO_COLOR=1 NMSRULES_HISTORY=/dev/null

printf '.help\n' | "$bin" repl --rules "$src/rules" >"$tmp/help" 2>&1 || {
    echo "not ok - .help failed"; cat "$tmp/help"; exit 1; }
version=$("$bin" --version --rules "$src/rules" 2>/dev/null || "$bin" --version)
program=$(printf '%s\n' "$version" | sed -n 's/^nmsrules \([^ ]*\).*/\1/p' | head -1)
ruleset=$(printf '%s\n' "$version" | sed -n 's/^ruleset \([^ ]*\) \([^ ]*\).*/\1 \2/p' | head -1)
banner="nmsrules $program, ruleset $ruleset"

# The document with the block and the banner as the program has them.
awk -v help="$tmp/help" -v banner="$banner" '
    /^nmsrules [^ ]*, ruleset / && !done_banner { print banner; done_banner = 1; next }
    /^<!-- begin \.help -->$/ {
        print; print "```"
        while ((getline line < help) > 0) print line
        print "```"; skip = 1; next
    }
    /^<!-- end \.help -->$/ { skip = 0 }
    !skip { print }
' "$doc" >"$tmp/expected.md"

if [ "${NMS_UPDATE_GOLDEN:-}" = 1 ]; then cp "$tmp/expected.md" "$doc"; fi
if diff -u "$doc" "$tmp/expected.md" >"$tmp/diff"; then
    echo "ok - docs/repl.md's banner and command reference match the program"
else
    echo "not ok - docs/repl.md is stale (NMS_UPDATE_GOLDEN=1 bash tests/repl/docs.sh BUILD/nmsrules . rewrites it):"
    head -40 "$tmp/diff" | sed 's/^/  /'
    failed=1
fi

# Every command of .help has its own section.
for cmd in $(sed -n 's/^  \(\.[a-z]*\).*/\1/p' "$tmp/help"); do
    if grep -qE "^###.*\`\\$cmd( |\`)" "$doc"; then
        echo "ok - $cmd has a section"
    else
        echo "not ok - $cmd has no section (a '### \`$cmd ...\`' heading) in docs/repl.md"
        failed=1
    fi
done
# The transcripts from scratch, replayed with the default ruleset.
n=0
for f in "$src/README.md" "$doc"; do
    awk -v out="$tmp/block" '
        /^ *```/ { if (on) { on = 0; if (keep) n++ } else { on = 1; keep = 0; started = 0 }; next }
        on && /^nms> / && !started { started = 1; keep = ($2 == ".give") }
        on && started && keep { print > (out "." n) }
    ' "$f"
    for b in "$tmp"/block.*; do
        [ -e "$b" ] || continue
        n=$((n + 1))
        sed -n 's/^nms> //p' "$b" >"$tmp/script"
        "$bin" repl --rules "$src/rules" --script "$tmp/script" --echo 2>&1 |
            sed 's/^nms>  /nms> /' | head -n "$(wc -l <"$b")" >"$tmp/actual"
        where="${f#"$src"/} (transcript from '$(head -1 "$b")')"
        if diff -u "$b" "$tmp/actual" >"$tmp/diff"; then
            echo "ok - $where is what the session prints"
        else
            echo "not ok - $where is not what the session prints:"
            sed 's/^/  /' "$tmp/diff"
            failed=1
        fi
        rm -f "$b"
    done
done
[ "$n" -ge 2 ] || { echo "not ok - found $n transcripts from scratch, expected at least 2"; failed=1; }
exit "$failed"
