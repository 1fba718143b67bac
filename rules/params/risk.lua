-- params/risk.lua - parameters of the risk rules (see params.lua).
--
-- The risk-factor sources (clinical-reference §6) name the factors and
-- their evidence but give no time windows or rates; these say how
-- rules/risk_factors.lua reads "current" treatment and "rapid" titration.

return {
  ["risk.current_window_h"] = {
    value = 72, unit = "h",
    doc = "Treatment counts as current when a course was given at any time in this many hours before "
      .. "assessed_at (both ends included): for the high-potency, parenteral, concurrent and lithium "
      .. "items, and for the end of a rapid dose escalation. The same window in which a dopamine "
      .. "antagonist counts as the trigger, so a risk factor is always about the drugs that could "
      .. "have caused this episode.",
    source = "no source gives a window for the risk factors (§6); IEC 2011 item 1 '72 hours' value "
      .. "reused (§3 [S1][S2][S4])",
  },
  ["risk.escalation_factor"] = {
    value = 2, unit = "× (ratio of mg totals)",
    doc = "Rapid dose escalation: the total mg of one dopamine antagonist given in a period of "
      .. "risk.escalation_period_h is at least this many times the total of the period just before "
      .. "(read from medications[].doses[] {t, mg}; starting a drug is not counted, the earlier "
      .. "period must hold a dose). Default: the daily dose at least doubled from one day to the next.",
    source = "PROJECT CHOICE: the sources give no rate. §6: 'higher doses, faster increases in NMS' "
      .. "(Keck 1989 [S40]); 'newly introduced or increased neuroleptic' significant (Viejo 2003 "
      .. "[S41]); seed 000 'rapid dose escalation'",
  },
  ["risk.escalation_period_h"] = {
    value = 24, unit = "h",
    doc = "The length of the two back-to-back periods whose mg totals risk.escalation_factor "
      .. "compares (24 h: day-to-day totals, so the number of doses per day does not matter).",
    source = "PROJECT CHOICE: the sources give no period (§6 [S40][S41])",
  },
}
