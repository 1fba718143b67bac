-- A tiny ruleset for the authoring commands (check, test, doc, params,
-- diff): one points set and one groups set over history flags, with its
-- own tests. tests/data/rules/lint/ holds broken copies of it.
return {
  name = "tiny",
  version = "1.0",
  title = "Tiny test ruleset",
  params = "params",
  criteria = { "criteria.score", "criteria.rule" },
}
