-- lib/meds.lua - medication courses in time: given, stopped, first exposure.
--
-- A course is one medications[] entry. It runs from `start` (else its
-- first dose) to `stop`; with no `stop`, or a stop after the assessment,
-- it is still being given at the assessment (docs/case-format.md). A course
-- starting after the assessment is ignored. "Within H h" includes both
-- ends. A dopaminergic course counts as *stopped* only when no other course
-- of the same drug carries on from its stop (a dose change written as two
-- entries is not a withdrawal). Which classes are dopamine antagonists and
-- which withdrawals count are parameters (exposure.*); what an unrecognised
-- drug means is parameter drugs.unrecognised.

local drugs = require("lib.drugs")
local time = require("lib.time")
local fmt = require("lib.fmt")
local tri = require("lib.tri")
local P = require("lib.params")

local ANTAGONISTS = P.set("exposure.antagonist_classes")
local WITHDRAWAL = P.set("exposure.withdrawal_classes")
local UNRECOGNISED = P.choice("drugs.unrecognised", { "unknown", "ignore" })

local M = {}

-- Courses are built once per case (every item asks for them); keyed weakly
-- by the medications array, so they live only as long as the case.
local built = setmetatable({}, { __mode = "k" })

-- Marks each course of one drug whose stop another course of that drug
-- carries on from: some other course starts at or before the stop (or has
-- no start) and runs past it. Sorted by start with a running maximum of
-- the ends, so long lists stay cheap: O(n log n) per drug.
local function mark_continued(group)
  local INF = math.huge
  local by_start = {}
  for i, c in ipairs(group) do by_start[i] = c end
  table.sort(by_start, function(a, b) return (a.from or -INF) < (b.from or -INF) end)
  local starts, reach, best = {}, {}, -INF
  for i, c in ipairs(by_start) do
    best = math.max(best, c.ongoing and INF or c.stop)
    starts[i], reach[i] = c.from or -INF, best
  end
  for _, c in ipairs(group) do
    if c.stop ~= nil then
      local lo, hi = 0, #starts          -- last index with start <= c.stop
      while lo < hi do
        local mid = (lo + hi + 1) // 2
        if starts[mid] <= c.stop then lo = mid else hi = mid - 1 end
      end
      c.continued = lo > 0 and reach[lo] > c.stop
    end
  end
end

