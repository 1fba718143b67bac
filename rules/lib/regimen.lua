-- lib/regimen.lua - how drugs were given: per-drug judgements (route,
-- potency), dose escalation from doses[] {t, mg}, and concurrent courses.
--
-- Every function takes the courses of interest as meds.given_in returns
-- them (`given`, and `unknown` = unrecognised drugs in the same window).
-- An unrecognised drug could be the one that answers the question, so
-- under parameter drugs.unrecognised = "unknown" it leaves a "no" answer
-- unknown, as it does for meds.exposure; "ignore" treats it as unrelated.

local drugs = require("lib.drugs")
local time = require("lib.time")
local fmt = require("lib.fmt")
local tri = require("lib.tri")
local P = require("lib.params")
local meds = require("lib.meds")

local UNRECOGNISED = P.choice("drugs.unrecognised", { "unknown", "ignore" })

local G = {}

-- Windows here are drug windows (lib/time.lua time.in_window): measured
-- back from the anchor of the syndrome (onset, else the first cardinal
-- sign, else the assessment) and on to the assessment.

-- A "no" that a depot known only by its start (meds.given_in) or an
-- unrecognised drug in the window could still turn. `turns(c)`, when
-- given, judges such a depot as if it still acted: a depot it judges false
-- cannot turn the "no" (aripiprazole is not a high-potency first-generation
-- drug whether or not it still acts), so the answer stays "no", saying so;
-- unknown means the record cannot tell, not that a question was left
-- unasked.
local function open_no(evidence, unknown, turns)
  -- nothing undecided (most cases): the plain "no", without sorting an
  -- empty list into two new ones
  if unknown[1] == nil then return tri.finding(false, evidence) end
  local depots, strengths, strangers, settled = {}, {}, {}, {}
  for _, c in ipairs(unknown) do
    local v, why
    if turns and (c.open or c.open_until) then v, why = turns(c) end
    if v == false then
      settled[#settled + 1] = drugs.describe(c.info) .. " (depot; whether it still acts is unknown): " .. why
        .. " either way"
    else
      table.insert(c.open and depots or c.open_until and strengths or strangers, c)
    end
  end
  if #settled > 0 then
    if fmt.wanted() then evidence = fmt.join({ evidence, fmt.list(settled, 6) }) end
    if #depots + #strengths + #strangers == 0 then return tri.finding(false, evidence) end
  end
  if #depots > 0 then
    local names = fmt.each(depots, function(c) return drugs.describe(c.info) end, 6)
    return tri.finding(nil, evidence .. "; " .. names .. " (depot): past the action of its first injection, "
      .. "no later injection or stop recorded", meds.depot_open(depots[1]))
  end
  if #strengths > 0 then   -- a depot of an unrecorded strength (meds.depot_open)
    local missing = meds.depot_open(strengths[1])
    local names = fmt.each(strengths, function(c)
      return drugs.describe(c.info) .. " (depot): past the action of the product assumed; "
        .. select(2, meds.depot_open(c))
    end, 6)
    return tri.finding(nil, evidence .. "; " .. names, missing)
  end
  unknown = strangers
  if #unknown == 0 then return tri.finding(false, evidence) end
  local names = fmt.each(unknown, function(c) return drugs.as_written(c.info) end, 6)
  if UNRECOGNISED == "ignore" then
    return tri.finding(false, evidence .. "; not in the ruleset's drug list (taken as unrelated: "
      .. "parameter drugs.unrecognised = ignore): " .. names)
  end
  return tri.finding(nil, evidence .. "; not in the ruleset's drug list: " .. names,
    "the class of " .. names .. ": add the drug to rules/drugs.lua or give its ATC code (medications[].atc)")
end

--- Some unit (a course, or a group of courses with an `info`) for which
-- judge(unit) is true. judge returns value (true, false or nil) and a
-- phrase; the evidence names each drug with its phrase. `none` is the
-- evidence when nothing was given. nil when no unit is true and some is
-- undecidable; `missing` then says what would decide it (a string, or a
-- function returning it, called only then).
-- `turns(c)`, for a depot of `unknown` that may still act (a course),
-- judges it as if it did, as judge does (open_no): the same function when
-- the units are courses; nil leaves such a depot undecided.
function G.any(given, unknown, judge, none, missing, turns)
  if #given == 0 then return open_no(none, unknown, turns) end
  if not fmt.wanted() then
    -- the value only (lib/fmt.lua): the first unit judged true decides
    -- it, and no phrase is written for the others
    local open = false
    for i = 1, #given do
      local v = judge(given[i])
      if v == true then return tri.finding(true, "") end
      if v ~= false then open = true end
    end
    if open then return tri.finding(nil, "", type(missing) == "function" and missing() or missing) end
    return open_no("", unknown, turns)
  end
  local yes, no, open = {}, {}, {}
  for _, u in ipairs(given) do
    local v, text = judge(u)
    local bucket = v == true and yes or v == false and no or open
    bucket[#bucket + 1] = drugs.describe(u.info) .. ": " .. text
  end
  local text = fmt.join({ fmt.list(yes, 6), fmt.list(open, 6), fmt.list(no, 6) })
  if #yes > 0 then return tri.finding(true, text) end
  if #open > 0 then return tri.finding(nil, text, type(missing) == "function" and missing() or missing) end
  return open_no(text, unknown, turns)
end

--- The drug of course `c` in words: its generic name, as written when
-- unrecognised.
function G.name(c)
  return c.info.generic or c.med.drug or "an unnamed drug"
end

--- The drugs of `courses` as prose, by generic name (as written when
-- unrecognised), each once: "haloperidol and olanzapine". With `suffix`,
-- each course is named with suffix(c) after it, repeats kept.
function G.names(courses, suffix)
  local out, seen = {}, {}
  for _, c in ipairs(courses) do
    local name = G.name(c)
    if suffix then out[#out + 1] = name .. suffix(c)
    elseif not seen[name] then seen[name] = true; out[#out + 1] = name end
  end
  return fmt.list(out, 6)
end

--- The courses of `given` grouped by drug (a dose change written as two
-- entries is one drug), in first-seen order: { info, courses = {...} }.
function G.by_drug(given)
  local groups, index = {}, {}
  for _, c in ipairs(given) do
    local key = drugs.drug_key(c.info)
    if not index[key] then
      index[key] = { info = c.info, courses = {} }
      groups[#groups + 1] = index[key]
    end
    local courses = index[key].courses
    courses[#courses + 1] = c
  end
  return groups
end

-- The dated doses with mg of one drug's courses, not after the
-- assessment, in time order; and whether some course listed none.
local function doses_of(case, group)
  local out, lacking = {}, false
  for _, c in ipairs(group.courses) do
    local n = 0
    for _, d in ipairs(c.med.doses or {}) do
      if d.t ~= nil and d.mg ~= nil and time.not_after(case, d.t) then
        out[#out + 1] = d
        n = n + 1
      end
    end
    lacking = lacking or n == 0
  end
  -- in strictly increasing time already (the usual case), the one order
  -- the sort could give: no sort
  for i = 2, #out do
    if not (out[i - 1].t < out[i].t) then
      table.sort(out, function(a, b) return a.t < b.t end)
      break
    end
  end
  return out, lacking
end

--- Rapid escalation of one drug (a group from G.by_drug), by treatment
-- days: the doses are summed in consecutive periods of `period_h` hours
-- counted from the first recorded dose (day 1, day 2, ...), and the drug
-- escalated when some period that holds a dose within `window_h` hours
-- before the assessment totals at least `factor` times the period before
-- it (which must hold a dose: starting a drug is not an escalation).
-- Fixed periods, not sliding ones, so a dose change at a different hour
-- of the day cannot inflate the ratio. Returns value, phrase.
function G.escalated(case, group, factor, period_h, window_h)
  local ds, lacking = doses_of(case, group)
  if #ds == 0 then return nil, "no dated doses with mg recorded (medications[].doses)" end
  local t0, sum, recent = ds[1].t, {}, {}
  for _, d in ipairs(ds) do
    local k = (d.t - t0) // period_h
    sum[k] = (sum[k] or 0) + d.mg
    recent[k] = recent[k] or time.in_window(case, d.t, window_h)
  end
  local best
  for k, now in pairs(sum) do
    local before = sum[k - 1]
    if recent[k] and before and before > 0 and (best == nil or now / before > best.ratio) then
      best = { ratio = now / before, now = now, before = before, k = k }
    end
  end
  if not fmt.wanted() then   -- the value only (lib/fmt.lua)
    if best ~= nil and best.ratio >= factor then return true, "" end
    if lacking then return nil, "" end
    return false, ""
  end
  local span = time.duration(period_h)
  if best == nil then
    local why = ("%s over %s; no %s period with a dose within %s follows one with doses"):format(
      fmt.count(#ds, "dose"), time.duration(ds[#ds].t - t0), span, time.window(case, window_h))
    if lacking then return nil, why .. "; a course of it lists no doses" end
    return false, why
  end
  local text = ("%s in the %s from %s vs %s in the %s before (× %s)"):format(fmt.unit(best.now, "mg"), span,
    time.fmt(case, t0 + best.k * period_h), fmt.unit(best.before, "mg"), span, fmt.num(best.ratio, 1))
  if best.ratio >= factor then return true, text .. " (≥ × " .. fmt.num(factor) .. ")" end
  text = "largest rise " .. text .. ", less than × " .. fmt.num(factor)
  if lacking then return nil, text .. "; a course of it lists no doses" end
  return false, text
end

-- Two by two, the best (largest) values seen from two different drugs:
-- b1 from drug b1.g, b2 the best from any other drug. For "has a course of
-- another drug reached this far?" in one pass.
local function best_two()
  local t = { b1 = { v = -math.huge }, b2 = { v = -math.huge } }
  function t.from_other(g, x)        -- some other drug's value >= x: that entry
    if t.b1.g ~= g and t.b1.v >= x then return t.b1 end
    if t.b2.v >= x then return t.b2 end
  end
  function t.add(g, v, c)
    if v > t.b1.v then
      if t.b1.g ~= g then t.b2 = t.b1 end
      t.b1 = { g = g, v = v, c = c }
    elseif g ~= t.b1.g and v > t.b2.v then
      t.b2 = { g = g, v = v, c = c }
    end
  end
  return t
end

-- For G.concurrent's open_no: false when the depot `c` that may still act
-- is of the only drug there is (no other drug among `groups`, nor among
-- the courses of `unknown`, unrecognised ones included): with it or
-- without it, no two drugs were given at once. nil otherwise (it could
-- overlap another).
local function alone(groups, unknown, c)
  local key = drugs.drug_key(c.info)
  for _, g in ipairs(groups) do
    if drugs.drug_key(g.info) ~= key then return nil end
  end
  for _, o in ipairs(unknown) do
    if drugs.drug_key(o.info) ~= key then return nil end
  end
  return false, "no other drug of the kind given"
end

--- Two different drugs among `given` given at the same time: true with
-- the two courses, false when no two courses of different drugs overlap,
-- nil when a course without a recorded start could have overlapped
-- another. A course with no start is certain only at its end (its stop,
-- or the assessment when still given). One sort and one sweep, so long
-- medication lists stay cheap.
function G.concurrent(case, given, unknown, none)
  local groups = G.by_drug(given)
  local text = fmt.wanted()   -- the evidence "" when nobody reads it (lib/fmt.lua)
  if #groups < 2 then
    return open_no((text and #groups == 1) and ("only " .. drugs.describe(groups[1].info) .. " given") or none,
      unknown, function(c) return alone(groups, unknown, c) end)
  end
  local spans = {}
  for g, group in ipairs(groups) do
    for _, c in ipairs(group.courses) do
      local e = meds.until_time(case, c)
      spans[#spans + 1] = { g = g, c = c, s = c.from or e, e = e }
    end
  end
  table.sort(spans, function(a, b) return a.s < b.s end)
  local reach, first = best_two(), best_two()
  for _, x in ipairs(spans) do
    local hit = reach.from_other(x.g, x.s)
    if hit then
      return tri.finding(true, ("%s %s, together with %s %s"):format(drugs.describe(hit.c.info), meds.span(case, hit.c),
        drugs.describe(x.c.info), meds.span(case, x.c)))
    end
    reach.add(x.g, x.e, x.c)
    first.add(x.g, -x.s, x.c)        -- earliest starts, as the largest negatives
  end
  for _, x in ipairs(spans) do
    local other = x.c.from == nil and first.from_other(x.g, -x.e)
    if other then
      return tri.finding(nil, ("%s %s, start not recorded: it may have been given together with %s %s"):format(
        drugs.describe(x.c.info), meds.span(case, x.c), drugs.describe(other.c.info), meds.span(case, other.c)),
        "the start of each course (medications[].start)")
    end
  end
  if not text then return open_no("", unknown) end
  local names = {}
  for i, g in ipairs(groups) do names[i] = drugs.describe(g.info) end
  return open_no(fmt.list(names, 6) .. " given one after another, never at the same time", unknown)
end

-- Whether course `c` carries on another course of the same drug (one of
-- `courses`) that is running when it starts: a dose change written as two
-- entries, not a new start.
local function carries_on(c, courses)
  for _, o in ipairs(courses) do
    if o ~= c and (o.from == nil or o.from < c.from) and meds.last_acting(o) >= c.from then
      return true
    end
  end
  return false
end

--- Whether one drug (a group from G.by_drug) was started or its dose
-- raised (`way` "up"), or stopped or its dose lowered (`way` "down"),
-- within `window_h` hours before the assessment. A start that carries on
-- another course of the same drug is no new start, and a stop carried on
-- by another course is no stop (lib/meds.lua "continued"). Dose changes
-- are read from the doses[] {t, mg} of all the drug's courses, in time
-- order: a dose timed within the window higher (lower) than the dose
-- before it. Without doses a change cannot be seen, so a drug not started
-- (stopped) in the window is then unknown. Returns value, phrase.
-- @usage regimen.changed(case, group, "down", 72)   -- levodopa withdrawn or reduced
function G.changed(case, group, way, window_h)
  local up, text = way == "up", fmt.wanted()   -- the phrase "" when nobody reads it (lib/fmt.lua)
  for _, c in ipairs(group.courses) do
    if up and c.from ~= nil and time.in_window(case, c.from, window_h) and not carries_on(c, group.courses) then
      return true, text and ("started at %s, %s"):format(time.fmt(case, c.from), time.ago_anchor(case, c.from)) or ""
    end
    if not up and meds.stopped_within(case, c, window_h) then
      return true, text and ("stopped at %s, %s"):format(time.fmt(case, c.stop), time.ago_anchor(case, c.stop)) or ""
    end
  end
  local ds, lacking = doses_of(case, group)
  local function dose(d) return fmt.unit(d.mg, "mg") .. time.at(case, d.t) end
  for i = 2, #ds do
    local a, b = ds[i - 1], ds[i]
    if time.in_window(case, b.t, window_h) and ((up and b.mg > a.mg) or (not up and b.mg < a.mg)) then
      return true, text and ("dose %s from %s to %s, %s"):format(up and "raised" or "lowered", dose(a), dose(b),
        time.ago_anchor(case, b.t)) or ""
    end
  end
  if not text then
    if #ds == 0 or lacking then return nil, "" end
    return false, ""
  end
  local spans = fmt.each(group.courses, function(c) return meds.span(case, c) end, 3)
  local change = up and "raised" or "lowered"
  if #ds == 0 or lacking then
    return nil, ("%s; %s within %s: no doses recorded for %s, so a dose change cannot be seen"):format(
      spans, up and "not started" or "not stopped", time.window(case, window_h),
      #ds == 0 and "it" or "one of its courses")
  end
  return false, ("%s; doses %s: not %s within %s"):format(spans, fmt.each(ds, dose, 4), change,
    time.window(case, window_h))
end

--- A drug of `classes` ({[id]=true}) given within `hours` before the
-- assessment, as a finding naming each such drug with its course; `what`
-- words the class ("serotonergic drug"). Unrecognised drugs in the window
-- leave a "no" unknown under parameter drugs.unrecognised.
-- @usage regimen.given(case, { serotonergic = true }, 840, "serotonergic drug")
function G.given(case, classes, hours, what)
  local given, unknown = meds.given_in(case, classes, hours)
  if given == nil then
    return tri.finding(nil, unknown, "the medication list (medications[]: drug or atc, start, stop) "
      .. "and the assessment time")
  end
  local none = fmt.wanted() and ("no %s given within %s"):format(what, time.window(case, hours)) or ""
  -- none of the classes given (most cases): G.any's answer, without a judge made for nothing
  if given[1] == nil then return open_no(none, unknown) end
  return G.any(given, unknown, function(c) return true, meds.span(case, c) end, none)
end

--- A drug of `classes` started or raised (`way` "up"), or stopped or
-- lowered ("down"), within `hours` before the assessment (G.changed for
-- each drug given in that window), as a finding; `what` words the class.
-- @usage regimen.class_changed(case, { dopaminergic = true }, "down", 72, "dopaminergic drug")
function G.class_changed(case, classes, way, hours, what)
  local given, unknown = meds.given_in(case, classes, hours)
  if given == nil then
    return tri.finding(nil, unknown, "the medication list (medications[]: drug or atc, start, stop, "
      .. "doses) and the assessment time")
  end
  local none = fmt.wanted() and ("no %s given within %s"):format(what, time.window(case, hours)) or ""
  -- none of the classes given (most cases): G.any's answer, without the
  -- groups and the closures made for nothing
  if given[1] == nil then return open_no(none, unknown) end
  local groups = G.by_drug(given)
  local function missing()   -- only for an undecided answer
    local names = {}
    for i, g in ipairs(groups) do names[i] = g.info.generic or drugs.as_written(g.info) end
    return ("the doses of %s (medications[].doses with t and mg), to tell whether they were %s"):format(
      fmt.list(names, 6), way == "up" and "raised" or "lowered")
  end
  return G.any(groups, unknown, function(g) return G.changed(case, g, way, hours) end, none, missing)
end

return G
