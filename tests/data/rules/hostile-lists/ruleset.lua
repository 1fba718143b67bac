-- A test ruleset whose severity actions and warnings return lists the
-- engine must read with care (tests/test_sandbox.c), each chosen by the
-- case id: an entry whose metamethod raises, too many entries, a text
-- over the bound.
return {
  name = "test-hostile-lists",
  version = "1.0",
  criteria = { "one" },
  severity = "tier",
  warnings = "warn",
}
