-- Parameters of the tiny ruleset.
return {
  ["score.threshold"] = { value = 3, unit = "points", doc = "points the score set needs",
    source = "test only" },
  ["rule.minor_needed"] = { value = 1, unit = "items", doc = "minor items 'probable' needs",
    source = "test only" },
}
