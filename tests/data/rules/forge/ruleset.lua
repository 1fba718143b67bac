-- A test ruleset whose evidence is hostile text: invalid UTF-8, a
-- surrogate, terminal controls (ESC, a C1 CSI, DEL, BEL) and the case's
-- own id echoed back, and parameters and warnings with the same
-- (tests/hostile/output.sh).
return {
  name = "test-forge",
  version = "1.0",
  criteria = { "forge" },
  -- text no load checks (parameters, warnings) carrying escape sequences
  -- and a bidi override: every command must show them, not send them
  params = "params",
  warnings = "warn",
}
