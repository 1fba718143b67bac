-- params/severity.lua - parameters of the severity rules (see params.lua).
--
-- Seed 002 gives the treatment hierarchy by severity in words ("mild",
-- "severe cases with significant muscle rigidity and hyperthermia",
-- "extreme hyperthermia (>41.1°C) or complications") and, as
-- clinical-reference §12 notes, defines no boundaries beyond those
-- phrases. Each boundary is therefore a parameter naming the phrase it
-- encodes. The exposure window of suspected NMS is the IEC one
-- (iec2011.exposure_window_h in params/core.lua), read by rules/severity.lua.

return {
  ["severity.hyperthermia_c"] = {
    value = 38.0, unit = "°C",
    doc = "A temperature strictly above this, on any one reading at any measurement site, is "
      .. "'hyperthermia' for the tiers: one of the two cardinal features that make NMS suspected "
      .. "(with rigidity), and the hyperthermia half of the moderate tier. One reading and any site "
      .. "because the tier decides treatment now (seed 002: 'do not delay treatment waiting for "
      .. "diagnostic confirmation'), unlike IEC item 2, which asks for 2 oral readings to diagnose.",
    source = "seed 002 'significant muscle rigidity and hyperthermia' gives no number; IEC 2011 item 2 "
      .. "'>38.0 °C' value reused (clinical-reference §3 [S1][S2][S4]); the single reading at any site "
      .. "is a project choice",
  },
  ["severity.significant_rigidity"] = {
    value = { "moderate", "severe" }, unit = "exam[].rigidity values",
    doc = "Rigidity levels that count as 'significant muscle rigidity' for the moderate tier. Mild "
      .. "rigidity still makes NMS suspected (any degree counts there) but leaves the tier mild. Add "
      .. "'mild' to give bromocriptine/dantrolene to every febrile rigid patient.",
    source = "seed 002 'Use these agents in severe cases with significant muscle rigidity and "
      .. "hyperthermia' (§12); the seed gives no scale: mapping onto the case format's "
      .. "none/mild/moderate/severe is a project choice",
  },
  ["severity.extreme_hyperthermia_c"] = {
    value = 41.1, unit = "°C",
    doc = "A temperature strictly above this, on any reading at any site, is 'extreme hyperthermia': "
      .. "one of the features of the severe tier. Any site, because the seed names none and oral or "
      .. "axillary readings understate core temperature.",
    source = "seed 002 'For extreme hyperthermia (>41.1°C): emergency sedation, neuromuscular "
      .. "paralysis, intubation' (§12); §5.5: >41.1 °C (106 °F) core is 'life-threatening "
      .. "hyperthermia' [S36] and a severe-hyperthermia descriptor in the Boyer & Shannon table [S35]; "
      .. "an NMS-specific paralysis threshold is UNCONFIRMED (the >41.1 °C paralysis rule is sourced "
      .. "for serotonin syndrome [S33][S34]), hence a parameter",
  },
}
