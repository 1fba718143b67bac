-- lib/meds.lua - medication courses in time: given, acting, stopped, first
-- exposure; the clock of the drug windows.
--
-- A course is one medications[] entry. It runs from `start` (else its
-- first dose) to `stop` (its last dose); with no `stop`, or a stop after
-- the assessment, it is still being given at the assessment
-- (docs/case-format.md). A course starting after the assessment is
-- ignored.
--
-- Depot (long-acting injectable) courses: a course whose route is "depot"
-- or whose name marks a depot ("decanoate", "Consta", "LAI", ...;
-- drugs/depot.lua) keeps acting after each injection for its product's
-- duration (parameters depot.*, params/core.lua). With a stop, it acts
-- until stop + duration; without a stop, each recorded injection (start,
-- doses[].t) acts for the duration after it, not for ever. Every set that
-- asks about exposure reads this through M.exposure / M.given_in /
-- M.trigger, so a depot counts the same way everywhere.
--
-- The clock: drug windows ("within 72 h") run back from the anchor
-- (M.anchor: symptom onset, else the first fever or rigidity in the
-- record, else the assessment; lib/time.lua) and on to the assessment.
-- "Within H h" includes both ends. Exposure is judged before onset: a
-- dopamine antagonist first given after a recorded onset (a withdrawal:
-- stopped after it) did not precede the syndrome and is not its exposure;
-- one first given after the first sign of a record without an onset
-- leaves the exposure unknown until the case gives its onset
-- (M.after_anchor). A dopaminergic course counts as *stopped* only when
-- no other course of the same drug carries on from its stop (a dose
-- change written as two entries is not a withdrawal). Which
-- classes are dopamine antagonists and which withdrawals count are
-- parameters (exposure.*); what an unrecognised drug means is parameter
-- drugs.unrecognised.

local drugs = require("lib.drugs")
local time = require("lib.time")
local fmt = require("lib.fmt")
local tri = require("lib.tri")
local P = require("lib.params")
local memo = require("lib.memo")

local ANTAGONISTS = P.set("exposure.antagonist_classes")
local WITHDRAWAL = P.set("exposure.withdrawal_classes")
local WITHDRAWAL_H = P.number("exposure.withdrawal_window_h")
-- What a record without a medication list lacks (the missing text of M.exposure).
local MED_LIST = "the medication list (medications[]: drug or atc, start, stop)"
local UNRECOGNISED = P.choice("drugs.unrecognised", { "unknown", "ignore" })

local M = {}

--- The anchor of every drug window, as hours and words: t, text, kind
-- ("onset" | "first_sign" | "assessment"); nil when the assessment time is
-- unknown. One definition for every set (lib/time.lua time.anchor).
-- @usage local t, why = meds.anchor(case)
function M.anchor(case)
  local a = time.anchor(case)
  if a == nil then return nil, "assessment time unknown" end
  return a.t, a.text, a.kind
end

--- The window of dopaminergic withdrawal for parkinsonism-hyperpyrexia
-- (parameter exposure.withdrawal_window_h, §4.5 [S18], §7.5 [S74]).
function M.withdrawal_hours() return WITHDRAWAL_H end

-- Courses are built once per case (every item asks for them); keyed weakly
-- by the medications array, so they live only as long as the case.
local built = setmetatable({}, { __mode = "k" })
-- ... and beside them, per case, the classes of all its drugs (a list,
-- repeats allowed), or false when some drug is unrecognised, made at the
-- case's first class question: a question none of them is in is answered
-- from it (M.given_in).
local classes_given = setmetatable({}, { __mode = "k" })

--- The last time course `c` (of M.courses) acts: math.huge while still
-- given, the end of its depot action, else its stop.
function M.last_acting(c)
  if c.ongoing then return math.huge end
  return c.acting_until or c.stop
end
local last_acting = M.last_acting

-- Marks each course of one drug whose stop another course of that drug
-- carries on from: some other course starts at or before the stop (or has
-- no start) and runs past it. Sorted by start with a running maximum of
-- the ends, so long lists stay cheap: O(n log n) per drug.
-- One course of its drug (the usual case): what mark_continued's search
-- finds for it, without the sort and its lists.
local function mark_alone(c)
  local INF = math.huge
  if c.stop ~= nil then
    c.continued = (c.from or -INF) <= c.stop and (last_acting(c) or -INF) > c.stop
  end
