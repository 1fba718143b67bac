-- The ruleset's warnings: one per medication named "mystery"; a
-- medication named "malformed" makes the list malformed (a rule failure).
return function(case)
  local out = {}
  for i, m in ipairs(case.medications or {}) do
    if m.drug == "malformed" then return { { path = 1 } } end
    if m.drug == "mystery" then
      out[#out + 1] = { path = ("medications[%d].drug"):format(i - 1),
                        message = "unrecognised drug 'mystery'", kind = "unrecognised_drug" }
    end
  end
  return out
end
