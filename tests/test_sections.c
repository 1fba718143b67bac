/*
 * test_sections.c - the engine's rules for groups, checklists, severity
 * tiers with actions, differentials and concordance, driven through the
 * test ruleset tests/data/rules/sections, whose items echo case flags:
 *   pair (groups)   major a = history.prior_nms, b = dehydration;
 *                   minor c = agitation, d = catatonia, e = exhaustion;
 *                   definite: both major; probable: 1 major + 2 minor
 *   other (points)  f = prior_nms (feature alpha, like a), g = restraints
 *                   (feature gamma, like c); threshold 2
 *   severity        suspected = heat_exposure; severe = + seizures
 *   risk_factors    dehydration, agitation
 *   dx              exertion
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include <cmocka.h>

#include "nms/output.h"
#include "test_helpers.h"

struct fixture {
    struct nms_engine *e;
    struct nms_result *r;
};

static struct nms_result *run(void **state, const char *json)
{
    struct fixture *f = *state;

    nms_result_free(f->r);
    f->r = evaluate(f->e, json);
    return f->r;
}

static const struct nms_set *set(const struct nms_result *r, const char *id)
{
    const struct nms_set *s;

    assert_null(r->error);
    s = nms_result_set(r, id);
    assert_non_null(s);
    return s;
}

static void assert_could_be(const struct nms_set *s, const char *level)
{
    if (!level) {
        assert_int_equal(s->n_could_be, 0);
        return;
    }
    assert_int_equal(s->n_could_be, 1);
    assert_string_equal(s->could_be[0], level);
}

/* ---- groups ----------------------------------------------------------- */

static void groups_all_major_is_definite(void **state)
{
    const struct nms_set *s = set(
        run(state, "{\"history\": {\"prior_nms\": true, \"dehydration\": true}}"),
        "pair");

    assert_int_equal(s->result, NMS_VERDICT_MET);
    assert_string_equal(s->level, "definite");
    assert_could_be(s, NULL);
    assert_int_equal(s->groups[0].present, 2);
    assert_int_equal(s->groups[1].unknown, 3);
    assert_int_equal(s->groups[1].total, 3);
    assert_int_equal(s->section, NMS_SECTION_CRITERIA);
    assert_int_equal(s->kind, NMS_KIND_GROUPS);
}

static void groups_second_alternative_names_its_level(void **state)
{
    const struct nms_set *s = set(
        run(state, "{\"history\": {\"prior_nms\": true, \"dehydration\": false,"
                   " \"agitation\": true, \"catatonia\": true}}"),
        "pair");

    assert_int_equal(s->result, NMS_VERDICT_MET);
    assert_string_equal(s->level, "probable");
    assert_could_be(s, NULL);   /* definite is impossible: b is false */
}

static void groups_unknown_higher_level_is_listed(void **state)
{
    const struct nms_set *s = set(
        run(state, "{\"history\": {\"prior_nms\": true, \"agitation\": true,"
                   " \"catatonia\": true}}"),
        "pair");

    assert_string_equal(s->level, "probable");
    assert_could_be(s, "definite");
}

static void groups_every_alternative_false_is_not_met(void **state)
{
    const struct nms_set *s = set(
        run(state, "{\"history\": {\"prior_nms\": false, \"dehydration\": "
                   "false}}"),
        "pair");

    assert_int_equal(s->result, NMS_VERDICT_NOT_MET);
    assert_null(s->level);
    assert_could_be(s, NULL);
}

static void groups_count_one_short_with_unknowns_is_indeterminate(void **state)
{
    const struct nms_set *s = set(
        run(state, "{\"history\": {\"prior_nms\": true, \"dehydration\": false,"
                   " \"agitation\": true}}"),
        "pair");

    assert_int_equal(s->result, NMS_VERDICT_INDETERMINATE);
    assert_could_be(s, "probable");
}

static void groups_count_one_short_without_unknowns_is_not_met(void **state)
{
    const struct nms_set *s = set(
        run(state, "{\"history\": {\"prior_nms\": true, \"dehydration\": false,"
                   " \"agitation\": true, \"catatonia\": false,"
                   " \"exhaustion\": false}}"),
        "pair");

    assert_int_equal(s->result, NMS_VERDICT_NOT_MET);
}