end

local function mark_continued(group)
  local INF = math.huge
  if group[2] == nil then
    mark_alone(group[1])
    return
  end
  local by_start = {}
  for i, c in ipairs(group) do by_start[i] = c end
  table.sort(by_start, function(a, b) return (a.from or -INF) < (b.from or -INF) end)
  local starts, reach, best = {}, {}, -INF
  for i, c in ipairs(by_start) do
    best = math.max(best, last_acting(c) or -INF)
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

-- A depot course: the time of its last injection (its stop, else the
-- latest of start and recorded doses, not after the assessment) and how
-- long it acts after it. A course with only a start (no stop, no doses)
-- may be one injection or a regimen whose later injections were not
-- written down: it acts for the duration after the start, and after that
-- whether it still acts is unknown (`open`), never "for ever" and never
-- silently false. Without any time it stays "still given" as recorded.
-- The latest recorded dose of `med` not after the assessment, or nil.
local function last_dose(case, med)
  return time.latest(med.doses, function(d) return time.not_after(case, d.t) end)
end

local function as_depot(case, c)
  local latest = last_dose(case, c.med)
  -- the product may depend on the strength injected (drugs/depot.lua)
  local depot = drugs.depot(c.info, c.med.route, latest and latest.mg)
  c.depot = depot
  local last = c.stop
  if last == nil then
    last = c.from
    if latest and (last == nil or latest.t > last) then last = latest.t end
    c.open = latest == nil
  end
  if last == nil then return end
  c.last_injection = last
  c.acting_until = last + depot.hours
  -- its strength not recorded, the product may be one that acts longer
  -- (drugs.depot `unsure`): up to then, whether it acts is unknown
  if depot.unsure then c.open_until = last + depot.unsure.hours end
  c.ongoing = false
end

-- The classes of the drugs of `courses`, in one list (repeats allowed);
-- false when a drug is unrecognised (its class is unknown).
local function case_classes(courses)
  local out, n = {}, 0
  for i = 1, #courses do
    local info = courses[i].info
    if not info.recognised then return false end
    local list = info.class_list
    for k = 1, #list do
      n = n + 1
      out[n] = list[k]
    end
  end
  return out
end

