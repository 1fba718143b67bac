#!/usr/bin/env bash
# The manual pages render without a warning, nmsrules(1) holds every
# command and every option of the --help texts, and its exit statuses are
# those of --help.
#
#   bash tests/pkg/man.sh BUILD/nmsrules BUILD/man SOURCE_DIR
set -u
bin=$1
man=$2
# shellcheck source=../harness.sh
source "$3/tests/harness.sh"
for page in nmsrules.1 nmsrules-rules.5; do
    groff -ww -man -Tutf8 -z "$man/$page" 2>"$tmp/err"
    check "$page: groff -ww -man gives no warning" '[ $? -eq 0 ] && ! [ -s "$tmp/err" ]'
    MANWIDTH=80 man -l "$man/$page" >"$tmp/$page.txt" 2>"$tmp/err"
    check "$page: man -l renders it without a message" '[ $? -eq 0 ] && ! [ -s "$tmp/err" ] && [ -s "$tmp/$page.txt" ]'
    lexgrog "$man/$page" >"$tmp/err" 2>&1
    check "$page: lexgrog finds its NAME line" '[ $? -eq 0 ]'
done
txt=$tmp/nmsrules.1.txt
for section in NAME SYNOPSIS DESCRIPTION COMMANDS OPTIONS "EXIT STATUS" ENVIRONMENT FILES EXAMPLES "SEE ALSO"; do
    check "nmsrules(1) has $section" 'grep -qx "$section" "$txt"'
done
# Every command, and every option its --help names, in nmsrules(1).
mapfile -t commands < <("$bin" --help | sed -n '/^commands:/,/^$/s/^  \([a-z][a-z-]*\).*/\1/p')
for c in "${commands[@]}"; do
    check "nmsrules(1) has the command $c" 'grep -q "^   nmsrules $c" "$txt"'
    "$bin" "$c" --help | grep -oE -- '--[a-z][a-z-]+' | sort -u >"$tmp/opts"
    missing=$(while read -r o; do grep -qF -- "$o" "$txt" || echo "$o"; done <"$tmp/opts")
    check "nmsrules(1) has every option of '$c --help'" '[ -z "$missing" ] || { echo "$missing" >"$tmp/err"; false; }'
done
for v in NMSRULES_RULES NO_COLOR TERM; do
    check "nmsrules(1) ENVIRONMENT names $v" 'sed -n "/^ENVIRONMENT/,/^FILES/p" "$txt" | grep -q "^       $v"'
done
# The exit-status rows: numbers and text as in --help (words joined).
"$bin" --help | sed -n '/^exit status:/,$p' | tail -n +2 | tr -s ' \n' ' ' >"$tmp/help-exit"
sed -n '/^EXIT STATUS/,/^[A-Z]/p' "$txt" | sed '1d;$d' | tr -s ' \n' ' ' >"$tmp/man-exit"
check "the exit statuses of nmsrules(1) are those of --help" \
    '[ "$(cat "$tmp/help-exit")" = "$(cat "$tmp/man-exit")" ] || { diff "$tmp/help-exit" "$tmp/man-exit" >"$tmp/err"; false; }'
finish
