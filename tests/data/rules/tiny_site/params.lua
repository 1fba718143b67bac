-- A site overlay of the tiny ruleset: `--rules tests/data/rules/tiny
-- --rules tests/data/rules/tiny_site` replaces tiny's params.lua with this
-- one (local policy: the score set needs 3 points), nothing else.
return {
  ["score.threshold"] = { value = 3, unit = "points", doc = "points the score set needs",
    source = "site policy (test only)" },
  ["rule.minor_needed"] = { value = 1, unit = "items", doc = "minor items 'probable' needs",
    source = "test only" },
}
