#!/usr/bin/env bash
# The rule-authoring commands end to end (check, test, params, doc, diff)
# on the tiny ruleset (tests/data/rules/tiny), its broken overlays (made
# below from it) and its next version tiny_new: standard output, then
# standard error, then the exit status, compared with
# tests/authoring/expected/NAME.
#
#   bash tests/authoring/run.sh BUILD/nmsrules SOURCE_DIR
#
# NMS_UPDATE_GOLDEN=1 rewrites the expected files (review the diff).
# NMS_WRAPPER runs the program under a tool (valgrind in .ci/run).
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
src=$(cd "$2" && pwd)
expected=$src/tests/authoring/expected
tiny=tests/data/rules/tiny
lint=tests/data/rules/lint
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0
failed=0

# The rulesets made from tiny, so that a change to tiny reaches them all:
# they live in $tree, a tree of the same layout as the source (everything
# else in it a link to the source's), where the program runs, so the paths
# it prints are the source tree's.
tree=$tmp/tree
rules=$tree/$(dirname $tiny)
mkdir -p "$rules"
for dir in . tests tests/data tests/data/rules; do
    for entry in "$src/$dir"/*; do
        # (the folders on the way to $rules are made above; lint and
        # tiny_new are made below)
        [ -e "$tree/$dir/${entry##*/}" ] && continue
        case $dir/${entry##*/} in */rules/lint | */rules/tiny_new) continue ;; esac
        ln -s "$entry" "$tree/$dir/${entry##*/}"
    done
done
# tiny_new is tiny (without its tests) with its own manifest and params.
cp -R "$src/$tiny" "$rules/tiny_new"
rm -rf "$rules/tiny_new/tests"
cp "$src/tests/data/rules/tiny_new/"*.lua "$rules/tiny_new/"
# Each broken ruleset is an overlay of tiny holding only the files it
# breaks: the files tiny has not are in tests/data/rules/lint/KIND, those it
# has are tiny's with the edit below.
cp -R "$src/$lint" "$rules/lint"

# breaks KIND FILE SED-ARGS...: lint/KIND/FILE is tiny's FILE edited by sed
# (an edit that no longer finds its place in tiny fails the test).
breaks() {
    local kind=$1 file=$2 made=$rules/lint/$1/$2
    shift 2
    mkdir -p "$(dirname "$made")"
    sed "$@" "$src/$tiny/$file" >"$made"
    if cmp -s "$src/$tiny/$file" "$made"; then
        failed=$((failed + 1))
        echo "not ok - lint/$kind/$file: the edit changed nothing in $tiny/$file"
    fi
}
breaks syntax lib/flag.lua -e '/^  end$/d'
breaks typos ruleset.lua -e '/^  criteria = /i\  criterias = { "criteria.score" },'
breaks typos params.lua \
    -e 's/doc = "points the score set needs",$/doc = "points the score set needs", unti = "points",/'
breaks typos criteria/score.lua -e '/^local flag = /a\local drugs = require "drugs"' \
    -e 's/{ id = "dehydrated", points = 1,/{ id = "dehydrated", ponts = 1, points = 1,/'
breaks typos criteria/rule.lua \
    -e 's/{ id = "major", title = "Major" }/{ id = "major", title = "Major", tilte = "Major" }/' \
    -e 's/{ level = "probable", need/{ levle = "probable", level = "probable", need/'
breaks drug_file criteria/score.lua -e '/^local flag = /a\local drugs = require "drugs"'
breaks metadata params.lua -e '/"rule.minor_needed"/{N;s/,\n *source = "test only" }/ }/}'
breaks metadata criteria/score.lua -e 's/citation = "test only"/citation = ""/'
breaks metadata criteria/rule.lua -e 's/title = "Exhaustion"/title = " "/'
breaks unreachable params.lua -e 's/value = 2, unit = "points"/value = 5, unit = "points"/'
breaks unreachable criteria/score.lua -e '/^  kind = "points",$/a\  total = 5,'
breaks unreachable criteria/rule.lua \
    -e '/level = "probable"/a\    { level = "possible", need = { major = 1, minor = 2 } },'
breaks feature criteria/rule.lua -e 's/feature = "agitation"/feature = "agitaton"/'
breaks unused params.lua -e '/"score.threshold"/{n;a\
  ["score.bonus"] = { value = 1, unit = "points", doc = "never read", source = "test only" },
}'
breaks case_field lib/flag.lua -e 's/case\.history\[name\]/case.histroy and case.history[name]/'
breaks global lib/flag.lua -e 's/"history\." \.\. name/"history." .. nmae/'
breaks module_field criteria/score.lua -e '/^local flag = /a\local words = require "lib.words"' \
    -e 's/check = flag("agitation")/check = function(case) return flag(words.siad("agitation"))(case) end/'
breaks drugs criteria/score.lua -e '/^local flag = /a\local drugs = require "lib.drugs"'
breaks bad_status ruleset.lua -e '/^  version = /a\  status = "final",'