--- The courses of the case, each { med, info (lib/drugs), from, stop,
-- ongoing, continued (another course of the same drug carries on from its
-- stop), antagonist / withdrawal (its drug is in a class of parameter
-- exposure.antagonist_classes / exposure.withdrawal_classes), depot
-- (lib/drugs depot: title, hours, param) and for a depot last_injection
-- and acting_until }, in input order; nil when no medication list was
-- recorded. Shared between items: read, never modify.
function M.courses(case)
  local meds = case.medications
  if meds == nil then return nil end
  local out = built[meds]
  if out then return out end
  local by_drug = {}
  out = {}
  for i = 1, math.huge do   -- as ipairs, without its call per entry
    local med = meds[i]
    if med == nil then break end
    local first = time.earliest(med.doses)
    local from = med.start or (first and first.t)
    if time.not_after(case, from) then
      local stop = med.stop
      if stop ~= nil and not time.not_after(case, stop) then stop = nil end
      local info = drugs.classify(med)
      -- the two memberships every exposure walk asks of every course
      -- (M.exposure per window, M.first_exposure, M.trigger): once here
      local c = { med = med, info = info, from = from, stop = stop, ongoing = stop == nil,
        antagonist = drugs.in_classes(info, ANTAGONISTS), withdrawal = drugs.in_classes(info, WITHDRAWAL) }
      -- an intramuscular injection may be a depot by its strength alone
      -- (drugs.is_depot), read only then
      local dose = med.route == "im" and last_dose(case, med)
      if drugs.is_depot(info, med.route, dose and dose.mg) then as_depot(case, c) end
      -- a drug's one course stands for its group (most drugs: no list
      -- made); a second course makes the list
      local key = drugs.drug_key(info)
      local group = by_drug[key]
      if group == nil then
        by_drug[key] = c
      elseif group.med ~= nil then
        by_drug[key] = { group, c }
      else
        group[#group + 1] = c
      end
      out[#out + 1] = c
    end
  end
  for _, group in pairs(by_drug) do
    if group.med ~= nil then mark_alone(group) else mark_continued(group) end
  end
  built[meds] = out
  return out
end

--- The end of course `c` for overlaps in time: the assessment while still
-- given or while a depot still acts, else its stop or the end of its depot
-- action.
function M.until_time(case, c)
  local t = last_acting(c)
  if t == nil or t > case.assessed_at then return case.assessed_at end
  return t
end

local reaches = time.reaches_at

-- M.given_within with the anchor's time `at` and the assessment `assessed`
-- read once by a walk over the courses (time.reaches_at).
local function acts_within(at, assessed, c, hours, depot_hours)
  if c.ongoing then return true end
  local from = c.from
  local acting = reaches(at, assessed, from, c.acting_until or c.stop, hours)
  if not acting and c.depot and depot_hours then
    acting = reaches(at, assessed, from, c.last_injection, depot_hours)
  end
  if acting == false and (c.open or (c.open_until and reaches(at, assessed, from, c.open_until, hours))) then
    return nil
  end
  return acting
end

--- Whether course `c` was given (or, a depot, still acted) at any time in
-- the drug window of `hours` (time.in_window: back from the anchor, on to
-- the assessment); nil when the assessment time is unknown. With
-- `depot_hours`, a depot also counts when injected within that window
-- (the older per-set depot windows, e.g. Caroff & Mann "2-4 weeks").
-- A depot given by its start alone (see as_depot: `open`) that no longer
-- acts from that injection is unknown, not false; so is one whose
-- unrecorded strength may make it a product that still acts
-- (`open_until`, drugs.depot `unsure`).
function M.given_within(case, c, hours, depot_hours)
  local a = time.anchor(case)   -- nil when the assessment time is unknown
  if a == nil then return nil end
  return acts_within(a.t, case.assessed_at, c, hours, depot_hours)
end

-- What would decide whether a depot known by its start alone still acts.
local DEPOT_OPEN = "the later injections of the depot (medications[].doses[].t) or its stop (medications[].stop)"

--- For a depot course `c` whose action M.given_within leaves unknown: what
-- would decide it (a `missing` text), and why it is open in words ("no
-- later injection or stop recorded"; "strength not recorded: as
-- aripiprazole 2-monthly (...) it would act 1464 h", with `case` "... act
-- until T").
function M.depot_open(c, case)
  if c.open or not c.open_until then return DEPOT_OPEN, "no later injection or stop recorded" end
  local u = c.depot.unsure
  return ("the strength of the depot's last injection (medications[].doses[].mg, or the strength in its "
      .. "name): as %s one injection acts %s (parameter %s)"):format(u.title, time.duration(u.hours), u.param),
    ("strength not recorded: as %s it would act %s"):format(u.title,
      case and ("until " .. time.fmt(case, c.open_until)) or time.duration(u.hours))
end

--- Whether course `c` was stopped within the drug window of `hours` and
-- not carried on by another course of the same drug.
function M.stopped_within(case, c, hours)
  if c.stop == nil then return false end
  local w = time.in_window(case, c.stop, hours)
  if not w then return w end
  return not c.continued
end

--- "given at T", "given from T1 to T2", "given since T1, still given at
-- assessment", ...; a depot: "injected at T (depot: haloperidol decanoate,
-- acts 840 h after each injection: until T2)".
function M.span(case, c)
  if c.acting_until then
    local last = c.last_injection
    local when = (c.from and c.from ~= last) and ("injected from " .. time.fmt(case, c.from) .. " to "
      .. time.fmt(case, last)) or ("injected at " .. time.fmt(case, last))
    return ("%s (depot: %s; one injection acts %s, parameter %s: until %s)"):format(when, c.depot.title,
      time.duration(c.depot.hours), c.depot.param, time.fmt(case, c.acting_until))
  end
  local text
  if c.from and c.stop and c.from == c.stop then
    text = "given at " .. time.fmt(case, c.from)
  elseif c.from and c.stop then
    text = "given from " .. time.fmt(case, c.from) .. " to " .. time.fmt(case, c.stop)
  elseif c.from then
    text = "given since " .. time.fmt(case, c.from) .. ", still given at assessment"
  elseif c.stop then
    text = "given until " .. time.fmt(case, c.stop) .. " (start not recorded)"
  else
    text = "still given at assessment (start not recorded)"
  end
  if c.depot then text = text .. " (depot: " .. c.depot.title .. "; no injection time recorded)" end
  return text
end

-- M.after_anchor with the anchor `a` (time.anchor) read by the caller:
-- the exposure walk reads it once for all its courses.
local function after_at(a, c, withdrawal)
  local t = withdrawal and c.stop or c.from
  if a == nil or t == nil or t <= a.t or a.kind == "assessment" then return nil end
  if withdrawal and a.kind ~= "onset" then return nil end
  return a.kind
end

--- Whether course `c` began after the anchor of the drug windows: first
-- given after it (its start, else its first dose), or, with `withdrawal`,
-- stopped after it. Exposure is "within the past 72 h (before symptom
-- onset)" (DSM-5 as rendered in clinical-reference §1.2 [S12][S13]; IEC
-- 2011 item 1, §3 [S1]; Caroff & Mann "within 7 days of onset", §4.4
-- [S12]): a drug started after the syndrome began cannot have caused it.
-- Returns nil when the course did not begin after the anchor (or its time
-- is unknown), else the anchor's kind: "onset" (the case gives the onset:
-- the course does not count) or "first_sign" (the first fever or rigidity
-- in the record, which may belong to another illness that came first, as
-- a febrile delirium treated with haloperidol: whether the course counts
-- waits for case.onset). A withdrawal is judged against a recorded onset
-- only: the patients who stop a dopaminergic drug mostly have Parkinson's
-- disease, whose own rigidity is the first sign many records show, long
-- before the stop (parkinsonism-hyperpyrexia, §7.5 [S74]).
function M.after_anchor(case, c, withdrawal)
  return after_at(time.anchor(case), c, withdrawal)