--- The courses of the case, each { med, info (lib/drugs), from, stop,
-- ongoing, continued (another course of the same drug carries on from its
-- stop) }, in input order; nil when no medication list was recorded.
-- Shared between items: read, never modify.
function M.courses(case)
  if case.medications == nil then return nil end
  if built[case.medications] then return built[case.medications] end
  local out, by_drug = {}, {}
  for _, med in ipairs(case.medications) do
    local first = time.earliest(med.doses)
    local from = med.start or (first and first.t)
    if time.not_after(case, from) then
      local stop = med.stop
      if stop ~= nil and not time.not_after(case, stop) then stop = nil end
      local c = { med = med, info = drugs.classify(med), from = from, stop = stop, ongoing = stop == nil }
      local key = drugs.normalize(c.info.generic or med.drug or "")
      by_drug[key] = by_drug[key] or {}
      table.insert(by_drug[key], c)
      out[#out + 1] = c
    end
  end
  for _, group in pairs(by_drug) do mark_continued(group) end
  built[case.medications] = out
  return out
end

--- Whether course `c` was given at any time in the `hours` before the
-- assessment (nil when the assessment time is unknown).
function M.given_within(case, c, hours)
  if case.assessed_at == nil then return nil end
  if c.ongoing then return true end
  return time.overlaps(case, c.from, c.stop, hours)
end

--- Whether course `c` was stopped within the `hours` before the
-- assessment and not carried on by another course of the same drug.
function M.stopped_within(case, c, hours)
  if c.stop == nil then return false end
  local w = time.within(case, c.stop, hours)
  if not w then return w end
  return not c.continued
end

--- "given at T", "given from T1 to T2", "given since T1, still given at
-- assessment", ...
function M.span(case, c)
  if c.from and c.stop and c.from == c.stop then
    return "given at " .. time.fmt(case, c.from)
  elseif c.from and c.stop then
    return "given from " .. time.fmt(case, c.from) .. " to " .. time.fmt(case, c.stop)
  elseif c.from then
    return "given since " .. time.fmt(case, c.from) .. ", still given at assessment"
  elseif c.stop then
    return "given until " .. time.fmt(case, c.stop) .. " (start not recorded)"
  end
  return "still given at assessment (start not recorded)"
end

--- Dopamine-antagonist exposure, or withdrawal of a dopaminergic drug,
-- within `hours` before the assessment, as a finding. Optional `opts`:
--   withdrawal = false   only dopamine-antagonist use counts (criteria that
--                        ask for neuroleptic use, e.g. DSM-IV-TR A);
--   depot_hours = H      a course whose route is "depot" counts when given
--                        within H hours instead (e.g. Caroff & Mann).
-- @usage meds.exposure(case, 72)   -- IEC 2011 item 1
-- @usage meds.exposure(case, 168, { withdrawal = false, depot_hours = 672 })
function M.exposure(case, hours, opts)
  opts = opts or {}
  local withdrawal = opts.withdrawal ~= false
  local courses = M.courses(case)
  if courses == nil then return tri.finding(nil, "no medication list recorded") end
  if case.assessed_at == nil then
    return tri.finding(nil, "assessment time unknown (the record has no times)", "an assessment time")
  end
  if #courses == 0 then return tri.finding(false, "medication list recorded as empty") end
  local window = time.duration(hours)
  local hits, earlier, others, unknown = {}, {}, {}, {}
  for _, c in ipairs(courses) do
    local depot = opts.depot_hours ~= nil and c.med.route == "depot"
    local h = depot and opts.depot_hours or hours
    local name, within = drugs.describe(c.info), M.given_within(case, c, h)
    local is_da = drugs.in_classes(c.info, ANTAGONISTS)
    if is_da and within then
      hits[#hits + 1] = name .. (depot and " (depot) " or " ") .. M.span(case, c)
        .. (c.ongoing and "" or (", within " .. time.duration(h) .. " before assessment"))
    elseif is_da then
      earlier[#earlier + 1] = ("%s last given at %s, %s"):format(name, time.fmt(case, c.stop), time.ago(case, c.stop))
    end
    if withdrawal and drugs.in_classes(c.info, WITHDRAWAL) and M.stopped_within(case, c, hours) then
      hits[#hits + 1] = ("%s stopped at %s, %s (withdrawal within %s)"):format(
        name, time.fmt(case, c.stop), time.ago(case, c.stop), window)
    elseif not c.info.recognised and within then
      unknown[#unknown + 1] = drugs.as_written(c.info)
    elseif not is_da and within then
      others[#others + 1] = name
    end
  end
  local tail = fmt.join({
    #earlier > 0 and fmt.join(earlier) or nil,
    #others > 0 and ("other medications in the window: " .. fmt.list(others, 6)) or nil,
    #unknown > 0 and ("not in the ruleset's drug list: " .. fmt.list(unknown, 6)) or nil,
  })
  if #hits > 0 then return tri.finding(true, fmt.join({ fmt.join(hits), tail })) end
  local none = withdrawal and ("no dopamine antagonist given and no dopaminergic drug stopped within %s "
    .. "before assessment"):format(window) or ("no dopamine antagonist given within %s before assessment%s"):format(
    window, opts.depot_hours and (" (depot: " .. time.duration(opts.depot_hours) .. ")") or "")
  if #unknown > 0 and UNRECOGNISED == "unknown" then
    return tri.finding(nil, none .. " among the recognised drugs; " .. tail,
      "the class of " .. fmt.list(unknown, 6)
        .. ": add the drug to rules/drugs.lua or give its ATC code (medications[].atc)")
  end
  if #unknown > 0 then tail = tail .. " (taken as unrelated: parameter drugs.unrecognised = ignore)" end
  return tri.finding(false, fmt.join({ none, tail }))
end

--- The time of the first exposure: the earliest start (or first dose) of a
-- dopamine antagonist, and with `with_withdrawal` also the stop of a
-- dopaminergic drug. Returns t and a phrase ("the first haloperidol at T"),
-- or nil and why it cannot be known.
function M.first_exposure(case, with_withdrawal)
  local courses = M.courses(case)
  if courses == nil then return nil, "no medication list recorded" end
  local best, what
  for _, c in ipairs(courses) do
    local name = c.info.generic or c.med.drug or "drug"
    if drugs.in_classes(c.info, ANTAGONISTS) then
      if c.from == nil then return nil, "the start of " .. name .. " is not recorded" end
      if best == nil or c.from < best then best, what = c.from, "the first " .. name end
    end
    if with_withdrawal and drugs.in_classes(c.info, WITHDRAWAL)
        and M.stopped_within(case, c, math.huge) and (best == nil or c.stop < best) then
      best, what = c.stop, name .. " was stopped"
    end
  end
  if best == nil then return nil, "no dopamine-antagonist exposure recorded" end
  return best, what .. " (" .. time.fmt(case, best) .. ")"
end

--- The courses given at any time in the `hours` before the assessment
-- whose drug is in a class of `classes` ({[id]=true}), and, separately, the
-- unrecognised drugs given in that window (whose class cannot be told).
-- With `depot_hours`, a course whose route is "depot" counts when given
-- within that many hours instead (a long-acting injection keeps acting).
-- @return courses, unrecognised; or nil and why (no medication list, or
--   no assessment time)
-- @usage local given, unknown = meds.given_in(case, { lithium = true }, 72)
function M.given_in(case, classes, hours, depot_hours)
  local courses = M.courses(case)
  if courses == nil then return nil, "no medication list recorded" end
  if case.assessed_at == nil then return nil, "assessment time unknown (the record has no times)" end
  local hits, unknown = {}, {}
  for _, c in ipairs(courses) do
    local h = (depot_hours ~= nil and c.med.route == "depot") and depot_hours or hours
    if M.given_within(case, c, h) then
      if drugs.in_classes(c.info, classes) then hits[#hits + 1] = c
      elseif not c.info.recognised then unknown[#unknown + 1] = c end
    end
  end
  return hits, unknown
end

--- What triggered exposure in the `hours` before the assessment, split as
-- management needs it: dopamine antagonists given (to stop) and
-- dopaminergic drugs withdrawn (to restore), by the same classes and
-- rules as meds.exposure; `depot_hours` as for M.given_in.
-- @return { antagonists = {courses}, withdrawals = {courses} }, or nil and why
function M.trigger(case, hours, depot_hours)
  local given, why = M.given_in(case, ANTAGONISTS, hours, depot_hours)
  if given == nil then return nil, why end
  local out = { antagonists = given, withdrawals = {} }
  for _, c in ipairs(M.courses(case)) do
    if drugs.in_classes(c.info, WITHDRAWAL) and M.stopped_within(case, c, hours) then
      out.withdrawals[#out.withdrawals + 1] = c
    end
  end
  return out
end

return M
