#!/usr/bin/env bash
# The command-line conventions of issue 14: help for every command, the
# version in three spellings, every message prefixed "nmsrules:", --color,
# the exit-status table in --help and README.md, README's synopsis of each
# command against its --help, CSV line ends.
#
#   bash tests/cli/conventions.sh BUILD/nmsrules SOURCE_DIR
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
src=$(cd "$2" && pwd)
# shellcheck source=../harness.sh
source "$src/tests/harness.sh"
case1=$src/examples/cases/01-haloperidol-classic.json

# --- help: 'help CMD' is 'CMD --help', for every command of the usage ------
"$bin" --help >"$tmp/usage"
mapfile -t commands < <(sed -n '/^commands:/,/^$/s/^  \([a-z][a-z-]*\).*/\1/p' "$tmp/usage")
check "the usage lists at least batch, eval, repl, help, version" \
    '[ "${#commands[@]}" -ge 5 ] && printf "%s\n" "${commands[@]}" | grep -qx version'
for c in "${commands[@]}"; do
    "$bin" help "$c" >"$tmp/help" 2>"$tmp/err"; s1=$?
    "$bin" "$c" --help >"$tmp/own" 2>>"$tmp/err"; s2=$?
    check "help $c is $c --help (exit 0, usage: line first)" \
        '[ $s1 -eq 0 ] && [ $s2 -eq 0 ] && cmp -s "$tmp/help" "$tmp/own" && head -1 "$tmp/own" | grep -q "^usage: nmsrules $c"'
done
"$bin" help >"$tmp/h1"; "$bin" -h >"$tmp/h2"
check "help alone, -h and --help print the same usage" 'cmp -s "$tmp/h1" "$tmp/usage" && cmp -s "$tmp/h2" "$tmp/usage"'
"$bin" help nosuch >"$tmp/out" 2>"$tmp/err"
check "help of an unknown command names it, exit 2" \
    '[ $? -eq 2 ] && grep -qx "nmsrules: error: unknown command '"'nosuch'"'" "$tmp/err"'
"$bin" timline >"$tmp/out" 2>"$tmp/err"
check "a misspelt command names the one probably meant, exit 2" \
    '[ $? -eq 2 ] && grep -q "unknown command '"'timline'"' — did you mean '"'timeline'"'?" "$tmp/err"'

# --- version: three spellings, --rules and NMSRULES_RULES anywhere --------
cp -r "$src/rules" "$tmp/myrules"
"$bin" --version >"$tmp/v1"; "$bin" -V >"$tmp/v2"; "$bin" version >"$tmp/v3"
check "--version, -V and version agree" 'cmp -s "$tmp/v1" "$tmp/v2" && cmp -s "$tmp/v1" "$tmp/v3"'
check "the version names program, Lua, cJSON and ruleset" \
    'grep -q "^nmsrules [0-9]" "$tmp/v1" && grep -q "^Lua 5\.4" "$tmp/v1" && grep -q "^cJSON 1\." "$tmp/v1" && grep -q "^ruleset .* sha256:" "$tmp/v1"'
for args in "--rules $tmp/myrules --version" "--version --rules $tmp/myrules" \
            "-V --rules=$tmp/myrules" "version --rules $tmp/myrules"; do
    # shellcheck disable=SC2086
    "$bin" $args >"$tmp/out" 2>"$tmp/err"
    check "nmsrules $args: the ruleset of --rules" 'grep -qx "  from $tmp/myrules" "$tmp/out"'
done
NMSRULES_RULES=$tmp/myrules "$bin" -V >"$tmp/out" 2>"$tmp/err"
check "nmsrules -V with NMSRULES_RULES: that ruleset" 'grep -qx "  from $tmp/myrules" "$tmp/out"'
# --version reads the manifest and the digest only (issue 11, start-up):
# a broken criteria set does not stop it, a broken manifest does.
"$bin" --rules "$src/tests/data/rules/syntax" -V >"$tmp/out" 2>"$tmp/err"
check "a broken criteria set: the version lines all the same, exit 0" \
    '[ $? -eq 0 ] && grep -q "^ruleset test-syntax " "$tmp/out"'
mkdir -p "$tmp/badmanifest" && printf 'return {\n  name = "x",\n' >"$tmp/badmanifest/ruleset.lua"
"$bin" --rules "$tmp/badmanifest" -V >"$tmp/out" 2>"$tmp/err"
check "a ruleset whose manifest does not load: versions shown, exit 3" \
    '[ $? -eq 3 ] && grep -q "^cJSON" "$tmp/out" && grep -q "^nmsrules: error: .*ruleset.lua:" "$tmp/err"'