/* ---- concordance -------------------------------------------------------- */

static void concordance_lists_features_the_sets_read_differently(void **state)
{
    struct nms_result *r = run(
        state, "{\"history\": {\"prior_nms\": true, \"agitation\": true,"
               " \"restraints\": false}}");

    assert_null(r->error);
    assert_int_equal(r->n_disagreements, 1);   /* alpha agrees: same flag */
    assert_string_equal(r->disagreements[0].feature, "gamma");
    assert_int_equal(r->disagreements[0].n, 2);
    assert_string_equal(r->disagreements[0].items[0], "pair.c");
    assert_int_equal(r->disagreements[0].values[0], NMS_TRI_TRUE);
    assert_string_equal(r->disagreements[0].items[1], "other.g");
    assert_int_equal(r->disagreements[0].values[1], NMS_TRI_FALSE);
}

static void concordance_unknown_against_known_is_a_disagreement(void **state)
{
    struct nms_result *r = run(state, "{\"history\": {\"agitation\": false}}");

    assert_int_equal(r->n_disagreements, 1);
    assert_int_equal(r->disagreements[0].values[1], NMS_TRI_UNKNOWN);
}

static void concordance_agreement_lists_nothing(void **state)
{
    struct nms_result *r = run(
        state, "{\"history\": {\"agitation\": true, \"restraints\": true}}");

    assert_int_equal(r->n_disagreements, 0);
}

/* ---- severity ----------------------------------------------------------- */

static void severity_tier_reasons_and_actions(void **state)
{
    const struct nms_set *s = set(
        run(state, "{\"history\": {\"heat_exposure\": true},"
                   " \"complications\": {\"seizures\": true}}"),
        "severity");

    assert_int_equal(s->section, NMS_SECTION_SEVERITY);
    assert_string_equal(nms_set_tier(s), "severe");
    assert_int_equal(s->n_reasons, 2);
    assert_string_equal(s->items[s->reasons[1]].id, "seizures");
    assert_int_equal(s->n_notes, 2);
    assert_string_equal(s->notes[0].text, "first for severe");
    assert_string_equal(s->notes[0].source, "test");
}

static void severity_unknown_complication_could_be_severe(void **state)
{
    const struct nms_set *s = set(
        run(state, "{\"history\": {\"heat_exposure\": true}}"), "severity");

    assert_string_equal(nms_set_tier(s), "mild");
    assert_could_be(s, "severe");
    assert_int_equal(s->n_reasons, 1);
    assert_string_equal(s->notes[0].text, "first for mild");
}

static void severity_not_suspected_is_none_without_actions(void **state)
{
    const struct nms_set *s = set(
        run(state, "{\"history\": {\"heat_exposure\": false}}"), "severity");

    assert_int_equal(s->result, NMS_VERDICT_NOT_MET);
    assert_string_equal(nms_set_tier(s), "none");
    assert_int_equal(s->n_notes, 0);
}

static void severity_malformed_actions_fail_the_case(void **state)
{
    struct nms_result *r = run(state, "{\"complications\": {\"dic\": true}}");

    assert_non_null(r->error);
    assert_string_equal(r->error->rule, "severity.actions");
    assert_non_null(strstr(r->error->file, "tiers.lua"));
    assert_int_equal(r->error->line, 25);   /* where actions is defined */
    assert_non_null(strstr(r->error->message, "actions must return a list"));
    assert_int_equal(r->n_sets, 0);
}

/* Without notes (CSV, the compact record, the cohort reports) the actions
 * still run, so the tier, its reasons and a failing action are what they
 * are with notes, but the notes they return are not kept: at `none` (CSV)
 * and at `decisive` (the compact record), where the decided items are
 * asked again after the actions ran quietly. */
