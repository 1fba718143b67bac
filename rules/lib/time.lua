-- lib/time.lua - assessment time, the clock of the syndrome, windows,
-- ordering.
--
-- Times are hours (see docs/case-format.md). Data timed after the
-- assessment is ignored. Entries without a time are kept where an item
-- does not need their time, and skipped by every window helper.
--
-- Two kinds of window:
-- - time.within / time.overlaps: "within H h before assessment", measured
--   back from case.assessed_at, both ends included (a time exactly 72 h
--   before assessment is within 72 h).
-- - time.in_window / time.reaches: a drug window ("exposure within the
--   past 72 h"), which the criteria count from the syndrome, not from the
--   review (IEC 2011 item 1, §3 [S1]; Caroff & Mann "within 7 days of
--   onset", §4.4 [S12]). Measured back from the anchor (time.anchor: the
--   recorded onset, else the first cardinal sign, else the assessment) and
--   running on to the assessment, so a review on day 4 of a resolving
--   episode keeps the exposure that caused it, and a course begun before
--   onset and given on still counts. A course first given after the
--   anchor did not precede the syndrome (lib/meds.lua M.after_anchor).

local P = require("lib.params")
local fmt = require("lib.fmt")

local ONSET_FEVER_C = P.number("onset.fever_c")
local ONSET_RIGID = P.set("onset.rigidity")

local time = {}

-- time.upto sorts each case array once: every item of every criteria set
-- asks for the same ordered vitals or exams. Keyed weakly by the array, so
-- an entry lives only as long as the case does (each case is a new table).
local ordered = setmetatable({}, { __mode = "k" })

-- Evidence names the same few times over and over (each exam's and
-- reading's time, in every set that shows it): each is formatted once per
-- case, kept weakly by the case table ({ [t] = text, at = { [t] = text } }).
-- Zero is left out, as a table key cannot tell 0.0 from -0.0.
local texts = setmetatable({}, { __mode = "k" })

local function texts_of(case)
  local c = texts[case]
  if c == nil then
    c = { at = {} }
    texts[case] = c
  end
  return c
end

--- A time as the case wrote its times: "2026-03-03T02:10Z" or "50 h";
-- "time not recorded" for nil.
function time.fmt(case, t)
  if t == nil then return "time not recorded" end
  local c = texts[case] or texts_of(case)
  local s = c[t]
  if s == nil then
    s = nms.format_time(t, case.time_form or "hours")
    if t ~= 0 then c[t] = s end
  end
  return s
end

--- " at <time>", or " (time not recorded)": appended after a value.
function time.at(case, t)
  if t == nil then return " (time not recorded)" end
  local at = (texts[case] or texts_of(case)).at
  local s = at[t]
  if s == nil then
    s = " at " .. time.fmt(case, t)
    if t ~= 0 then at[t] = s end
  end
  return s
end

-- Durations ("72 h") are few and the same in every case: kept across
-- cases, forgotten when there are too many to be worth keeping: past
-- MAX_DURATIONS texts the table starts again empty (bounded memory).
local MAX_DURATIONS = 4096
local durations, n_durations = {}, 0

--- A duration in hours as "37 h" or "4.5 h".
function time.duration(hours)
  local s = durations[hours]
  if s == nil then
    s = nms.format_time(hours, "hours")
    if hours ~= 0 and hours == hours then
      if n_durations >= MAX_DURATIONS then durations, n_durations = {}, 0 end
      durations[hours], n_durations = s, n_durations + 1
    end
  end
  return s
end

--- True when `t` is not after the assessment (or either time is unknown,
-- in which case nothing can be excluded).
function time.not_after(case, t)
  local a = case.assessed_at
  return t == nil or a == nil or t <= a
end

--- The entries of `list` (nil -> nil) that are not after the assessment,
-- ordered by time (input order among equal times); entries without a time
-- come last. A list shared between callers for the same case (`list`
-- itself when it is already that): read it, never modify it (nor the case).
function time.upto(case, list)
  if list == nil then return nil end
  local out = ordered[list]
  if out then return out end
  local a, n, sorted, last = case.assessed_at, 0, true, -math.huge
  -- Most records list their entries in time order, none after the
  -- assessment: then the case's own list is that order, handed out as it
  -- is (callers only read it) instead of a copy. (The loops here and in
  -- the helpers that every case runs go to the first nil as ipairs does,
  -- without its call per entry.)
  for i = 1, math.huge do
    local e = list[i]
    if e == nil then break end
    local t = e.t
    if t == nil then last = math.huge
    elseif t < last or (a ~= nil and t > a) then sorted = false; break
    else last = t end
  end
  if sorted then
    ordered[list] = list
    return list
  end
  sorted, last = true, -math.huge
  out = {}
  for i = 1, math.huge do
    local e = list[i]
    if e == nil then break end
    local t = e.t
    if t == nil or a == nil or t <= a then   -- time.not_after, inline
      n = n + 1
      out[n] = e
      -- already in order (the usual case) when times never go back and
      -- undated entries come only at the end: no sort needed
      if t == nil then last = math.huge
      elseif t < last then sorted = false
      else last = t end
    end
  end
  if not sorted then
    -- input order among equal times: each entry's place in `out`, which
    -- keeps the input's order (made only when a sort is needed)
    local pos = {}
    for i, e in ipairs(out) do pos[e] = i end
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

-- The anchor is worked out once per case (every drug item asks for it).
local anchors = setmetatable({}, { __mode = "k" })

-- Which entries show a cardinal sign (time.first_sign): made once, as
-- they depend on the parameters alone.
local function febrile(v) return type(v.temp) == "number" and v.temp > ONSET_FEVER_C end
local function rigid_exam(e) return ONSET_RIGID[e.rigidity] == true end

-- The entry of the first cardinal sign and whether it is a fever (see
-- time.first_sign), or nil.
local function first_sign_entry(case)
  local fever = time.earliest(time.upto(case, case.vitals), febrile)
  local rigid = time.earliest(time.upto(case, case.exam), rigid_exam)
  if fever and (rigid == nil or fever.t <= rigid.t) then return fever, true end
  return rigid, false
end

-- The phrase of time.first_sign for its entry.
local function first_sign_text(case, e, fever)
  if fever then
    return ("the first temperature above %s (%s at %s)"):format(
      fmt.temp(ONSET_FEVER_C), fmt.temp(e.temp), time.fmt(case, e.t))
  end
  return ("the first rigidity recorded (%s at %s)"):format(e.rigidity, time.fmt(case, e.t))
end

-- The first cardinal sign the record shows, not after the assessment: the
-- first temperature above onset.fever_c at any site, or the first exam
-- with rigidity (onset.rigidity), whichever is earlier. Fever and rigidity
-- are the two cardinal signs every criteria set requires (IEC items 2-3,
-- §3 [S1]; DSM-IV-TR A, §1.1 [S10]; Caroff & Mann major criteria, §4.4
-- [S12]). Returns t and a phrase, or nil.
function time.first_sign(case)
  local e, fever = first_sign_entry(case)
  if e == nil then return nil end
  return e.t, first_sign_text(case, e, fever)
end

-- An anchor's text is read by evidence only (and by the few sets that
-- quote the episode's start), so it is written when first read: the
-- anchor keeps what it needs under these keys, which no reader names.
local CASE, SIGN, FEVER = {}, {}, {}
local LAZY_TEXT = { __index = function(a, k)
  if k ~= "text" then return nil end
  local case, text = a[CASE], nil
  if a.kind == "onset" then
    text = "symptom onset (case.onset, " .. time.fmt(case, case.onset) .. ")"
  else
    text = first_sign_text(case, a[SIGN], a[FEVER])
  end
  a.text = text   -- no __newindex: set in the anchor itself
  return text
end }

--- The anchor of the drug windows: { t = hours, kind = "onset" |
-- "first_sign" | "assessment", text = "symptom onset (case.onset, T)" },
-- or nil when the assessment time is unknown. In order: case.onset when
-- given and not after the assessment; else the first cardinal sign in the
-- record (time.first_sign); only failing both the assessment itself.
-- @usage local a = time.anchor(case)  -- a.t, a.text
function time.anchor(case)
  if case.assessed_at == nil then return nil end
  local a = anchors[case]
  if a then return a end
  if type(case.onset) == "number" and case.onset <= case.assessed_at then
    a = setmetatable({ t = case.onset, kind = "onset", [CASE] = case }, LAZY_TEXT)
  else
    local e, fever = first_sign_entry(case)
    if e then
      a = setmetatable({ t = e.t, kind = "first_sign", [CASE] = case, [SIGN] = e, [FEVER] = fever }, LAZY_TEXT)
    else
      a = { t = case.assessed_at, kind = "assessment", text = "the assessment (no onset recorded and no fever "
        .. "or rigidity in the record)" }
    end
  end
  anchors[case] = a
  return a
end

--- Whether `t` lies in the drug window of `hours`: from `hours` before the
-- anchor up to the assessment, ends included. nil when `t` or the
-- assessment time is unknown.
function time.in_window(case, t, hours)
  local a = time.anchor(case)
  if t == nil or a == nil then return nil end
  return t >= a.t - hours and t <= case.assessed_at
end

--- Whether the span [from, to] reaches into the drug window of `hours`
-- (from may be nil: start unknown). nil when `to` or the assessment time
-- is unknown.
function time.reaches(case, from, to, hours)
  local a = time.anchor(case)
  if a == nil then return nil end
  return time.reaches_at(a.t, case.assessed_at, from, to, hours)
end

--- time.reaches with the anchor's time `at` (time.anchor(case).t) and the
-- assessment time `assessed` already read: for a walk over many spans
-- with one anchor (lib/meds.lua's class questions), which reads them once.
function time.reaches_at(at, assessed, from, to, hours)
  if to == nil then return nil end
  if from ~= nil and from > assessed then return false end
  return to >= at - hours
end

--- "36 h before symptom onset" / "... before the first sign" / "... before
-- assessment": how long before the anchor `t` was; "after onset, 12 h before
-- assessment" for a time between the anchor and the assessment.
function time.ago_anchor(case, t)
  local a = time.anchor(case)
  if a == nil or a.kind == "assessment" or t > a.t then return time.ago(case, t) end
  return time.duration(a.t - t) .. (a.kind == "onset" and " before symptom onset" or " before the first sign")
end

--- "72 h before symptom onset" / "... before the first sign" / "... before
-- assessment": a window in words, from the anchor.
function time.window(case, hours)
  local a = time.anchor(case)
  local to = a == nil and "assessment" or a.kind == "onset" and "symptom onset"
    or a.kind == "first_sign" and "the first sign" or "assessment"
  return time.duration(hours) .. " before " .. to
end

--- The entry of `list` with the smallest `t` among those for which
-- keep(entry) is true (keep defaults to "has a time"); nil if none.
function time.earliest(list, keep)
  local best
  if list == nil then return nil end
  for i = 1, math.huge do   -- as ipairs, without its call per entry
    local e = list[i]
    if e == nil then break end
    local t = e.t
    if t ~= nil and (keep == nil or keep(e)) and (best == nil or t < best.t) then
      best = e
    end
  end
  return best
end

--- The entry of `list` with the largest `t` among those for which
-- keep(entry) is true; nil if none.
function time.latest(list, keep)
  local best
  if list == nil then return nil end
  for i = 1, math.huge do   -- as ipairs, without its call per entry
    local e = list[i]
    if e == nil then break end
    local t = e.t
    if t ~= nil and (keep == nil or keep(e)) and (best == nil or t > best.t) then
      best = e
    end
  end
  return best
end

return time