# --- options before the command are the command's -------------------------
"$bin" --rules "$tmp/myrules" batch "$case1" >"$tmp/out" 2>"$tmp/err"
check "nmsrules --rules DIR batch FILE uses DIR" '[ $? -eq 0 ] && grep -q "\"result\":\"met\"" "$tmp/out"'

# --- every message starts with "nmsrules:" (the Try line is the hint) -----
bad=("batch --bogus" "batch --format" "batch --ma 1" "batch --compact=yes"
     "batch -x" "eval" "eval --color=sometimes $case1" "--bogus" "-Z batch"
     "nosuch" "help a b" "version extra" "batch --csv-eol cr $case1"
     "batch --param nonsense $case1" "batch /nonexistent.json" "gen --bogus")
for args in "${bad[@]}"; do
    # shellcheck disable=SC2086
    "$bin" $args >/dev/null 2>"$tmp/err"; status=$?
    check "nmsrules $args: exit 2, every line 'nmsrules: ...' or 'Try ...'" \
        '[ $status -eq 2 ] && [ -s "$tmp/err" ] && ! grep -v -e "^nmsrules: " -e "^Try '"'"'nmsrules .*--help'"'"'\.$" "$tmp/err"'
done
"$bin" batch --bogus 2>"$tmp/err"
check "getopt's complaint names the command and the option" \
    'grep -qx "nmsrules: error: batch: unknown option '"'--bogus'"'" "$tmp/err"'

# A number parameter takes decimal numbers only: strtod alone read "0x10"
# as 16 and " 5" as 5, a mistyped value passing as one nobody meant.
for v in 0x10 " 74" "74 " 1e400 inf; do
    "$bin" eval --param "iec2011.threshold=$v" "$case1" >/dev/null 2>"$tmp/err"; status=$?
    check "--param iec2011.threshold='$v' is refused as no number, as abc is (exit 3)" \
        '[ $status -eq 3 ] && grep -q "must be a number" "$tmp/err"' "$(cat "$tmp/err")"
done
for v in 74 -7.4e1 .5 74.; do
    "$bin" eval --param "iec2011.threshold=$v" "$case1" >/dev/null 2>"$tmp/err"; status=$?
    check "--param iec2011.threshold=$v is a number" '[ $status -lt 2 ]' "$(cat "$tmp/err")"
done
# An option's value forgotten before the next option: not taken as a file.
(cd "$tmp" && "$bin" summary --html --param iec2011.threshold=60 "$case1" >/dev/null 2>"$tmp/err"); status=$?
check "summary --html --param X: exit 2, the value named missing, no file '--param' written" \
    '[ $status -eq 2 ] && grep -q "option '"'--html'"' needs a value before --param" "$tmp/err" && [ ! -e "$tmp/--param" ]'
(cd "$tmp" && "$bin" batch -o --format csv "$case1" >/dev/null 2>"$tmp/err"); status=$?
check "batch -o --format csv: exit 2, nothing written" \
    '[ $status -eq 2 ] && grep -q "option '"'-o'"' needs a value before --format" "$tmp/err" && [ ! -e "$tmp/--format" ]'
(cd "$tmp" && "$bin" batch --output=--rules "$case1" >/dev/null 2>"$tmp/err"); status=$?
check "an explicit --output=--rules is a file name" '[ $status -eq 0 ] && [ -s "$tmp/--rules" ]'
(cd "$tmp" && "$bin" batch -o ./--param "$case1" >/dev/null 2>&1); status=$?
check "-o ./--param writes that file" '[ $status -eq 0 ] && [ -s "$tmp/--param" ]'

# --- --color and the environment -------------------------------------------
has_colour() { grep -qF $'\033[' "$1"; }
"$bin" eval --color=always "$case1" >"$tmp/out"
check "eval --color=always colours a pipe" 'has_colour "$tmp/out"'
"$bin" eval --color "$case1" >"$tmp/out"
check "eval --color alone means always" 'has_colour "$tmp/out"'
NO_COLOR=1 "$bin" --color=always eval "$case1" >"$tmp/out"
check "--color=always before the command, over NO_COLOR" 'has_colour "$tmp/out"'
"$bin" eval "$case1" >"$tmp/out"
check "eval on a pipe: no colour" '! has_colour "$tmp/out"'
# On a terminal (script(1) gives one): auto colours unless NO_COLOR or TERM=dumb.
if command -v script >/dev/null; then
    on_tty() { script -qec "$*" /dev/null </dev/null >"$tmp/out" 2>&1; }
    on_tty env TERM=xterm "$bin" eval "$case1"
    check "eval on a terminal: colour" 'has_colour "$tmp/out"'
    on_tty env TERM=xterm NO_COLOR=1 "$bin" eval "$case1"
    check "eval on a terminal with NO_COLOR: none" '! has_colour "$tmp/out"'
    on_tty env TERM=dumb "$bin" eval "$case1"
    check "eval on a terminal with TERM=dumb: none" '! has_colour "$tmp/out"'
    on_tty env TERM=xterm "$bin" eval --color=never "$case1"
    check "eval on a terminal with --color=never: none" '! has_colour "$tmp/out"'
