#!/usr/bin/env bash
# Bash completion: sourced into bash, asked to complete a few command
# lines as bash would (COMP_WORDS, COMP_CWORD), from another directory.
#
#   bash tests/pkg/completion.sh BUILD/nmsrules SOURCE_DIR
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
src=$(cd "$2" && pwd)
# shellcheck source=../harness.sh
source "$src/tests/harness.sh"
# shellcheck source=/dev/null
source "$src/completion/nmsrules.bash"
complete -p nmsrules >/dev/null || { echo "not ok - the script registers no completion"; echo "0 passed, 1 failed"; exit 1; }
PATH=$(dirname "$bin"):$PATH

# completes WANT WORD...: the last WORD is the one being completed; WANT
# is the expected completions, sorted, space-separated.
completes() {
    local want=$1 got
    shift
    COMP_WORDS=("$@")
    COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
    COMP_LINE="$*"
    COMPREPLY=()
    _nmsrules 2>"$tmp/err"
    got=$(printf '%s\n' "${COMPREPLY[@]}" | sort | tr '\n' ' ' | sed 's/ $//')
    if [ "$got" = "$want" ] && ! [ -s "$tmp/err" ]; then
        ok "'$*' completes to '$want'"
    else
        not_ok "'$*' completes to '$got', expected '$want'" "$(cat "$tmp/err")"
    fi
}
cd "$tmp" || exit 1
mkdir cases && : >cases/a.json && : >cases/b.json
completes "batch" nmsrules ba
completes "accuracy batch check diff doc eval gen help params plot repl run summary test timeline version" nmsrules ""
completes "--color --compact" nmsrules eval --co
completes "--csv-eol" nmsrules batch --cs
completes "crlf lf" nmsrules batch --csv-eol ""
completes "csv" nmsrules batch --format c
completes "json text" nmsrules eval --format ""
completes "always auto" nmsrules eval --color = a
completes "cases/a.json cases/b.json" nmsrules batch cases/
completes "cases/a.json cases/b.json" nmsrules --rules "$src/rules" batch --compact cases/
completes "iec2011.threshold=" nmsrules batch --param iec2011.thr
completes "iec2011.threshold=" nmsrules --rules "$src/rules" batch --param iec2011.thr
completes "eval" nmsrules help ev
completes "--color --help --param --rules --version" nmsrules --
completes "" nmsrules batch --max-memory ""
# Set ids, for commands whose synopsis names a SET operand: those of the
# ruleset in use, read from its CSV header.
sets=$(_nmsrules_sets nmsrules | tr '\n' ' ')
case " $sets" in
*" iec2011 "*"severity "*"risk_factors "*"serotonin_hunter "*)
    ok "the set ids of the ruleset in use: $sets" ;;
*) not_ok "set ids: '$sets'" ;;
esac
finish
