-- A test ruleset whose checks, severity actions and warnings all ask one
-- remembered helper (heard.lua) that writes its evidence only when someone
-- reads it, as rules/lib's helpers do. The engine asks decided items again
-- for their text, runs the actions and the warnings in full, all on the
-- case table the quiet checks used: none of them may be handed a finding
-- remembered quietly, whose evidence is "" (tests/test_eval.c).
return {
  name = "test-memomode",
  version = "1.0",
  criteria = { "seen" },
  severity = "tier",
  warnings = "notices",
}
