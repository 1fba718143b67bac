-- drugs/warnings.lua - the ruleset's warnings about the data (manifest key
-- `warnings`, docs/rules.md): one per medication whose drug the ruleset
-- does not know, so an analyst can count unrecognised names over a cohort
-- and extend rules/drugs/*.lua. Recognised means: a known name or brand
-- (lib/drugs.lua reads strengths, forms and salts away), or a known ATC
-- code or group. The items that ask about a drug class leave a "no"
-- unknown for such a drug (parameter drugs.unrecognised); this warning says
-- so once per entry, with the name as written.

local drugs = require("lib.drugs")

return function(case)
  local out = {}
  for i, med in ipairs(case.medications or {}) do
    local info = drugs.classify(med)
    if not info.recognised then
      out[#out + 1] = {
        path = ("medications[%d].%s"):format(i - 1, (med.drug ~= nil or med.atc == nil) and "drug" or "atc"),
        message = drugs.as_written(info) .. " is not in the ruleset's drug list: its drug class is unknown, "
          .. "so class questions (dopamine antagonist, serotonergic, ...) stay open for it; add it to "
          .. "rules/drugs/ or give its ATC code (medications[].atc)",
        kind = "unrecognised_drug",
      }
    end
  end
  return out
end
