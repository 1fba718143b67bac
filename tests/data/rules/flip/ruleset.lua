-- A test ruleset whose one item answers true, then false, then true...:
-- a check that depends on something besides the case. Asked again for its
-- evidence (--evidence decisive), it must fail the case, not print
-- evidence for a value the result does not show (tests/test_eval.c).
return {
  name = "test-flip",
  version = "1.0",
  params = "params",
  criteria = { "flip" },
}
