-- A test ruleset with one set of every section and kind, whose items echo
-- case flags, so tests/test_eval.c can drive the engine's aggregation for
-- groups, checklists, severity tiers, differentials and concordance.
return {
  name = "test-sections",
  version = "1.0",
  criteria = { "pair", "other" },
  severity = "tiers",
  risk_factors = "risks",
  differentials = { "dx" },
  warnings = "notices",
}