static void severity_without_notes_keeps_the_verdict(void **state)
{
    static const enum nms_evidence levels[] = {
        NMS_EVIDENCE_NONE, NMS_EVIDENCE_DECISIVE
    };
    struct fixture *f = *state;
    const char *json = "{\"history\": {\"heat_exposure\": true},"
                       " \"complications\": {\"seizures\": true}}";
    const struct nms_set *s;
    struct nms_result *r;
    size_t k;

    for (k = 0; k < sizeof levels / sizeof *levels; k++) {
        nms_engine_set_evidence(f->e, levels[k]);
        s = set(run(state, json), "severity");
        assert_int_equal(s->n_notes, 2);     /* kept at every level */
        nms_engine_set_notes(f->e, 0);
        s = set(run(state, json), "severity");
        assert_string_equal(nms_set_tier(s), "severe");
        assert_int_equal(s->n_reasons, 2);
        assert_string_equal(s->items[s->reasons[1]].id, "seizures");
        assert_int_equal(s->n_notes, 0);
        assert_null(s->notes);
        r = run(state, "{\"complications\": {\"dic\": true}}");
        assert_non_null(r->error);
        assert_string_equal(r->error->rule, "severity.actions");
        assert_non_null(strstr(r->error->message,
                               "actions must return a list"));
        /* told that nobody reads the list (their fourth argument) */
        r = run(state, "{\"history\": {\"exhaustion\": true}}");
        assert_non_null(r->error);
        assert_string_equal(r->error->rule, "severity.actions");
        assert_non_null(strstr(r->error->message, "nobody reads the list"));
        nms_engine_set_notes(f->e, 1);
        s = set(run(state, "{\"history\": {\"exhaustion\": true}}"),
                "severity");
        assert_int_equal(s->n_notes, 1);
        assert_string_equal(s->notes[0].text, "read true");
    }
    nms_engine_set_evidence(f->e, NMS_EVIDENCE_ALL);
}

/* The severity set runs after every other set and reads their verdicts:
 * a met differential can take NMS out of suspicion, and the actions see
 * results, levels, scores, sections and the screen flag. */
static void severity_reads_the_verdicts_of_the_other_sets(void **state)
{
    const struct nms_set *s = set(
        run(state, "{\"history\": {\"heat_exposure\": true,"
                   " \"parkinson_disease\": true, \"exertion\": true}}"),
        "severity");

    assert_string_equal(nms_set_tier(s), "none");
    assert_string_equal(s->items[0].evidence, "explained by A differential");
    s = set(run(state, "{\"history\": {\"heat_exposure\": true,"
                       " \"parkinson_disease\": true, \"exertion\": false}}"),
            "severity");
    assert_string_equal(nms_set_tier(s), "mild");
    s = set(run(state, "{\"history\": {\"iron_deficiency\": true,"
                       " \"prior_nms\": true, \"dehydration\": true,"
                       " \"agitation\": true, \"restraints\": false}}"),
            "severity");
    assert_int_equal(s->n_notes, 1);
    assert_string_equal(s->notes[0].text,
                        "dx indeterminate screen=true; pair met definite; "
                        "other 1 of 1; risks 2");
    assert_string_equal(s->notes[0].source, "differential");
}

/* ---- the ruleset's warnings ------------------------------------------- */

/* The JSON record of case `json` with output `options` (free it). */
static char *output_json_with(void **state, const char *json, unsigned options)
{
    struct fixture *f = *state;
    struct nms_case *c = case_from(json);
    struct nms_result *r = NULL;
    char *out;

    assert_int_equal(nms_engine_evaluate(f->e, c, &r), NMS_OK);
    out = nms_output_json(c, r, nms_engine_ruleset(f->e), options);
    assert_non_null(out);
    nms_result_free(r);
    nms_case_free(c);
    return out;
}

static char *output_json(void **state, const char *json)
{
    return output_json_with(state, json, 0);
}

static void ruleset_warnings_follow_the_case_warnings(void **state)
{
    struct nms_result *r = run(
        state, "{\"medications\": [{\"drug\": \"aspirin\"},"
               " {\"drug\": \"mystery\"}], \"colour\": 1}");
    char *json;

    assert_null(r->error);
    assert_int_equal(r->n_warnings, 1);
    assert_string_equal(r->warnings[0].path, "medications[1].drug");
    assert_string_equal(r->warnings[0].kind, "unrecognised_drug");
    json = output_json(state, "{\"medications\": [{\"drug\": \"mystery\"}],"
                              " \"colour\": 1}");
    assert_non_null(strstr(json, "\"warnings\":[{\"path\":\"colour\""));
    assert_non_null(strstr(json, "{\"path\":\"medications[0].drug\","
                                 "\"message\":\"unrecognised drug 'mystery'\","
                                 "\"kind\":\"unrecognised_drug\"}]"));
    free(json);
}

