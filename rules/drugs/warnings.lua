-- drugs/warnings.lua - the ruleset's warnings about the data (manifest key
-- `warnings`, docs/rules.md): one per medication whose drug the ruleset
-- does not know, so an analyst can count unrecognised names over a cohort
-- and extend rules/drugs/*.lua. Recognised means: a known name or brand
-- (lib/drugs.lua reads strengths, forms and salts away), or a known ATC
-- code or group. The items that ask about a drug class leave a "no"
-- unknown for such a drug (parameter drugs.unrecognised); this warning says
-- so once per entry, with the name as written. A name read as a known drug
-- one letter away (lib/drugs.lua, parameter drugs.spelling_distance) gets
-- its own warning, so that the guess is checked.

local drugs = require("lib.drugs")
local fmt = require("lib.fmt")

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
    elseif info.via == "spelling" then
      -- A guess: said once per entry, so that a wrong reading is seen.
      out[#out + 1] = {
        path = ("medications[%d].drug"):format(i - 1),
        message = fmt.quote(info.written) .. " is not in the ruleset's drug list; read as " .. info.generic
          .. ", the one known drug a letter away ('" .. info.spelled .. "'; parameter "
          .. "drugs.spelling_distance): check the name",
        kind = "drug_spelling",
      }
    end
  end
  return out
end
