-- by_class_route.lua - a cohort summary by drug class and route: which
-- classes of drug the cohort was given, by which route, and how often IEC
-- 2011 was met among the cases given each class.
--
--   nmsrules run examples/reviews/by_class_route.lua COHORT.jsonl
--
-- The class comes from the ATC code the record gives (the first letters
-- name the therapeutic group); a medication without an ATC code counts as
-- "(no ATC)": the ruleset itself reads drug names, brands included.

local classes = {   -- ATC prefix -> class, longest prefix first
  { "N05AH", "antipsychotic, atypical (N05AH)" },
  { "N05AX", "antipsychotic, other (N05AX)" },
  { "N05AN", "lithium (N05AN)" },
  { "N05A", "antipsychotic, first generation (N05A)" },
  { "A03FA", "antiemetic dopamine antagonist (A03FA)" },
  { "N04B", "dopaminergic (N04B)" },
  { "N04A", "anticholinergic (N04A)" },
  { "N06A", "antidepressant (N06A)" },
  { "N05B", "anxiolytic (N05B)" },
  { "N05C", "hypnotic (N05C)" },
  { "N03", "antiepileptic (N03)" },
  { "N01", "anaesthetic (N01)" },
  { "M03", "muscle relaxant (M03)" },
  { "J01", "antibiotic (J01)" },
  { "N02", "analgesic (N02)" },
}

local function class_of(med)
  local atc = med.atc
  if not atc then return "(no ATC)" end
  for _, c in ipairs(classes) do
    if atc:sub(1, #c[1]) == c[1] then return c[2] end
  end
  return "other (" .. atc:sub(1, 3) .. ")"
end

local by_route = nms.crosstab()   -- medication entries: class x route
local iec = nms.crosstab()        -- cases given the class: class x IEC verdict
local cases, bad = 0, 0

for case, err, where in nms.cases(arg[1] or "-") do
  if not case then
    bad = bad + 1
    io.stderr:write(where, ": ", err, "\n")
  else
    cases = cases + 1
    local r = nms.evaluate(case)
    local verdict = r.error and "error" or r.criteria.iec2011.result
    local seen = {}
    for _, med in ipairs(case.medications or {}) do
      local class = class_of(med)
      by_route:add(class, med.route or "(no route)")
      if not seen[class] then
        seen[class] = true
        iec:add(class, verdict)
      end
    end
  end
end

print(string.format("%d cases (%d unreadable records)", cases, bad))
print()
by_route:print("Medication entries by class and route:")
print()
iec:print("Cases given each class, by IEC 2011 verdict:")