static void ruleset_warnings_malformed_fail_the_case(void **state)
{
    struct nms_result *r =
        run(state, "{\"medications\": [{\"drug\": \"malformed\"}]}");

    assert_non_null(r->error);
    assert_string_equal(r->error->rule, "ruleset.warnings");
    assert_non_null(strstr(r->error->file, "notices.lua"));
    assert_non_null(strstr(r->error->message, "warnings entry 1 must have"));
    assert_int_equal(r->n_sets, 0);
    assert_int_equal(r->n_warnings, 0);
}

/* ---- checklist and differential ----------------------------------------- */

static void checklist_counts_present_items(void **state)
{
    const struct nms_set *s = set(
        run(state, "{\"history\": {\"dehydration\": true}}"), "risk_factors");

    assert_int_equal(s->kind, NMS_KIND_CHECKLIST);
    assert_true(s->score == 1);
    assert_int_equal(s->result, NMS_VERDICT_MET);
    assert_string_equal(s->items[0].source, "test source 1");
}

static void checklist_nothing_known_is_indeterminate(void **state)
{
    const struct nms_set *s = set(run(state, "{}"), "risk_factors");

    assert_true(s->score == 0);
    assert_int_equal(s->result, NMS_VERDICT_INDETERMINATE);
}

static void differential_met_with_nms_criteria_says_both(void **state)
{
    const struct nms_set *s = set(
        run(state, "{\"history\": {\"exertion\": true, \"prior_nms\": true,"
                   " \"dehydration\": true}}"),
        "dx");

    assert_int_equal(s->result, NMS_VERDICT_MET);
    assert_true(s->screen);
    assert_non_null(s->overlap);
    assert_string_equal(s->overlap,
                        "NMS criteria are also met (pair): both diagnoses "
                        "remain possible. Treat both.");
    assert_int_equal(s->n_notes, 1);
    assert_string_equal(s->notes[0].text, "onset in hours");
}

static void differential_alone_has_no_overlap(void **state)
{
    const struct nms_set *s = set(
        run(state, "{\"history\": {\"exertion\": true}}"), "dx");

    assert_int_equal(s->result, NMS_VERDICT_MET);
    assert_null(s->overlap);
}

static void output_shows_the_rule_of_a_groups_set(void **state)
{
    char *json = output_json(state, "{}");

    assert_non_null(strstr(json, "\"rule\":[{\"level\":\"definite\",\"need\":"
                                 "{\"major\":2}},{\"level\":\"probable\","
                                 "\"need\":{\"major\":1,\"minor\":2}}]"));
    assert_non_null(strstr(json, "\"tier\":\"none\""));
    free(json);
}

/* The compact record names what the ruleset fixes: an unknown decided
 * item waiting on its `needs` (these checks give no missing text of their
 * own) is null, where the full record copies the text; the concordance
 * keeps the disagreeing features by name, the values being the sets'. */
static void compact_record_names_needs_and_features(void **state)
{
    const char *json = "{\"history\": {\"agitation\": true}}";
    char *full = output_json(state, json);
    char *compact = output_json_with(state, json, NMS_OUTPUT_RECORD);

    assert_non_null(strstr(full, "\"missing\":[\"history.prior_nms\","
                                 "\"history.restraints\"]"));
    assert_non_null(strstr(full, "\"values\":{\"pair.c\":true,"
                                 "\"other.g\":null}"));
    assert_non_null(strstr(compact, "\"other\":{\"result\":\"indeterminate\","
                                    "\"score\":0,\"possible\":2,\"threshold\":2,"
                                    "\"unknown\":[\"f\",\"g\"],"
                                    "\"decided\":{\"f\":null,\"g\":null}}"));
    assert_non_null(strstr(compact, "\"concordance\":{\"disagreements\":"
                                    "[\"gamma\"]}"));
    assert_null(strstr(compact, "history.prior_nms"));
    free(full);
    free(compact);
}

/* ---- the ruleset's shape -------------------------------------------------- */

