#!/usr/bin/env bash
# The committed references of the default ruleset are current: what
# `nmsrules doc` and `nmsrules params --format md` write from rules/ now is
# byte for byte docs/reference.md and docs/parameters.md; and the links of
# the documentation lead somewhere (links.py, when python3 is installed).
#
#   bash tests/authoring/docs.sh BUILD/nmsrules SOURCE_DIR
set -u
bin=$1
cd "$2" || exit 2
status=0
check() {
    local file=$1
    shift
    if ! "$bin" "$@" --rules rules | diff -u "$file" - >/dev/null; then
        echo "$file is stale: regenerate it with nmsrules $* --rules rules -o $file" >&2
        status=1
    fi
}
check docs/reference.md doc
check docs/parameters.md params --format md
if command -v python3 >/dev/null; then
    python3 "$(dirname "$0")/links.py" . >&2 || status=1
fi
exit $status
