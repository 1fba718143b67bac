local flag = require "flag"
-- Suspected when heat_exposure; severe with seizures; dic makes actions
-- return a malformed list (a rule failure).
return {
  id = "severity", title = "Tiers", version = "1", citation = "test only",
  kind = "groups",
  groups = { { id = "suspected", title = "Suspected" }, { id = "severe_features", title = "Severe" } },
  rule = {
    { level = "severe", need = { suspected = "all", severe_features = 1 } },
    { level = "mild", need = { suspected = "all" } },
  },
  items = {
    { id = "suspected", group = "suspected", title = "Suspected", needs = "history.heat_exposure",
      check = flag("history", "heat_exposure") },
    { id = "seizures", group = "severe_features", title = "Seizures", needs = "complications.seizures",
      check = flag("complications", "seizures") },
  },
  actions = function(case, tier)
    if case.complications.dic then return 42 end
    if tier == "none" then return {} end
    return { { text = "first for " .. tier, source = "test" }, { text = "second", source = "test" } }
  end,
}