end

-- What would decide an exposure whose only drugs began after the first
-- sign the record shows (M.after_anchor).
local LATE_OPEN = "the onset of the syndrome (case.onset): the dopamine antagonist was first given after "
  .. "the first fever or rigidity in the record, and counts only if the syndrome began after it"

-- "haloperidol first given at T, 6 h after the first sign (...)".
local function late_text(case, c, name, withdrawal)
  local a = time.anchor(case)
  local t = withdrawal and c.stop or c.from
  return ("%s %s at %s, %s after %s"):format(name, withdrawal and "stopped" or "first given",
    time.fmt(case, t), time.duration(t - a.t), a.text)
end

-- "the window runs back from symptom onset (...)": which anchor was used.
local function anchor_note(case)
  local a = time.anchor(case)
  return "drug window measured back from " .. a.text .. ", up to the assessment"
end

-- The words of one dopamine-antagonist course that is outside the window.
local function earlier(case, c, name)
  if c.acting_until then
    return ("%s last injected at %s, acting until %s (%s)"):format(name, time.fmt(case, c.last_injection),
      time.fmt(case, c.acting_until), c.depot.title)
  end
  return name .. " last given at " .. time.fmt(case, c.stop) .. ", " .. time.ago_anchor(case, c.stop)
end

--- Dopamine-antagonist exposure, or withdrawal of a dopaminergic drug,
-- within the drug window of `hours` (back from the anchor, M.anchor), as a
-- finding. A depot counts while it acts (depot.* parameters). Optional
-- `opts`:
--   withdrawal = false   only dopamine-antagonist use counts (criteria that
--                        ask for neuroleptic use, e.g. DSM-IV-TR A);
--   withdrawal_hours = H a dopaminergic drug stopped within H hours counts
--                        (default: the longer of `hours` and
--                        exposure.withdrawal_window_h, the
--                        parkinsonism-hyperpyrexia window of §7.5 / §4.5,
--                        so a levodopa stop 84 h or 7 days before the
--                        syndrome is exposure; IEC prints 72 h);
--   depot_hours = H      a depot also counts when injected within H hours
--                        (a set's own published depot window).
-- @usage meds.exposure(case, 72)   -- IEC 2011 item 1
-- @usage meds.exposure(case, 168, { withdrawal = false, depot_hours = 672 })
local exposure
local wanted = fmt.wanted

-- What would decide an exposure left open by drugs the ruleset does not
-- know (`unknown`: their names as written).
local function unrecognised(unknown)
  return "the class of " .. fmt.list(unknown, 6)
    .. ": add the drug to rules/drugs.lua or give its ATC code (medications[].atc)"
end

local NO_OPTIONS = {}
function M.exposure(case, hours, opts)
  opts = opts or NO_OPTIONS
  return exposure(case, hours, opts.withdrawal ~= false, opts.withdrawal_hours, opts.depot_hours)
end

-- M.exposure with its options spelt out, so that lib/memo.lua can remember
-- it per case: the criteria sets and the severity tier ask it alike, each
-- with an options table of its own.
exposure = memo.wrap(function(case, hours, withdrawal, withdrawal_hours, depot_hours)
  -- math.max(hours, WITHDRAWAL_H), without the library call
  local w_hours = withdrawal_hours or (hours < WITHDRAWAL_H and WITHDRAWAL_H or hours)
  local courses = M.courses(case)
  -- What decides it, named: the undecided line would otherwise say
  -- "missing: data" (published case cr56, FINDINGS-21 2).
  if courses == nil then return tri.finding(nil, "no medication list recorded", MED_LIST) end
  if case.assessed_at == nil then
    return tri.finding(nil, "assessment time unknown (the record has no times)", "an assessment time")
  end
  if #courses == 0 then return tri.finding(false, "medication list recorded as empty") end
  local anchor = time.anchor(case)   -- read once for the walk (acts_within)
  local at, assessed = anchor.t, case.assessed_at
  local text = wanted()   -- else only the counts, and the unknown names for `missing`
  -- Without evidence the hits and the open depots are only counted, and
  -- the unknown names' list is made when one comes (most cases: none).
  local n_hits, n_open, n_unknown, n_late, late_kind = 0, 0, 0, 0, nil
  local open_missing   -- what would decide the open depots (M.depot_open), each once
  local hits, open, late = text and {}, text and {}, text and {}
  local unknown = text and {}
  local before, others = text and {}, text and {}   -- evidence only
  for i = 1, math.huge do   -- as ipairs, without its call per course
    local c = courses[i]
    if c == nil then break end
    local is_da = c.antagonist
    -- the window of a recognised drug that is no dopamine antagonist
    -- decides nothing: it is worked out only when the evidence names it
    local within = (is_da or text or not c.info.recognised)
      and acts_within(at, assessed, c, hours, depot_hours)
    local name = text and drugs.describe(c.info)
    local after = is_da and within and after_at(anchor, c)
    if after then   -- first given after the syndrome began (or may have)
      n_late, late_kind = n_late + 1, after
      if text then late[n_late] = late_text(case, c, name) end
    elseif is_da and within then
      n_hits = n_hits + 1
      if text then hits[n_hits] = name .. " " .. M.span(case, c) end
    elseif is_da and within == nil then
      n_open = n_open + 1
      local decide, why = M.depot_open(c, case)
      if open_missing == nil then open_missing = decide
      elseif not open_missing:find(decide, 1, true) then open_missing = open_missing .. "; " .. decide end
      if text then open[n_open] = name .. " " .. M.span(case, c) .. "; " .. why end
    elseif is_da and text then
      before[#before + 1] = earlier(case, c, name)
    end
    local stopped = withdrawal and c.withdrawal and M.stopped_within(case, c, w_hours)
    after = stopped and after_at(anchor, c, true)
    if after then
      n_late, late_kind = n_late + 1, after
      if text then late[n_late] = late_text(case, c, name, true) end
    elseif stopped then
      n_hits = n_hits + 1
      if text then
        hits[n_hits] = ("%s stopped at %s, %s (withdrawal within %s%s)"):format(
          name, time.fmt(case, c.stop), time.ago_anchor(case, c.stop), time.window(case, w_hours),
          withdrawal_hours and "" or ": parameter exposure.withdrawal_window_h, §7.5")
      end
    elseif not c.info.recognised and within and not is_da then   -- (a partly known combination may be)
      n_unknown = n_unknown + 1
      unknown = unknown or {}
      unknown[n_unknown] = drugs.as_written(c.info)
    elseif not is_da and within and text then
      others[#others + 1] = name
    end
  end
  -- drugs begun after a recorded onset do not count; after a first sign
  -- only, they leave the exposure open for the onset
  local late_open = n_late > 0 and late_kind ~= "onset"
  if not text then
    if n_hits > 0 then return tri.finding(true, "") end
    if n_open > 0 then return tri.finding(nil, "", open_missing) end
    if late_open then return tri.finding(nil, "", LATE_OPEN) end
    if n_unknown > 0 and UNRECOGNISED == "unknown" then return tri.finding(nil, "", unrecognised(unknown)) end
    return tri.finding(false, "")
  end
  local tail = fmt.join({
    #before > 0 and fmt.join(before) or nil,
    n_late > 0 and (fmt.join(late) .. (late_kind == "onset" and " (after the onset: not its exposure)" or ""))
      or nil,
    #others > 0 and ("other medications in the window: " .. fmt.list(others, 6)) or nil,
    #unknown > 0 and ("not in the ruleset's drug list: " .. fmt.list(unknown, 6)) or nil,
  })
  local note = anchor_note(case)
  if #hits > 0 then return tri.finding(true, fmt.join({ fmt.join(hits), tail, note })) end
  local none = "no dopamine antagonist given or acting within " .. time.window(case, hours)
    .. (depot_hours and (" (a depot injected within " .. time.duration(depot_hours) .. ")") or "")
    .. (withdrawal and (" and no dopaminergic drug stopped within " .. time.window(case, w_hours)) or "")
  if #open > 0 then
    return tri.finding(nil, fmt.join({ none .. " that the record shows; " .. fmt.join(open), tail, note }),
      open_missing)
  end
  if late_open then
    return tri.finding(nil, fmt.join({ none .. "; " .. tail, note }), LATE_OPEN)
  end
  if #unknown > 0 and UNRECOGNISED == "unknown" then
    return tri.finding(nil, fmt.join({ none .. " among the recognised drugs; " .. tail, note }),
      unrecognised(unknown))
  end
  if #unknown > 0 then tail = tail .. " (taken as unrelated: parameter drugs.unrecognised = ignore)" end
  return tri.finding(false, fmt.join({ none, tail, note }))
end)

local first_exposure_of

--- The time of the first exposure: the earliest start (or first dose) of a
-- dopamine antagonist, and with `with_withdrawal` also the stop of a
-- dopaminergic drug. Returns t and a phrase ("the first haloperidol at T"),
-- or nil and why it cannot be known. Remembered per case (the baselines of
-- SBP, DBP, HR and RR each ask it).
local first_exposure = memo.wrap(function(case, with_withdrawal)
  return { first_exposure_of(case, with_withdrawal) }   -- both values, as table.pack without its call
end)
function M.first_exposure(case, with_withdrawal)
  local found = first_exposure(case, with_withdrawal and true or false)
  return found[1], found[2]
end

function first_exposure_of(case, with_withdrawal)
  local courses = M.courses(case)
  if courses == nil then return nil, "no medication list recorded" end
  local best, what
  for i = 1, math.huge do   -- as ipairs, without its call per course
    local c = courses[i]
    if c == nil then break end
    local name = c.info.generic or c.med.drug or "drug"
    if c.antagonist then
      if c.from == nil then return nil, "the start of " .. name .. " is not recorded" end
      if best == nil or c.from < best then best, what = c.from, "the first " .. name end
    end
    if with_withdrawal and c.withdrawal
        and M.stopped_within(case, c, math.huge) and (best == nil or c.stop < best) then
      best, what = c.stop, name .. " was stopped"
    end
  end
  if best == nil then return nil, "no dopamine-antagonist exposure recorded" end
  -- the phrase is evidence (the baselines' texts): "" when nobody reads it
  if not wanted() then return best, "" end
  return best, what .. " (" .. time.fmt(case, best) .. ")"
end

-- The empty list M.given_in answers for most classes of most cases, one
-- for all: its callers only read it (a write raises rather than put a
-- course into every later answer).
local NONE = setmetatable({}, { __newindex = function() error("meds.given_in's lists are read-only", 2) end })
-- ... and the answer "none in the classes, none unknown" kept as one pair
-- (the memory holds one value per answer): no table made per question.
local NONE_PAIR = setmetatable({ NONE, NONE },
  { __newindex = function() error("meds.given_in's lists are read-only", 2) end })

-- M.given_in, worked out, as one table { courses, unrecognised } (or
-- { nil, why }): remembered per case, classes (a constant of the
-- caller's, by identity) and windows, as the regimen items, the risk
-- factors, the triggers of the actions and the differentials ask alike.
-- Its lists hold courses, no text, so the answer serves every evidence
-- level (memo.wrap_plain); they are shared: read them, never modify them.
local given_in = memo.wrap_plain(function(case, classes, hours, depot_hours)
  local courses = M.courses(case)
  if courses == nil then return { nil, "no medication list recorded" } end
  local a = time.anchor(case)   -- nil when the assessment time is unknown
  if a == nil then return { nil, "assessment time unknown (the record has no times)" } end
  local at, assessed = a.t, case.assessed_at
  local hits, unknown   -- made when a course goes in (most asks find none)
  for i = 1, math.huge do   -- as ipairs, without its call per course
    local c = courses[i]
    if c == nil then break end
    -- a recognised drug of other classes counts for nothing, whenever it
    -- was given: its window is worked out only for the others
    -- (drugs.in_classes, inline: a loop over the drug's one to three
    -- classes, asked for every course by every class question)
    local info = c.info
    local list, member = info.class_list, false
    local k = 1
    local class = list[1]
    while class ~= nil do
      if classes[class] then member = true; break end
      k = k + 1
      class = list[k]
    end
    if member or not info.recognised then
      local within = acts_within(at, assessed, c, hours, depot_hours)
      if within and member then
        hits = hits or {}
        hits[#hits + 1] = c
      elseif within or (within == nil and (c.open or c.open_until) and member) then
        -- an unrecognised drug in the window, or a depot of `classes`
        -- known by its start alone, or of an unrecorded strength, which
        -- may still act
        unknown = unknown or {}
        unknown[#unknown + 1] = c
      end
    end
  end
  if hits == nil and unknown == nil then return NONE_PAIR end
  return { hits or NONE, unknown or NONE }
end)

--- The courses given (or, a depot, still acting) at any time in the drug
-- window of `hours` whose drug is in a class of `classes` ({[id]=true}),
-- and, separately, the courses that cannot be told: unrecognised drugs
-- given in that window (whose class is unknown), and depots of `classes`
-- known only by their start that may still act (`open`, see as_depot). `depot_hours` as for M.given_within.
-- @return courses, unrecognised; or nil and why (no medication list, or
--   no assessment time). The lists are shared between callers (worked
--   out once per case and arguments): read them, never modify them.
-- @usage local given, unknown = meds.given_in(case, { lithium = true }, 72)
function M.given_in(case, classes, hours, depot_hours)
  -- most class questions find none of their classes among the case's
  -- drugs, all recognised: that answer comes from the case's classes,
  -- without the memory's key and the walk over the courses
  local meds = case.medications
  local known = false
  if meds ~= nil and case.assessed_at ~= nil then
    known = classes_given[meds]
    if known == nil then   -- (made at the first class question: a case may ask none)
      known = case_classes(M.courses(case))
      classes_given[meds] = known
    end
  end
  if known then
    local k = 1
    local class = known[1]
    while class ~= nil and not classes[class] do
      k = k + 1
      class = known[k]
    end
    if class == nil then return NONE, NONE end
  end
  local found = given_in(case, classes, hours, depot_hours)
  return found[1], found[2]
end

--- What triggered exposure, split as management needs it: dopamine
-- antagonists given or acting in the drug window of `hours` (to stop), and
-- dopaminergic drugs withdrawn within the longer of `hours` and the
-- parkinsonism-hyperpyrexia window (exposure.withdrawal_window_h: to
-- restore), by the same classes and rules as meds.exposure; `depot_hours`
-- as for M.given_within.
-- @return { antagonists = {courses}, withdrawals = {courses} }, or nil and why
function M.trigger(case, hours, depot_hours)
  local given, why = M.given_in(case, ANTAGONISTS, hours, depot_hours)
  if given == nil then return nil, why end
  local out = { antagonists = given, withdrawals = {} }
  local w_hours = math.max(hours, WITHDRAWAL_H)
  for _, c in ipairs(M.courses(case)) do
    if c.withdrawal and M.stopped_within(case, c, w_hours) then
      out.withdrawals[#out.withdrawals + 1] = c
    end
  end
  return out
end

return M
