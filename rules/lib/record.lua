-- lib/record.lua - facts the record states as booleans in its sections
-- (case.history, case.complications): recorded present, recorded absent,
-- or not recorded at all (docs/case-format.md "Missing is not false").

local fmt = require("lib.fmt")
local tri = require("lib.tri")

local R = {}
local wanted = fmt.wanted

--- case[section][field] as a finding: true "<what> (history.x)", false
-- "no <what> (history.x recorded as absent)", nil "<what> not recorded".
-- @usage record.flag(case, "history", "prior_nms", "previous episode of NMS")
function R.flag(case, section, field, what)
  local v = case[section] and case[section][field]
  if (v == true or v == false) and not wanted() then return tri.finding(v, "") end
  local path = section .. "." .. field
  if v == true then return tri.finding(true, what .. " (" .. path .. ")") end
  if v == false then return tri.finding(false, "no " .. what .. " (" .. path .. " recorded as absent)") end
  return tri.finding(nil, what .. " not recorded (" .. path .. ")", path)
end

--- One fact read from several records of it (labelled findings, e.g. the
-- history flag and the exams): true when any record shows it, false when
-- some record says no and none shows it, nil when none recorded it. Unlike
-- tri.any, a "no" in one record is not undone by silence in another: the
-- records are witnesses of the same fact, not separate conditions.
-- @usage record.any_record({ tri.part("history", h), tri.part("exam", e) })
function R.any_record(parts)
  local value, texts, missing = nil, {}, {}
  for _, p in ipairs(parts) do
    if p.value == true then value = true
    elseif p.value == false and value == nil then value = false end
    if p.value == nil then missing[#missing + 1] = p.missing or p.label end
    if wanted() then texts[#texts + 1] = p.label .. ": " .. p.evidence end
  end
  return tri.finding(value, fmt.join(texts), value == nil and fmt.join(missing) or nil)
end

return R
