-- A test ruleset for what a criteria set presupposes (tests/test_sections.c):
-- points sets met on history.prior_nms alone (threshold 1), presupposing
-- history.exertion, one with the verdict following it (strict), one whose
-- presupposition check raises on history.restraints (broken).
return {
  name = "test-presupposes",
  version = "1.0",
  criteria = { "loose", "strict", "broken" },
}
