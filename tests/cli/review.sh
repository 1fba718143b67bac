#!/usr/bin/env bash
# The outcomes the session-16 clinical review settled (rules/CHANGES.md,
# 0.3.5), end to end over its case records (tests/data/review/, each
# modelled on a published case report or a textbook look-alike). The rule
# tests pin each rule; this checks what a clinician reads for the whole
# record: the tier, whether NMS management is proposed, and the verdicts
# the findings were about. Where a case's outcome is here, it is what the
# source expects (the record's label.expect).
#
#   bash tests/cli/review.sh BUILD/nmsrules SOURCE_DIR
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
src=$(cd "$2" && pwd)
# shellcheck source=../harness.sh
source "$src/tests/harness.sh"
cases=$src/tests/data/review

"$bin" batch --rules "$src/rules" "$cases"/*.json >"$tmp/records" 2>"$tmp/err"
status=$?
"$bin" batch --rules "$src/rules" --format csv --csv-eol lf --label-columns none \
    "$cases"/*.json >"$tmp/rows" 2>>"$tmp/err"
n_cases=$(ls "$cases"/*.json | wc -l)
check "every review case gives a result, none an error record (exit 0)" \
    '[ $status -eq 0 ] && [ "$(wc -l <"$tmp/records")" -eq "$n_cases" ] && ! grep -q "\"error\":" "$tmp/records"'

# column NAME ID: the CSV cell of case ID under header NAME.
column() {
    awk -F, -v name="$1" -v id="$2" '
        NR == 1 { for (i = 1; i <= NF; i++) if ($i == name) c = i; next }
        $1 == id { print $c }' "$tmp/rows"
}
# record ID: the JSON record of case ID (one line).
record() { grep "^{\"id\":\"$1\"" "$tmp/records"; }
manages() { record "$1" | grep -q 'Discontinue all antipsychotics'; }

# Finding 2: a cause the work-up found is not outweighed by mild rigidity.
check "r18b pneumonia on clozapine, mild rigidity: tier none, clozapine not stopped" \
    '[ "$(column severity_tier r18b-pneumonia-clozapine-incontinent)" = none ] && ! manages r18b-pneumonia-clozapine-incontinent'
# Finding 3: a pending work-up decides nothing, and is said so.
check "r19 sepsis with cultures pending: undecided, sepsis treated first, clozapine not stopped" \
    '[ "$(column severity_result r19-sepsis-pending-clozapine-mild-rigidity)" = indeterminate ] && record r19-sepsis-pending-clozapine-mild-rigidity | grep -q "Infection work-up pending" && ! manages r19-sepsis-pending-clozapine-mild-rigidity'
check "r19's evidence never says the work-up found nothing" \
    '! record r19-sepsis-pending-clozapine-mild-rigidity | grep -q "no other cause found by the work-up"'
# Finding 1: 100.4 °F is 38.0 °C, not above it.
check "r41 two readings of exactly 100.4 °F: IEC 2011 not met, no bromocriptine" \
    '[ "$(column iec2011_result r41-fahrenheit-100.4-boundary)" = not_met ] && ! record r41-fahrenheit-100.4-boundary | grep -q "Add bromocriptine"'
# Finding 4: a drug first given after the fever is not its exposure.
check "r45 haloperidol first given after the fever: IEC 2011 not met, no NMS management" \
    '[ "$(column iec2011_result r45-haloperidol-after-fever-delirium)" != met ] && ! manages r45-haloperidol-after-fever-delirium'
# Finding 6: one reading charted twice is one occasion.
check "r44 a reading charted twice: not the moderate tier (no bromocriptine, no dantrolene)" \
    '[ "$(column severity_tier r44-duplicate-reading)" != moderate ] && ! record r44-duplicate-reading | grep -q "Add bromocriptine"'
# Finding 5: valproate is not a serotonergic agent.
check "r40 classic NMS on haloperidol with Depakote: not serotonin toxicity, NMS managed" \
    '[ "$(column serotonin_hunter_result r40-valproate-haloperidol-nms-tremor)" = not_met ] && manages r40-valproate-haloperidol-nms-tremor'
# Finding 9: sympathomimetic toxicity gets its own first steps.
check "r21 cocaine toxicity: its first steps (benzodiazepines, cooling), no NMS management" \
    'record r21-cocaine-olanzapine-im | grep -q "Sympathomimetic toxicity first steps" && ! manages r21-cocaine-olanzapine-im'
# Findings 10 and 13: Cisordinol known; CK in ukat/L read.
check "r29b classic NMS on Cisordinol: the drug known, NMS managed" \
    '[ "$(column warnings r29b-cisordinol-ck-ul)" = 0 ] && manages r29b-cisordinol-ck-ul'
check "r29 CK in ukat/L: a result, CK elevation decided" \
    'record r29-ck-ukat | grep -q "\"id\":\"ck_elevation\",\"value\":true"'
# Finding 12: DSM-IV-TR's neuroleptic window is 7 days.
check "r43 oral haloperidol stopped 5 days before: DSM-IV-TR met (criterion A's neuroleptic within 7 days)" \
    '[ "$(column dsm4tr_result r43-oral-haloperidol-stopped-5d)" = met ]'
# Finding 11: a criteria set met without a dopamine antagonist says so
# (session 17), and its published verdict stands by default.
check "r15 catatonia after benzodiazepine withdrawal: IEC 2011 and Levenson met, each without exposure" \
    '[ "$(column iec2011_result r15-catatonia-benzo-withdrawal)" = met ] && [ "$(column iec2011_exposure r15-catatonia-benzo-withdrawal)" = false ] && [ "$(column levenson1985_exposure r15-catatonia-benzo-withdrawal)" = false ] && record r15-catatonia-benzo-withdrawal | grep -q "\"presupposition\":{\"id\":\"exposure\",\"title\":[^}]*\"value\":false"'
check "r43 haloperidol stopped 5 days before: IEC 2011 met without its 72 h exposure; Levenson (7 days) unqualified" \
    '[ "$(column iec2011_exposure r43-oral-haloperidol-stopped-5d)" = false ] && [ "$(column levenson1985_exposure r43-oral-haloperidol-stopped-5d)" = true ]'
check "r15's report: the summary says which sets are met without exposure" \
    '"$bin" eval --rules "$src/rules" "$cases/r15-catatonia-benzo-withdrawal.json" | grep -q "^  met without exposure: *iec2011, levenson1985 "'
check "r15 with iec2011.require_exposure=true: IEC 2011 not met, the others as published" \
    '"$bin" batch --rules "$src/rules" --param iec2011.require_exposure=true --format csv --label-columns none "$cases/r15-catatonia-benzo-withdrawal.json" | awk -F, "NR==2 { exit !(\$3 == \"not_met\") }" && [ "$(column levenson1985_result r15-catatonia-benzo-withdrawal)" = met ]'
for id in r03-metoclopramide-child-misspelt r26-haldol-decanoate-3wk r34-severe-modecate; do
    check "$id classic NMS: every met criteria set unqualified (exposure true)" \
        '! record "$id" | grep -q "\"presupposition\"" && [ "$(column iec2011_exposure "$id")" = true ]'
done
check "r15's timeline marks the rows and first met of sets met without exposure (met*), with the legend; a classic NMS has none" \
    '"$bin" timeline --rules "$src/rules" "$cases/r15-catatonia-benzo-withdrawal.json" >"$tmp/tl15" && grep -q "^  2025-11-30T20:00Z .* 80 met\*  *no  *met\* " "$tmp/tl15" && grep -q "first met: iec2011 2025-11-30T20:00Z\*;" "$tmp/tl15" && grep -q "^  \* met without what the set presupposes" "$tmp/tl15" && ! "$bin" timeline --rules "$src/rules" "$src/examples/cases/01-haloperidol-classic.json" | grep -q "met\*"'
check "r15 in the REPL: the first summary and .why say met without exposure" \
    '(cd "$cases" && printf ".load r15-catatonia-benzo-withdrawal.json\n.why levenson1985\n" | "$bin" repl --rules "$src/rules" 2>&1) | grep -q "^NMS criteria met: iec2011 80 (without exposure), levenson1985 (without exposure);" && (cd "$cases" && printf ".load r15-catatonia-benzo-withdrawal.json\n.why levenson1985\n" | "$bin" repl --rules "$src/rules" 2>&1) | grep -q "^  without exposure (the verdict stands): no dopamine antagonist"'
# Finding 15: DSM-IV-TR waiting on criterion D is said in the summary.
check "r04 classic NMS without a psychiatric assessment: the summary names DSM-IV-TR's one open item" \
    '"$bin" eval --rules "$src/rules" "$cases/r04-promethazine-phenergan.json" | grep -q "^    dsm4tr waits on not_mental_disorder only: the psychiatric assessment (workup.psychiatric)"'

# What the review found right must stay so.
check "r05 levodopa withdrawal: restore the drug first, no antipsychotic to stop" \
    'record r05-phs-sinemet-nbm | grep -q "\"text\":\"Restore the withdrawn dopaminergic drug" && ! manages r05-phs-sinemet-nbm'
for id in r02-aripiprazole-brief-postop r26-haldol-decanoate-3wk r30-midnight-offsets \
          r33-tetrabenazine-huntington r36-postop-droperidol-nms-not-mh; do
    check "$id classic NMS: NMS management proposed" 'manages "$id"'
done
check "r34 severe NMS on Modecate: tier severe" '[ "$(column severity_tier r34-severe-modecate)" = severe ]'
for id in r07-ss-linezolid-sertraline r10-anticholinergic-benadryl-olanzapine \
          r13-heatstroke-chlorpromazine r17-hsv-encephalitis-risperidone; do
    check "$id look-alike: no NMS management" '! manages "$id" && [ "$(column severity_tier "$id")" = none ]'
done

# The second review (session 17, tests/data/review2/): every record is a
# valid case, one result each; and the finding fixed then stays fixed.
cases2=$src/tests/data/review2
"$bin" batch --rules "$src/rules" --format csv --label-columns none "$cases2"/*.json >"$tmp/r2.csv" 2>"$tmp/r2.err"; status=$?
check "the second review's records: one result row each, no error record, exit 0" \
    '[ $status -eq 0 ] && [ "$(($(wc -l <"$tmp/r2.csv") - 1))" -eq "$(ls "$cases2"/*.json | wc -l)" ]' "$(cat "$tmp/r2.err")"
check "q05b parkinsonism-hyperpyrexia on a dose reduction: reinstitute, with cooling, IV fluids for its rhabdomyolysis (CK 21 x ULN) and no succinylcholine" \
    '"$bin" batch --rules "$src/rules" "$cases2/q05b-phs-one-course-dose-reduction.json" | grep -q "reinstitute the antiparkinsonian drug.*External cooling for hyperthermia.*Intravenous fluid resuscitation: rhabdomyolysis is present.*Avoid succinylcholine"'

finish
