#!/usr/bin/env bash
# libnmsrules.so exports exactly the functions of include/nms/, listed in
# core/libnmsrules.map, under the SONAME libnmsrules.so.0.
#
#   bash tests/pkg/library.sh BUILD/libnmsrules.so SOURCE_DIR
set -u
lib=$1
src=$2
# shellcheck source=../harness.sh
source "$src/tests/harness.sh"
# Every function declared in a public header (comments removed first).
perl -0777 -ne 's{/\*.*?\*/}{}gs; print "$1\n" while /\b(nms_\w+)\s*\(/g' \
    "$src"/include/nms/*.h | sort -u >"$tmp/headers"
grep -o '^ *nms_[a-z0-9_]*;' "$src/core/libnmsrules.map" | tr -d ' ;' | sort >"$tmp/map"
nm -D --defined-only "$lib" | awk '$2 == "T" {sub(/@.*/, "", $3); print $3}' | sort >"$tmp/exported"
nm -D --defined-only "$lib" | awk '$2 != "T" && $2 != "A" {print}' >"$tmp/others"

check "the symbol map lists the functions of include/nms/ (no more, no fewer)" \
    'diff -u "$tmp/headers" "$tmp/map" >"$tmp/err"'
check "the library exports the functions of the map, and no other function" \
    'diff -u "$tmp/map" "$tmp/exported" >"$tmp/err"'
check "the library exports no data symbols" '! [ -s "$tmp/others" ] || { cp "$tmp/others" "$tmp/err"; false; }'
check "the internals are hidden (nms_eval_case, nms_digest_dir are not exported)" \
    '! grep -qx -e nms_eval_case -e nms_digest_dir "$tmp/exported"'
check "SONAME libnmsrules.so.0" \
    'readelf -d "$lib" | grep -q "SONAME.*\[libnmsrules\.so\.0\]"'
check "the library needs Lua, cJSON and nettle, not readline" \
    'readelf -d "$lib" >"$tmp/dyn"; grep -q liblua5.4 "$tmp/dyn" && grep -q libcjson "$tmp/dyn" && ! grep -q readline "$tmp/dyn"'
finish
