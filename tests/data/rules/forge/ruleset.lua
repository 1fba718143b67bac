-- A test ruleset whose evidence is hostile text: invalid UTF-8, a
-- surrogate, terminal controls (ESC, a C1 CSI, DEL, BEL) and the case's
-- own id echoed back (tests/hostile/output.sh).
return {
  name = "test-forge",
  version = "1.0",
  criteria = { "forge" },
}