else
    not_ok "script(1) (bsdutils) is needed for the terminal colour tests"
fi

# --- the exit-status table: --help and README.md agree --------------------
# Rows "  N  text" with continuation lines joined, against README's
# "| N | text |" rows.
sed -n '/^exit status:/,$p' "$tmp/usage" | tail -n +2 |
    awk '/^  [0-9]  /{if(row)print row; row=$1 " " substr($0,6); next} {sub(/^ +/,""); row=row " " $0} END{print row}' >"$tmp/help-exit"
awk '/^### Exit status/{on=1;next} on&&/^\| [0-9] \|/{n=$2; sub(/^\| [0-9] \| /,""); sub(/ \|$/,""); print n " " $0} on&&/^#/{on=0}' "$src/README.md" >"$tmp/readme-exit"
check "the exit statuses of --help and README.md are the same rows" \
    '[ -s "$tmp/help-exit" ] && diff -u "$tmp/help-exit" "$tmp/readme-exit" >"$tmp/err"'

# --- README's synopsis block names each command's own options ----------------
# The block under "## The program": for every command, the options it shows
# must exist in CMD --help, and every option of CMD --help must be shown
# there, except those common to all commands (README lists them below it).
common=' --rules --param --as-of --max-instructions --max-memory --max-cpu-ms --color --help --output --version --rules-new --param-new --results '
awk '/^## The program/{on=1;next} on&&/^```/{n++; if(n==2)exit; next} on&&n==1' "$src/README.md" |
    awk '/^nmsrules [a-z]/{cmd=$2} cmd&&cmd!="version"&&cmd!="help"{print cmd " " $0}' >"$tmp/synopsis"
synopsis_ok=1
for c in $(cut -d' ' -f1 "$tmp/synopsis" | sort -u); do
    shown=$(grep "^$c " "$tmp/synopsis" | grep -o -- '--[a-z][a-z-]*' | sort -u)
    "$bin" "$c" --help >"$tmp/chelp" 2>&1
    own=$(grep -o -- '--[a-z][a-z-]*' "$tmp/chelp" | sort -u)
    for o in $shown; do
        grep -qx -- "$o" <<<"$own" || { echo "README shows $c $o, which $c --help does not have" >>"$tmp/err"; synopsis_ok=0; }
    done
    # "-j, --jobs N" may be shown as -j.
    while read -r short o; do
        case "$common" in *" $o "*) continue ;; esac
        grep -qx -- "$o" <<<"$shown" && continue
        [ "$short" != - ] && grep "^$c " "$tmp/synopsis" | grep -q -- "\[$short[] ]" && continue
        echo "$c --help has $o, which README's synopsis of $c does not show" >>"$tmp/err"; synopsis_ok=0
    done < <(sed -n 's/^  \(-[a-zA-Z]\), \(--[a-z][a-z-]*\).*/\1 \2/p; s/^  \(--[a-z][a-z-]*\).*/- \1/p' "$tmp/chelp" | sort -u)
done
check "README's synopsis shows each command's own options, and only those" \
    '[ -s "$tmp/synopsis" ] && [ $synopsis_ok = 1 ]'

# --- CSV line ends -----------------------------------------------------------
"$bin" batch --format csv "$case1" >"$tmp/crlf.csv"
"$bin" batch --format csv --csv-eol lf "$case1" >"$tmp/lf.csv"
check "CSV: CRLF by default (RFC 4180), on every line" \
    '[ "$(grep -c $'"'"'\r$'"'"' "$tmp/crlf.csv")" -eq 2 ]'
check "CSV --csv-eol lf: no CR, otherwise the same bytes" \
    '! grep -q $'"'"'\r'"'"' "$tmp/lf.csv" && [ "$(tr -d "\r" <"$tmp/crlf.csv")" = "$(cat "$tmp/lf.csv")" ]'
: >"$tmp/empty.json"
"$bin" batch --format csv --csv-eol lf "$tmp/empty.json" >"$tmp/out" 2>/dev/null
check "CSV with no cases: the header alone, with the chosen line end" \
    '[ "$(wc -l <"$tmp/out")" -eq 1 ] && ! grep -q $'"'"'\r'"'"' "$tmp/out"'

finish
