-- A test ruleset: one points set whose four items echo history flags, so
-- tests can drive every three-valued combination from case data.
return {
  name = "test-tri",
  version = "1.0",
  params = "params",
  criteria = { "four" },
}
