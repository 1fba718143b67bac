# lib.sh - what the command tests share (sourced): a temporary directory
# removed at exit, TAP-like "ok - NAME" / "not ok - NAME" lines, and the
# closing count and status.
#
#   check NAME 'SHELL TEST' [DETAIL...]   ok when the test succeeds, else
#                                         not ok with the details indented
#   finish                                prints the counts; fails if any
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0
failed=0

ok() { passed=$((passed + 1)); echo "ok - $1"; }
not_ok() { failed=$((failed + 1)); echo "not ok - $1"; [ $# -gt 1 ] && printf '  %s\n' "${@:2}"; }
check() { if eval "$2"; then ok "$1"; else not_ok "$1" "${@:3}"; fi; }
finish() {
    echo "$passed passed, $failed failed"
    [ "$failed" -eq 0 ]
}