static void ruleset_lists_sets_in_section_order(void **state)
{
    struct fixture *f = *state;
    const struct nms_ruleset_info *rs = nms_engine_ruleset(f->e);
    static const char *const ids[] = {"pair", "other", "severity",
                                      "risk_factors", "dx"};
    size_t i;

    assert_int_equal(rs->n_sets, 5);
    for (i = 0; i < 5; i++)
        assert_string_equal(rs->sets[i].id, ids[i]);
    assert_int_equal(rs->sets[3].section, NMS_SECTION_RISK_FACTORS);
    assert_int_equal(rs->sets[4].kind, NMS_KIND_GROUPS);
}

static void load_error(const char *name, const char *message)
{
    struct nms_engine *e = NULL;
    char dir[1024];

    snprintf(dir, sizeof dir, "%s/rules/%s", NMS_TEST_DATA, name);
    assert_int_equal(nms_engine_new(&e, NULL), NMS_OK);
    assert_int_equal(nms_engine_load(e, dir), NMS_ERULES);
    if (!strstr(nms_engine_errmsg(e), message))
        fail_msg("'%s' does not contain '%s'", nms_engine_errmsg(e), message);
    nms_engine_free(e);
}

static void ruleset_need_of_undeclared_group_is_refused(void **state)
{
    (void)state;
    load_error("bad_need", "set.lua: set 'set': rule 1: 'need' names minor, "
                           "which is not a group of this set");
}

static void ruleset_checklist_among_criteria_is_refused(void **state)
{
    (void)state;
    load_error("bad_kind", "set.lua: set: a criteria set cannot be kind "
                           "\"checklist\"");
}

/* ---- what a criteria set presupposes (tests/data/rules/presupposes) ------ */

/* Runs `json` on the presupposes ruleset: loose (the published verdict
 * stands) and strict (it follows the presupposition), each met on
 * history.prior_nms and presupposing history.exertion. */
static struct nms_result *presupposes(const char *json)
{
    struct nms_engine *e = load_test_rules("presupposes");
    struct nms_result *r = evaluate(e, json);

    nms_engine_free(e);   /* a result outlives its engine */
    assert_null(r->error);
    return r;
}

static void presupposition_false_qualifies_a_met_set(void **state)
{
    struct nms_result *r = presupposes(
        "{\"history\": {\"prior_nms\": true, \"exertion\": false}}");
    const struct nms_set *loose = nms_result_set(r, "loose");
    const struct nms_set *strict = nms_result_set(r, "strict");

    (void)state;
    assert_int_equal(loose->result, NMS_VERDICT_MET);
    assert_non_null(loose->presupposition);
    assert_string_equal(loose->presupposition->id, "exertion");
    assert_int_equal(loose->presupposition->value, NMS_TRI_FALSE);
    assert_string_equal(loose->presupposition->evidence,
                        "history.exertion is false");
    assert_false(loose->presupposition_required);
    assert_int_equal(strict->result, NMS_VERDICT_NOT_MET);
    assert_true(strict->presupposition_required);
    assert_true(strict->score == 1);   /* the table's score stands */
    nms_result_free(r);
}

static void presupposition_unknown_leaves_a_required_verdict_open(void **state)
{
    struct nms_result *r =
        presupposes("{\"history\": {\"prior_nms\": true}}");
    const struct nms_set *loose = nms_result_set(r, "loose");
    const struct nms_set *strict = nms_result_set(r, "strict");

    (void)state;
    assert_int_equal(loose->result, NMS_VERDICT_MET);
    assert_int_equal(loose->presupposition->value, NMS_TRI_UNKNOWN);
    assert_string_equal(loose->presupposition->missing, "history.exertion");
    assert_int_equal(strict->result, NMS_VERDICT_INDETERMINATE);
    nms_result_free(r);
}

static void presupposition_not_asked_unless_met(void **state)
{
    struct nms_result *r = presupposes(
        "{\"history\": {\"prior_nms\": false, \"exertion\": false}}");
    struct nms_result *held = presupposes(
        "{\"history\": {\"prior_nms\": true, \"exertion\": true}}");

    (void)state;
    assert_int_equal(nms_result_set(r, "loose")->result, NMS_VERDICT_NOT_MET);
    assert_null(nms_result_set(r, "loose")->presupposition);
    assert_null(nms_result_set(r, "strict")->presupposition);
    assert_int_equal(nms_result_set(held, "strict")->result, NMS_VERDICT_MET);
    assert_int_equal(nms_result_set(held, "strict")->presupposition->value,
                     NMS_TRI_TRUE);
    assert_false(nms_result_equal(r, held));
    nms_result_free(r);
    nms_result_free(held);
}

