-- lib/record.lua - facts the record states as booleans in its sections
-- (case.history, case.complications): recorded present, recorded absent,
-- or not recorded at all (docs/case-format.md "Missing is not false").

local fmt = require("lib.fmt")
local tri = require("lib.tri")

local R = {}
local wanted = fmt.wanted

-- R.flag's findings with their texts depend on the section, the field,
-- the words and the value only, never on the case: each is made once and
-- kept across cases (findings are read, never modified), in a table
-- bounded as lib/exam.lua's: past MAX_KEPT it starts again empty. Keyed
-- by section, field and words; then 1 true, 2 false, 3 not recorded.
local MAX_KEPT = 256
local kept, n_kept = {}, 0
local UNRECORDED = 3

local function make(section, field, what, which)
  local path = section .. "." .. field
  if which == 1 then return tri.finding(true, what .. " (" .. path .. ")") end
  if which == 2 then return tri.finding(false, "no " .. what .. " (" .. path .. " recorded as absent)") end
  return tri.finding(nil, what .. " not recorded (" .. path .. ")", path)
end

--- case[section][field] as a finding: true "<what> (history.x)", false
-- "no <what> (history.x recorded as absent)", nil "<what> not recorded".
-- @usage record.flag(case, "history", "prior_nms", "previous episode of NMS")
function R.flag(case, section, field, what)
  local s = case[section]
  local v = s and s[field]
  local which = UNRECORDED
  if v == true or v == false then
    if not wanted() then return tri.finding(v, "") end
    which = v and 1 or 2
  end
  local by_field = kept[section] and kept[section][field]
  local texts = by_field and by_field[what]
  local f = texts and texts[which]
  if f == nil then
    f = make(section, field, what, which)
    if texts == nil then
      if n_kept >= MAX_KEPT then   -- emptied in place: the reader holds it
        for k in pairs(kept) do kept[k] = nil end
        n_kept = 0
      end
      kept[section] = kept[section] or {}
      by_field = kept[section][field] or {}
      kept[section][field] = by_field
      texts, n_kept = {}, n_kept + 1
      by_field[what] = texts
    end
    texts[which] = f
  end
  return f
end

-- R.flag as the engine's reader (nms.fact_reader, core/lua/readers.c):
-- a boolean nobody reads the evidence of, or a finding kept above, is
-- answered in C without a call; the rest by the function above.
R.flag = nms.fact_reader(R.flag, kept)

--- One fact read from several records of it (labelled findings, e.g. the
-- history flag and the exams): true when any record shows it, false when
-- some record says no and none shows it, nil when none recorded it. Unlike
-- tri.any, a "no" in one record is not undone by silence in another: the
-- records are witnesses of the same fact, not separate conditions.
-- @usage record.any_record({ tri.part("history", h), tri.part("exam", e) })
function R.any_record(parts)
  local value, texts, missing = nil, wanted() and {}, {}
  for _, p in ipairs(parts) do
    if p.value == true then value = true
    elseif p.value == false and value == nil then value = false end
    if p.value == nil then missing[#missing + 1] = p.missing or p.label end
    if texts then texts[#texts + 1] = p.label .. ": " .. p.evidence end
  end
  return tri.finding(value, texts and fmt.join(texts) or "", value == nil and fmt.join(missing) or nil)
end

return R
