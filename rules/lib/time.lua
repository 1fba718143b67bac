-- lib/time.lua - assessment time, windows measured back from it, ordering.
--
-- Times are hours (see docs/case-format.md). Windows such as "within 72 h"
-- are measured back from case.assessed_at and include both ends: a time
-- exactly 72 h before assessment is within 72 h. Data timed after the
-- assessment is ignored. Entries without a time are kept where an item
-- does not need their time, and skipped by every window helper.

local time = {}

-- time.upto sorts each case array once: every item of every criteria set
-- asks for the same ordered vitals or exams. Keyed weakly by the array, so
-- an entry lives only as long as the case does (each case is a new table).
local ordered = setmetatable({}, { __mode = "k" })

--- A time as the case wrote its times: "2026-03-03T02:10Z" or "50 h";
-- "time not recorded" for nil.
function time.fmt(case, t)
  if t == nil then return "time not recorded" end
  return nms.format_time(t, case.time_form or "hours")
end

--- " at <time>", or " (time not recorded)": appended after a value.
function time.at(case, t)
  if t == nil then return " (time not recorded)" end
  return " at " .. time.fmt(case, t)
end

--- A duration in hours as "37 h" or "4.5 h".
function time.duration(hours)
  return nms.format_time(hours, "hours")
end

--- True when `t` is not after the assessment (or either time is unknown,
-- in which case nothing can be excluded).
function time.not_after(case, t)
  local a = case.assessed_at
  return t == nil or a == nil or t <= a
end

--- The entries of `list` (nil -> nil) that are not after the assessment,
-- ordered by time (input order among equal times); entries without a time
-- come last. A new list, shared between callers for the same case: read
-- it, never modify it (nor the case).
function time.upto(case, list)
  if list == nil then return nil end
  if ordered[list] then return ordered[list] end
  local out, pos, sorted, last = {}, {}, true, -math.huge
  for i, e in ipairs(list) do
    if time.not_after(case, e.t) then
      out[#out + 1] = e
      pos[e] = i
      -- already in order (the usual case) when times never go back and
      -- undated entries come only at the end: no sort needed
      if e.t == nil then last = math.huge
      elseif e.t < last then sorted = false
      else last = e.t end
    end
  end
  if not sorted then
    table.sort(out, function(x, y)
      if x.t ~= nil and y.t ~= nil and x.t ~= y.t then return x.t < y.t end
      if (x.t == nil) ~= (y.t == nil) then return y.t == nil end
      return pos[x] < pos[y]
    end)
  end
  ordered[list] = out
  return out
end

--- Like time.upto, but only the entries that have a time.
function time.dated(case, list)
  local out = {}
  for _, e in ipairs(time.upto(case, list) or {}) do
    if e.t ~= nil then out[#out + 1] = e end
  end
  return out
end

--- Hours from `t` to the assessment (nil when either is unknown).
function time.before(case, t)
  if t == nil or case.assessed_at == nil then return nil end
  return case.assessed_at - t
end

--- "36 h before assessment": how long before the assessment `t` was.
function time.ago(case, t)
  return time.duration(time.before(case, t)) .. " before assessment"
end

--- Whether `t` lies within `hours` before the assessment, ends included:
-- true, false, or nil when `t` or the assessment time is unknown.
function time.within(case, t, hours)
  local d = time.before(case, t)
  if d == nil then return nil end
  return d >= 0 and d <= hours
end

--- Whether the span [from, to] reaches into the `hours` before the
-- assessment (from may be nil: start unknown). nil when `to` or the
-- assessment time is unknown.
function time.overlaps(case, from, to, hours)
  local a = case.assessed_at
  if a == nil or to == nil then return nil end
  if from ~= nil and from > a then return false end
  return to >= a - hours
end

--- The entry of `list` with the smallest `t` among those for which
-- keep(entry) is true (keep defaults to "has a time"); nil if none.
function time.earliest(list, keep)
  local best
  for _, e in ipairs(list or {}) do
    if e.t ~= nil and (keep == nil or keep(e)) and (best == nil or e.t < best.t) then
      best = e
    end
  end
  return best
end

--- The entry of `list` with the largest `t` among those for which
-- keep(entry) is true; nil if none.
function time.latest(list, keep)
  local best
  for _, e in ipairs(list or {}) do
    if e.t ~= nil and (keep == nil or keep(e)) and (best == nil or e.t > best.t) then
      best = e
    end
  end
  return best
end

return time
