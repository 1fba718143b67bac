# harness.sh - what the shell tests of tests/cli/conventions.sh and
# tests/pkg/ share; sourced, not run. A scratch directory $tmp removed at
# exit, the counters, and the closing "N passed, N failed" line that CI
# reads.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0 failed=0

ok() { passed=$((passed + 1)); echo "ok - $1"; }

# not_ok NAME [DETAIL...]: a failure, with its details indented below.
not_ok() {
    failed=$((failed + 1))
    echo "not ok - $1"
    if [ $# -gt 1 ]; then printf '  %s\n' "${@:2}"; fi
}

# check NAME CONDITION: CONDITION is eval'd; when it fails, what the test
# left in $tmp/err is shown. $tmp/err is emptied after each check.
check() {
    if eval "$2"; then ok "$1"; else
        not_ok "$1" "$(head -30 "$tmp/err" 2>/dev/null | cut -c1-300)"; fi
    : >"$tmp/err"
}

# The closing line; the exit status of the test.
finish() {
    echo "$passed passed, $failed failed"
    [ "$failed" -eq 0 ]
}
