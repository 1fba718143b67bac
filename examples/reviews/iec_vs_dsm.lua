-- iec_vs_dsm.lua - the cases where IEC 2011 and DSM-IV-TR disagree (one
-- met, the other not met or indeterminate), with the features on which
-- the criteria sets' items disagree and each item's value.
--
--   nmsrules run examples/reviews/iec_vs_dsm.lua COHORT.jsonl [OUT.csv]
--
-- With OUT.csv, also writes one row per disagreeing case.

local out = arg[2] and nms.csv.writer(arg[2],
  { "id", "iec2011", "dsm4tr", "label_nms", "features" })
local pairs_seen = nms.crosstab()
local n = 0

local function value_text(v)
  if v == nil then return "unknown" end
  return tostring(v)
end

for case, err in nms.cases(arg[1] or "-") do
  if case then
    local r = nms.evaluate(case)
    if not r.error then
      local iec, dsm = r.criteria.iec2011.result, r.criteria.dsm4tr.result
      pairs_seen:add("IEC " .. iec, "DSM " .. dsm)
      if iec ~= dsm then
        n = n + 1
        print(string.format("%s: IEC 2011 %s, DSM-IV-TR %s (label.nms %s)",
          r.id, iec, dsm, tostring(r.label and r.label.nms)))
        local features = {}
        for _, d in ipairs(r.concordance.disagreements) do
          local parts = {}
          local keys = {}
          for item in pairs(d.values) do keys[#keys + 1] = item end
          table.sort(keys)
          for _, item in ipairs(keys) do
            if item:match("^iec2011%.") or item:match("^dsm4tr%.") then
              parts[#parts + 1] = item .. "=" .. value_text(d.values[item])
            end
          end
          if #parts > 0 then
            print("  " .. d.feature .. ": " .. table.concat(parts, ", "))
            features[#features + 1] = d.feature
          end
        end
        if out then
          out:write({ id = r.id, iec2011 = iec, dsm4tr = dsm,
                      label_nms = r.label and r.label.nms,
                      features = table.concat(features, " ") })
        end
      end
    end
  end
end

print()
print(n .. " cases where the two sets disagree")
pairs_seen:print("IEC 2011 (rows) against DSM-IV-TR (columns):")
if out then out:close() end
