-- A test ruleset whose third item fails when the case records agitation,
-- after the first two answered: the failure must still name its rule,
-- file and line, as a first item's does (every check of a case runs under
-- one message handler pushed for the case, core/lua/eval.c;
-- tests/test_eval.c).
return {
  name = "test-late",
  version = "1.0",
  params = "params",
  criteria = { "late" },
}