# golden NAME ARGS...: runs the program in $tree.
golden() {
    local name=$1
    shift
    (cd "$tree" && ${NMS_WRAPPER:-} "$bin" "$@") >"$tmp/out" 2>"$tmp/err"
    echo "exit $?" >>"$tmp/err"
    cat "$tmp/out" "$tmp/err" |
        sed -e 's/sha256:[0-9a-f]\{64\}/sha256:DIGEST/g' >"$tmp/$name"
    if [ "${NMS_UPDATE_GOLDEN:-}" = 1 ]; then
        cp "$tmp/$name" "$expected/$name"
    fi
    if diff -u "$expected/$name" "$tmp/$name" >"$tmp/diff"; then
        passed=$((passed + 1))
        echo "ok - $name"
    else
        failed=$((failed + 1))
        echo "not ok - $name"
        head -40 "$tmp/diff" | sed 's/^/  /'
    fi
}

golden check-clean check --rules $tiny
for kind in syntax typos metadata unreachable feature unused case_field global module_field drugs drug_file; do
    golden check-$kind check --rules $tiny --rules $lint/$kind
done
golden check-drug-row check --rules $tiny --rules $lint/drugs --rules $lint/drug_row
golden check-bad-status check --rules $tiny --rules $lint/bad_status
# The default ruleset's drug index: a name keyed the quick way (one plain
# word) and one keyed by segmenting must meet.
golden check-drug-keys check --rules rules --rules tests/data/rules/drug_keys
golden check-always check --rules $tiny --param score.threshold=0
golden check-operand check --rules $tiny extra

golden test-coverage test --rules $tiny --coverage
golden test-failing test --rules $tiny tests/authoring/failing.json
golden test-min-coverage test --rules $tiny --min-coverage 95
golden test-verbose test --rules $tiny -v
golden test-missing test --rules $tiny no/such/file.json

golden params-tiny params --rules $tiny
golden params-override params --rules $tiny --param score.threshold=3
golden params-unknown params --rules $tiny --param score.thresold=3
golden doc-md doc --rules $tiny
golden doc-html doc --rules $tiny --format html
golden doc-bad-format doc --rules $tiny --format pdf

# A rule change that moves three of the six cases of cohort.jsonl.
golden diff-text diff --rules $tiny --rules-new tests/data/rules/tiny_new tests/authoring/cohort.jsonl
golden diff-json diff --rules $tiny --rules-new tests/data/rules/tiny_new --format json tests/authoring/cohort.jsonl
golden diff-param diff --rules $tiny --param-new rule.minor_needed=2 tests/authoring/cohort.jsonl
golden diff-same diff --rules $tiny --rules-new $tiny tests/authoring/cohort.jsonl
golden diff-no-new diff --rules $tiny tests/authoring/cohort.jsonl
# Two result files of earlier runs (tiny, then tiny_new without the case
# "nothing" and with a case of its own), paired by id.
golden diff-results diff --results tests/authoring/results-old.jsonl tests/authoring/results-new.json
golden diff-results-json diff --results --format json tests/authoring/results-old.jsonl \
    tests/authoring/results-new.json
golden diff-results-one diff --results tests/authoring/results-old.jsonl

# The audit trail: a testing ruleset is marked in every record, in the
# report and once on stderr; every record names the input's hash, the
# engine, Lua, the overrides and the as-of time.
golden audit-eval-testing eval --rules tests/data/rules/tiny_new --param rule.minor_needed=2 \
    --as-of 10 tests/authoring/one-case.json
golden audit-json-testing eval --rules tests/data/rules/tiny_new --format json --compact \
    --param rule.minor_needed=2 --as-of 10 tests/authoring/one-case.json
golden audit-csv batch --rules tests/data/rules/tiny_new --format csv tests/authoring/cohort.jsonl

# A site overlay: --rules given twice, the later directory's params.lua
# replaces the shipped one; the result names both directories.
golden overlay-eval eval --rules $tiny --rules tests/data/rules/tiny_site tests/authoring/one-case.json
golden overlay-json eval --rules $tiny --rules tests/data/rules/tiny_site --format json --compact \
    tests/authoring/one-case.json
golden overlay-params params --rules $tiny --rules tests/data/rules/tiny_site
golden overlay-missing eval --rules $tiny --rules no/such/dir tests/authoring/one-case.json

# The default ruleset's reference lists each depot product told by strength
# (drugs/depot.lua by_strength) with its words, strengths and duration: the
# table of depot products alone left the 2-monthly Maintena rule unsaid.
"$bin" doc --rules "$src/rules" >"$tmp/reference.md" 2>/dev/null
row='| `aripiprazole_2m` | aripiprazole 2-monthly (EU: Abilify Maintena 720 mg or 960 mg) | maintena, monohydrate | 720, 960 | yes | 1464 |'
if grep -q '^### Depot products told by strength$' "$tmp/reference.md" &&
    grep -qF "$row" "$tmp/reference.md"; then
    passed=$((passed + 1)); echo "ok - doc lists the depot products told by strength"
else
    failed=$((failed + 1)); echo "not ok - doc lists the depot products told by strength"
fi

# `nmsrules help CMD` is `nmsrules CMD --help`.
for cmd in check test params doc diff; do
    if [ "$("$bin" help $cmd)" = "$("$bin" $cmd --help)" ]; then
        passed=$((passed + 1)); echo "ok - help $cmd"
    else
        failed=$((failed + 1)); echo "not ok - help $cmd differs from $cmd --help"
    fi
done

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
