-- ruleset.lua - the manifest of the default ruleset: its name and version
-- (reported in every result), the parameters module, and the criteria sets
-- in report order. Bump `version` when a change alters verdicts.

return {
  name = "nms-default",
  version = "0.1.0",
  title = "Neuroleptic malignant syndrome: published diagnostic criteria",
  params = "params",
  criteria = { "criteria.iec2011" },
}
