-- The tiny ruleset with its score threshold raised from 2 to 3 (a rule
-- change for `nmsrules diff`: it moves three of tests/authoring/cohort.jsonl).
return {
  name = "tiny",
  version = "1.1",
  status = "testing",
  title = "Tiny test ruleset",
  params = "params",
  criteria = { "criteria.score", "criteria.rule" },
}
