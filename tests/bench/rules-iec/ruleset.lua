-- ruleset.lua - the benchmark's IEC-only ruleset (tests/bench/run, variant
-- "iec"): the shipped IEC 2011 criteria set and nothing else. Every module
-- it reaches (criteria/, lib/, params, drugs) is a symlink into the shipped
-- rules/, so this measures the shipped rule text, not a copy of it.

return {
  name = "nms-bench-iec",
  version = "0.1.0",
  title = "Benchmark: IEC 2011 alone, from the shipped rules/",
  params = "params",
  criteria = { "criteria.iec2011" },
}
