-- ruleset.lua - the manifest of the default ruleset: its name and version
-- (reported in every result), the parameters module, and the criteria sets
-- in report order. Bump `version` when a change alters verdicts.

return {
  name = "nms-default",
  version = "0.3.10",
  title = "Neuroleptic malignant syndrome: published diagnostic criteria",
  params = "params",
  criteria = { "criteria.iec2011", "criteria.dsm4tr", "criteria.levenson1985",
               "criteria.pope1986", "criteria.caroff1993" },
  severity = "severity",            -- severity tiers and management (rules/severity.lua)
  risk_factors = "risk_factors",    -- risk-factor checklist (rules/risk_factors.lua)
  warnings = "drugs.warnings",      -- unrecognised drugs, one warning each (rules/drugs/warnings.lua)
  differentials = {                 -- differential diagnoses and screens (rules/differential/)
    "differential.serotonin_hunter", "differential.serotonin_sternbach",
    "differential.anticholinergic", "differential.malignant_hyperthermia",
    "differential.parkinsonism_hyperpyrexia", "differential.malignant_catatonia",
    "differential.heat_stroke", "differential.cns_infection", "differential.sympathomimetic",
    "differential.baclofen_withdrawal", "differential.tetanus",
  },
}