static void presupposition_that_raises_fails_the_case(void **state)
{
    struct nms_engine *e = load_test_rules("presupposes");
    struct nms_result *r = evaluate(
        e, "{\"history\": {\"prior_nms\": true, \"restraints\": true}}");

    (void)state;
    assert_non_null(r->error);
    assert_string_equal(r->error->rule, "broken.exertion");
    assert_non_null(strstr(r->error->file, "broken.lua"));
    assert_non_null(strstr(r->error->message, "presupposition broke"));
    assert_int_equal(r->n_sets, 0);
    nms_result_free(r);
    nms_engine_free(e);
}

static void ruleset_presupposes_required_must_be_boolean(void **state)
{
    (void)state;
    load_error("bad_presupposes", "set.lua: set 'set': presupposes: field "
                                  "'required' must be a boolean");
}

static void ruleset_presupposes_only_in_criteria(void **state)
{
    (void)state;
    load_error("bad_presupposes_dx", "dx.lua: dx: 'presupposes' belongs to "
                                     "NMS criteria sets");
}

static int setup(void **state)
{
    static struct fixture f;

    f.e = load_test_rules("sections");
    f.r = NULL;
    *state = &f;
    return 0;
}

static int teardown(void **state)
{
    struct fixture *f = *state;

    nms_result_free(f->r);
    nms_engine_free(f->e);
    return 0;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(groups_all_major_is_definite),
        cmocka_unit_test(groups_second_alternative_names_its_level),
        cmocka_unit_test(groups_unknown_higher_level_is_listed),
        cmocka_unit_test(groups_every_alternative_false_is_not_met),
        cmocka_unit_test(groups_count_one_short_with_unknowns_is_indeterminate),
        cmocka_unit_test(groups_count_one_short_without_unknowns_is_not_met),
        cmocka_unit_test(concordance_lists_features_the_sets_read_differently),
        cmocka_unit_test(concordance_unknown_against_known_is_a_disagreement),
        cmocka_unit_test(concordance_agreement_lists_nothing),
        cmocka_unit_test(severity_tier_reasons_and_actions),
        cmocka_unit_test(severity_unknown_complication_could_be_severe),
        cmocka_unit_test(severity_not_suspected_is_none_without_actions),
        cmocka_unit_test(severity_reads_the_verdicts_of_the_other_sets),
        cmocka_unit_test(severity_malformed_actions_fail_the_case),
        cmocka_unit_test(severity_without_notes_keeps_the_verdict),
        cmocka_unit_test(ruleset_warnings_follow_the_case_warnings),
        cmocka_unit_test(ruleset_warnings_malformed_fail_the_case),
        cmocka_unit_test(checklist_counts_present_items),
        cmocka_unit_test(checklist_nothing_known_is_indeterminate),
        cmocka_unit_test(differential_met_with_nms_criteria_says_both),
        cmocka_unit_test(differential_alone_has_no_overlap),
        cmocka_unit_test(output_shows_the_rule_of_a_groups_set),
        cmocka_unit_test(compact_record_names_needs_and_features),
        cmocka_unit_test(ruleset_lists_sets_in_section_order),
        cmocka_unit_test(ruleset_need_of_undeclared_group_is_refused),
        cmocka_unit_test(ruleset_checklist_among_criteria_is_refused),
        cmocka_unit_test(presupposition_false_qualifies_a_met_set),
        cmocka_unit_test(presupposition_unknown_leaves_a_required_verdict_open),
        cmocka_unit_test(presupposition_not_asked_unless_met),
        cmocka_unit_test(presupposition_that_raises_fails_the_case),
        cmocka_unit_test(ruleset_presupposes_required_must_be_boolean),
        cmocka_unit_test(ruleset_presupposes_only_in_criteria),
    };

    return cmocka_run_group_tests(tests, setup, teardown);
}
