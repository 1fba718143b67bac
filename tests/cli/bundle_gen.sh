#!/usr/bin/env bash
# The build's generator of the bundled ruleset (cmake/bundle_gen.c): a
# file with a syntax error is left out with a warning (a run compiles its
# text and reports the error), a file name of any bytes is written as a C
# string that reads back the same, and a file it cannot read (or a FIFO,
# which would block it) stops it without leaving an output file. The generated C is compiled with a
# small main that prints the paths it holds.
#
# Which files the build gives it (cmake/bundled_paths.cmake): those a run
# lists, no hidden file (an editor's lock file, a link to nothing) and no
# link to nothing.
#
#   bash tests/cli/bundle_gen.sh BUNDLE_GEN CMAKE CC SOURCE_DIR LUA_INCLUDE_DIR...
set -u
gen=$1
cmake=$2
cc=$3
src=$4
shift 4
includes=()
for dir in "$@"; do includes+=(-I "$dir"); done
. "$(dirname "$0")/lib.sh"

rules="$tmp/r*/rules"     # "*/" would end a comment naming it
odd=$'we"ird\\ name %s ??= * \xc3\xbc\n.lua'
mkdir -p "$rules/lib"
echo 'return 1' >"$rules/ok.lua"
echo 'return (' >"$rules/lib/bad.lua"
echo 'return 2' >"$rules/$odd"
"$gen" "$tmp/out.c" "$rules" ok.lua lib/bad.lua "$odd" 2>"$tmp/err"
status=$?
check "a syntax error is not fatal" '[ "$status" -eq 0 ]' \
    "status $status" "$(cat "$tmp/err")"
check "a warning names the file left out" \
    'grep -q "^bundle_gen: warning: not bundled.*lib/bad.lua:[0-9]" "$tmp/err"' \
    "$(cat "$tmp/err")"

cat >"$tmp/main.c" <<'C'
#include <stdio.h>
#include "lua/bundled.h"
int main(void)
{
    size_t i;
    for (i = 0; i < nms_bundled_rules.n; i++)
        printf("%s|%zu\n", nms_bundled_rules.files[i].path,
               nms_bundled_rules.files[i].len);
    return 0;
}
C
"$cc" -std=c11 -Wall -Werror -I "$src/core" "${includes[@]}" \
    -o "$tmp/paths" "$tmp/main.c" "$tmp/out.c" 2>"$tmp/cc.err"
check "the generated C compiles" '[ -x "$tmp/paths" ]' "$(cat "$tmp/cc.err")"
printf 'ok.lua|9\n%s|9\n' "$odd" >"$tmp/want"    # in byte order
"$tmp/paths" >"$tmp/got" 2>&1
check "every path but the one left out, byte for byte, in byte order" \
    'cmp -s "$tmp/want" "$tmp/got"' "$(diff "$tmp/want" "$tmp/got")"

"$gen" "$tmp/none.c" "$rules" ok.lua no/such.lua 2>"$tmp/err"
status=$?
check "a file it cannot read stops the build" \
    '[ "$status" -ne 0 ] && grep -q "cannot read.*no/such.lua" "$tmp/err"' \
    "status $status" "$(cat "$tmp/err")"
check "and leaves no output file" '[ ! -e "$tmp/none.c" ]'

mkfifo "$rules/fifo.lua"
timeout 20 "$gen" "$tmp/fifo.c" "$rules" ok.lua fifo.lua 2>"$tmp/err"
status=$?
check "a FIFO stops it at once, not blocking the build" \
    '[ "$status" -ne 0 ] && [ "$status" -ne 124 ] && grep -q "not a regular file.*fifo.lua" "$tmp/err"' \
    "status $status" "$(cat "$tmp/err")"

listed=$tmp/listed
mkdir -p "$listed/lib" "$listed/.git"
touch "$listed/a.lua" "$listed/lib/b.lua" "$listed/.hidden.lua" \
    "$listed/.git/x.lua" "$listed/notes.txt"
ln -s 'user@host.1234:1700000000' "$listed/lib/.#b.lua"
ln -s nowhere.lua "$listed/lib/gone.lua"
"$cmake" -DRULES="$listed" -P "$src/cmake/bundled_paths.cmake" \
    >"$tmp/paths.out" 2>&1
printf 'a.lua\nlib/b.lua\n' >"$tmp/paths.want"
check "the build bundles what a run lists: nothing hidden, no link to nothing" \
    'cmp -s "$tmp/paths.want" "$tmp/paths.out"' \
    "$(diff "$tmp/paths.want" "$tmp/paths.out")"

finish
