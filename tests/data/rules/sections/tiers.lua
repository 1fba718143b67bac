local flag = require "flag"
-- Suspected when heat_exposure; severe with seizures; dic makes actions
-- return a malformed list (a rule failure). With parkinson_disease, a met
-- differential dx explains the picture (the check reads the verdicts the
-- engine passes); with iron_deficiency the actions echo two verdicts.
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
      check = function(case, verdicts)
        if case.history.parkinson_disease and verdicts.dx.result == "met" then
          return false, "explained by " .. verdicts.dx.title
        end
        return flag("history", "heat_exposure")(case)
      end },
    { id = "seizures", group = "severe_features", title = "Seizures", needs = "complications.seizures",
      check = flag("complications", "seizures") },
  },
  actions = function(case, tier, verdicts, read)
    if case.complications.dic then return 42 end
    if case.history.iron_deficiency then
      return { { text = ("dx %s screen=%s; pair %s %s; other %s of %s; risks %s"):format(
        verdicts.dx.result, tostring(verdicts.dx.screen), verdicts.pair.result, tostring(verdicts.pair.level),
        verdicts.other.score, verdicts.other.possible, verdicts.risk_factors.score), source = verdicts.dx.section } }
    end
    if case.history.exhaustion then  -- whether the list is read (4th argument); fail if not
      if read == false then error("nobody reads the list") end
      return { { text = "read " .. tostring(read), source = "test" } }
    end
    if tier == "none" then return {} end
    return { { text = "first for " .. tier, source = "test" }, { text = "second", source = "test" } }
  end,
}
