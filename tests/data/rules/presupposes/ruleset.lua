-- A test ruleset for what a criteria set presupposes (tests/test_sections.c):
-- two points sets met on history.prior_nms alone (threshold 1), both
-- presupposing history.exertion, one with the verdict following it.
return {
  name = "test-presupposes",
  version = "1.0",
  criteria = { "loose", "strict" },
}
