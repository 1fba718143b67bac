-- A test ruleset whose severity actions return what a result must copy
-- with care (tests/test_text.c): a NUL inside a text, and an entry whose
-- fields come from a metamethod that answers differently on every read.
return {
  name = "test-actions",
  version = "1.0",
  criteria = { "one" },
  severity = "tier",
}
