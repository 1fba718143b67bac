-- drugs/warnings.lua - the ruleset's warnings about the data (manifest key
-- `warnings`, docs/rules.md): one per medication whose drug the ruleset
-- does not know, so an analyst can count unrecognised names over a cohort
-- and extend rules/drugs/*.lua. Recognised means: a known name or brand
-- (lib/drugs.lua reads strengths, forms and salts away), or a known ATC
-- code or group. The items that ask about a drug class leave a "no"
-- unknown for such a drug (parameter drugs.unrecognised); this warning says
-- so once per entry, with the name as written. A name read as a known drug
-- one letter away (lib/drugs.lua, parameter drugs.spelling_distance) gets
-- its own warning, so that the guess is checked. An `atc` that is not
-- shaped as a WHO code is not used, and said (kind atc_invalid). A combination only partly
-- known ("olanzapine/samidorphan") is unrecognised too, and its warning
-- names the unknown part and the known ones whose classes count.

local drugs = require("lib.drugs")
local fmt = require("lib.fmt")

return function(case)
  local out = {}
  for i, med in ipairs(case.medications or {}) do
    local info = drugs.classify(med)
    if info.bad_atc then
      -- A code that is no WHO ATC code classified nothing: said, so that
      -- the field is mended rather than read as a group it starts with.
      out[#out + 1] = {
        path = ("medications[%d].atc"):format(i - 1),
        message = fmt.quote(med.atc) .. " is not a WHO ATC code (a letter, two digits, two letters and two "
          .. "digits, as N05AD01, or a group: the first 1, 3, 4 or 5 characters of one), so it was not "
          .. "used to classify this entry",
        kind = "atc_invalid",
      }
    end
    if info.partly then
      -- A combination with known parts: which part is unknown, and what
      -- its known parts already answer.
      local unknown, known = {}, {}
      for j, words in ipairs(info.unknown_parts) do unknown[j] = fmt.quote(words) end
      for j, part in ipairs(info.parts) do known[j] = part.generic end
      out[#out + 1] = {
        path = ("medications[%d].drug"):format(i - 1),
        message = ("%s: %s %s not in the ruleset's drug list, so only the classes of %s are known for "
          .. "this entry (a class question they answer \"no\" stays open); add %s to rules/drugs/ or give "
          .. "the entry's ATC code (medications[].atc)"):format(drugs.as_written(info), fmt.list(unknown),
          #unknown == 1 and "is" or "are", fmt.list(known), #unknown == 1 and "it" or "them"),
        kind = "unrecognised_drug",
      }
    elseif not info.recognised then
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
