-- severity/working.lua - the working diagnosis of NMS: whether the
-- management of NMS is proposed at all, read from the verdicts of the
-- other sets (the engine evaluates severity last and passes them).
--
-- NMS is the working diagnosis when all three hold:
--   1. exposure: a dopamine antagonist or dopaminergic withdrawal in the
--      window (rules/severity.lua, item exposure), or a met criteria set of
--      severity.exposure_sets, whose own exposure criterion has a longer
--      published window (Caroff & Mann, 7 days; W.exposure);
--   2. NMS-specific evidence: a published NMS criteria set is met; or one
--      is still indeterminate AND rigidity and fever are both present (the
--      two features of DSM-IV-TR criterion A, §1.1 [S10][S11]; Levenson's
--      and Caroff & Mann's first major criteria, §2, §4.4; the "core
--      features" most criteria sets recognise, Sachdev 2005 [S19]). Every
--      criteria set decided "not met" is false. Anything else is unknown;
--   3. no better explanation: no rival look-alike met (severity/lookalikes
--      .lua) and no other cause found by the work-up (a "positive" result in
--      severity.exclusion_workup: IEC 2011 item 8 [S1]; DSM-IV-TR criterion
--      C, "not due to another substance ... or general medical condition",
--      §1.1 [S10][S11]) - unless an NMS criteria set is met all the same
--      AND rigidity is present; only the sets of severity.sets_against_rival
--      count here (not Levenson 1985, which has no exposure criterion and
--      which malignant hyperthermia and heat stroke meet on their own). A look-alike established on its own
--      criteria outweighs an NMS picture that no criteria set confirms, and
--      one that a set confirms only without rigidity (beside another cause
--      the work-up found, only without rigidity of severity.workup_rigidity,
--      moderate or severe: DSM-IV-TR criterion A asks for "severe" rigidity,
--      and a mild one, which the antipsychotic gives on its own, does not
--      make NMS outweigh a pneumonia found; IEC 2011 met with its item 8
--      failed is a weighted score without a validated cut-off, §3 [S2],
--      §3.1): rigidity is the cardinal feature (DSM-IV-TR criterion A; BMJ Best Practice "muscle
--      rigidity; a cardinal feature" [S13]; lead-pipe rigidity against the
--      normal tone of anticholinergic toxicity, §7.1 [S35]), and criteria
--      without an exclusion (Levenson: fever, CK and minor signs) are met
--      by exertional heat stroke with rhabdomyolysis. With a set met and
--      rigidity, neither is dropped: "both possible" (as the engine's
--      overlap note says, it never silently picks one diagnosis); with
--      rigidity not examined, undecided.
--      The work-up is read field by field, and its evidence says what the
--      record holds ("infection pending, toxic not recorded"), never "no
--      other cause found" of a work-up that is not there. A pending field
--      decides nothing (docs/case-format.md): undecided, unless a positive
--      result would still leave NMS possible (a set met with rigidity of
--      severity.workup_rigidity). Fields nobody recorded, none pending: a
--      met NMS criteria set, or rigidity of severity.workup_rigidity with
--      the fever of point 2, keeps NMS the working diagnosis (a classic
--      picture is not undone by a chart that does not record its work-up);
--      a picture with neither is undecided (without_rival below).
-- Undecided differentials do not displace NMS (otherwise every record
-- without a core temperature would lose NMS management); the actions name
-- them, and management that could harm in them is held back
-- (severity/actions.lua). A differential screen is not a pending work-up:
-- it is undecided for want of a measurement, not because a search for
-- another cause is under way.
--
-- The status: "nms" (working diagnosis, nothing rival met), "both" (NMS
-- and a met look-alike or another cause both possible), "not", or nil
-- (undecided). Complications count as NMS severity only under "nms".

local P = require("lib.params")
local tri = require("lib.tri")
local fmt = require("lib.fmt")
local exam = require("lib.exam")
local vitals = require("lib.vitals")
local lookalikes = require("severity.lookalikes")

local part = tri.part

local ANY_RIGIDITY = { mild = true, moderate = true, severe = true } -- IEC item 3: no qualifier (§3 [S1])
local FEVER_C = P.number("severity.hyperthermia_c")
local EXCLUSION = P.list("severity.exclusion_workup")
local AGAINST_RIVAL = P.set("severity.sets_against_rival")
local WORKUP_RIGIDITY = P.set("severity.workup_rigidity")
local RIGIDITY_WORDS = fmt.list(P.list("severity.workup_rigidity"), nil, "or") .. " rigidity"
local EXPOSURE_SETS = P.set("severity.exposure_sets")

local W = {}

local NO_VERDICTS = "the verdicts of the criteria sets and differentials (passed by the engine to severity)"

--- Rigidity (any degree) and a temperature above severity.hyperthermia_c
-- (any site): DSM-IV-TR criterion A without its "severe", as one finding.
local fever_label   -- written the first time (it depends on the parameter alone)
function W.support(case)
  fever_label = fever_label or ("temperature > %s (any site)"):format(fmt.temp(FEVER_C))
  return tri.all({
    part("rigidity (any degree)", exam.level(case, "rigidity", ANY_RIGIDITY)),
    part(fever_label, vitals.any_above(case, "temp", FEVER_C)),
  })
end

-- "screen" or "criteria" after a differential's title, as the output says.
local function named(id, v)
  local known = lookalikes[id]
  return ("%s %s met (%s)"):format(known and known.name or (v.title or id), v.screen and "screen" or "criteria", id)
end

-- What the items, the actions and the rivals read of one `verdicts`
-- table, worked out once: the engine passes a fresh table per case and
-- never changes it, and the severity set reads it from three items, each
-- complication recorded and the actions. Kept weakly by the table (gone
-- with the case), as severity.lua keeps the working diagnosis. Its lists
-- are read, never modified (W.rivals copies before it adds):
-- { crit = {met, indeterminate, not_met, n}, rivals, spectrum, undecided,
--   exposure_met, exposure_open }, each list in the alphabetical order of
-- the set ids (a stable order for evidence).
local summaries = {}

-- Each list is sorted on its own (most hold none or one id): no list of
-- every id, no sort of them all.
local function summarize(verdicts)
  local crit = { met = {}, indeterminate = {}, not_met = {}, n = 0 }
  local met_differentials, undecided = {}, {}
  for id, v in pairs(verdicts) do
    local section, result = v.section, v.result
    if section == "criteria" then
      local list = result ~= "n" and crit[result] or nil
      if list ~= nil then
        list[#list + 1] = id
        crit.n = crit.n + 1
      end
    elseif section == "differential" then
      if result == "met" then met_differentials[#met_differentials + 1] = id
      elseif result == "indeterminate" then undecided[#undecided + 1] = id end
    end
  end
  local lists = { crit.met, crit.indeterminate, crit.not_met, met_differentials, undecided }
  for i = 1, 5 do
    if #lists[i] > 1 then table.sort(lists[i]) end
  end
  -- the criteria sets of severity.exposure_sets met and undecided
  local exposure_met, exposure_open = {}, {}
  for _, id in ipairs(crit.met) do
    if EXPOSURE_SETS[id] then exposure_met[#exposure_met + 1] = id end
  end
  for _, id in ipairs(crit.indeterminate) do
    if EXPOSURE_SETS[id] then exposure_open[#exposure_open + 1] = id end
  end
  -- the met differentials split by role, each { id, text, steps, ... };
  -- one whose signs another met differential explains (lookalikes.lua
  -- `explained_by`) is left out of both
  local rivals, spectrum = {}, {}
  for _, id in ipairs(met_differentials) do
    local v = verdicts[id]
    local known = lookalikes[id] or { role = "rival", steps = {} }
    local list = known.role == "spectrum" and spectrum or rivals
    for other in pairs(known.explained_by or {}) do
      if verdicts[other] ~= nil and verdicts[other].result == "met" then list = nil end
    end
    if list then
      list[#list + 1] = { id = id, kind = "differential", text = named(id, v), steps = known.steps,
        restores = known.restores, gives = known.gives, after_antagonist = known.after_antagonist,
        name = (known.name or v.title or id) .. " (" .. id .. ")" }
    end
  end
  return { crit = crit, rivals = rivals, spectrum = spectrum, undecided = undecided,
    exposure_met = exposure_met, exposure_open = exposure_open }
end

-- (worked out the first time a table is asked for)
setmetatable(summaries, { __mode = "k", __index = function(kept, verdicts)
  local s = summarize(verdicts)
  kept[verdicts] = s
  return s
end })
local function summary(verdicts) return summaries[verdicts] end

--- The exposure part of the working diagnosis: `found`, the IEC 72 h
-- window (rules/severity.lua), unless it is not true while an NMS criteria
-- set of severity.exposure_sets is met. Such a set is met only with its own
-- drug-exposure criterion (Caroff & Mann: a neuroleptic within 7 days of
-- onset, 2-4 weeks for a depot, clinical-reference §4.4 [S12]), so the
-- exposure is then established by the published set and not overruled by
-- the narrower IEC window (a full NMS picture 4 days after the last oral
-- dose would otherwise get no NMS management). Returns the finding and the
-- ids of the sets that supplied it (nil when `found` stands).
function W.exposure(verdicts, found)
  if verdicts == nil or (found ~= nil and found.value == true) then return found end
  local sum = summary(verdicts)
  local met, open = sum.exposure_met, sum.exposure_open
  if #met == 0 and #open > 0 and found ~= nil and found.value == false then
    -- An undecided set's exposure criterion is not false (the set would be
    -- not met): whether it establishes the exposure waits for the set.
    local ids = table.concat(open, ", ")
    return tri.finding(nil, found.evidence .. "; but " .. ids .. " cannot be decided yet, and if met its "
      .. "own exposure criterion (published window) establishes the exposure",
      "the data that would decide " .. ids)
  end
  if #met == 0 then return found end
  local iec = found ~= nil and found.evidence and (" (in the IEC 72 h window alone: " .. found.evidence .. ")") or ""
  return tri.finding(true, table.concat(met, ", ") .. " met, and with it "
    .. (#met > 1 and "their own exposure criteria" or "its own exposure criterion")
    .. " (published window): the exposure is established by a published NMS criteria set" .. iec), met
end

-- The one step of a cause the work-up found (session-17 review, finding
-- 9: status epilepticus found on EEG got "NMS management not proposed"
-- and nothing else): treat it. The record says only which work-up found
-- it, and no source of the ruleset gives first steps for "a cause", so
-- none are invented. One list per field, made once.
local CAUSE_STEPS = {}
for _, field in ipairs(EXCLUSION) do
  CAUSE_STEPS[field] = { { text = "Treat the cause found (workup." .. field .. " positive): the " .. field
    .. " work-up found another cause of the picture; treat it as that cause requires (this ruleset "
    .. "gives no specific steps for it)",
    source = "severity/working.lua; IEC 2011 item 8 (§3 [S1]); DSM-IV-TR criterion C (§1.1 [S10][S11])" } }
end

-- Other causes the work-up found, as rivals.
local function failed_exclusions(case)
  local out = {}
  for _, field in ipairs(EXCLUSION) do
    if (case.workup or {})[field] == "positive" then
      -- workup.toxic is a toxic cause other than the dopamine antagonist
      -- itself (docs/case-format.md): the overdose of the antipsychotic is
      -- the NMS exposure, not a rival.
      out[#out + 1] = { id = "workup." .. field, kind = "workup", steps = CAUSE_STEPS[field],
        text = field .. " work-up positive (workup." .. field .. ")",
        name = "the cause the " .. field .. " work-up found (workup." .. field .. ")" }
    end
  end
  return out
end

local function texts(list, field)
  local out = {}
  for i, r in ipairs(list) do out[i] = r[field or "text"] end
  return out
end

local function evidence_of(crit, support)
  if not fmt.wanted() then return "" end   -- nobody reads it (lib/fmt.lua)
  local parts = {}
  if #crit.met > 0 then parts[#parts + 1] = "met: " .. table.concat(crit.met, ", ") end
  if #crit.indeterminate > 0 then parts[#parts + 1] = "indeterminate: " .. table.concat(crit.indeterminate, ", ") end
  if #crit.not_met > 0 then parts[#parts + 1] = "not met: " .. table.concat(crit.not_met, ", ") end
  local text = "NMS criteria sets " .. (#parts > 0 and table.concat(parts, "; ") or "none evaluated")
  if support then text = text .. "; " .. support.evidence end
  return text
end

-- NMS-specific evidence (point 2 above) as a finding.
local function nms_evidence(case, crit)
  if #crit.met > 0 then return tri.finding(true, evidence_of(crit)) end
  if crit.n > 0 and #crit.indeterminate == 0 then return tri.finding(false, evidence_of(crit)) end
  local support = W.support(case)
  local text = evidence_of(crit, support)
  if crit.n == 0 then return tri.finding(nil, text, NO_VERDICTS) end
  if support.value == true then return tri.finding(true, text .. " (indeterminate, with rigidity and fever)") end
  return tri.finding(nil, text, fmt.join({ "the data that would decide " .. table.concat(crit.indeterminate, ", "),
    support.value == nil and support.missing or nil }))
end

-- The criteria sets of `ids` (met or indeterminate) that are in
-- severity.sets_against_rival.
local function against_of(ids)
  local out = {}
  for _, id in ipairs(ids) do
    if AGAINST_RIVAL[id] then out[#out + 1] = id end
  end
  return out
end

-- "No NMS criteria set is met", naming the met sets that do not count
-- here (Levenson 1985 and Pope 1986: no exposure criterion, no exclusion;
-- severity.sets_against_rival).
local function none_met(crit)
  return #crit.met == 0 and "no NMS criteria set is met"
    or ("no NMS criteria set with an exposure criterion is met (only " .. table.concat(crit.met, ", ") .. ")")
end

-- The severity.exclusion_workup fields that no result decides yet, and the
-- state of each field in words ("infection pending, toxic not recorded,
-- metabolic negative and neurologic negative"): the evidence never says "no
-- other cause found" of a work-up the record does not hold.
local function open_workup(case)
  local w = case.workup or {}
  local pending, unrecorded, states = {}, {}, {}
  for _, field in ipairs(EXCLUSION) do
    local r = w[field]
    if r == "pending" then pending[#pending + 1] = field
    elseif r == nil then unrecorded[#unrecorded + 1] = field end
    states[#states + 1] = field .. " " .. (r or "not recorded")
  end
  return pending, unrecorded, "work-up: " .. fmt.list(states)
end

-- No rival met (point 3 above), the work-up read field by field. Every
-- field negative: true. A field pending decides nothing yet ("missing is
-- not false"; docs/case-format.md): true only when a positive result
-- would still leave NMS possible (a set of severity.sets_against_rival met
-- with rigidity of severity.workup_rigidity, as `unexplained` reads a cause
-- found), else undecided, naming it. Fields nobody recorded (none pending):
-- an NMS criteria set met, or rigidity of severity.workup_rigidity (the
-- NMS evidence then adds the fever), keeps NMS the working diagnosis, as
-- undecided differentials do not displace it; a picture with neither (one
-- febrile reading, mild rigidity) is undecided, as another cause is then
-- not excluded by anything in the record.
local function without_rival(case, crit, against, undecided_text)
  local pending, unrecorded, states = open_workup(case)
  if #pending == 0 and #unrecorded == 0 then
    return tri.finding(true, fmt.join({ "no rival differential met, and the work-up found no other cause ("
      .. (#EXCLUSION > 0 and (fmt.list(EXCLUSION) .. " negative") or "severity.exclusion_workup names no field")
      .. ")", undecided_text }))
  end
  local head = "no rival differential met; " .. states
  local rigid = exam.level(case, "rigidity", WORKUP_RIGIDITY, RIGIDITY_WORDS)
  local met = table.concat(against, ", ")
  if #against > 0 and rigid.value == true then
    return tri.finding(true, fmt.join({ head .. ": NMS criteria met (" .. met .. ") with " .. RIGIDITY_WORDS
      .. " (" .. rigid.evidence .. "): NMS remains possible whatever the work-up finds", undecided_text }))
  end
  local rigid_missing = rigid.value == nil and rigid.missing or nil
  if #pending > 0 then
    -- A set of severity.sets_against_rival still undecided could yet be
    -- met (with such rigidity, NMS then stands whatever the result): its
    -- data decide too.
    local open = against_of(crit.indeterminate)
    return tri.finding(nil, fmt.join({ head .. ": a cause it finds would explain the picture better unless NMS "
      .. "criteria are met with " .. RIGIDITY_WORDS .. " (" .. (#against > 0 and ("met: " .. met) or none_met(crit))
      .. "; " .. rigid.evidence .. ")", undecided_text }),
      fmt.join({ "the " .. fmt.list(pending) .. " work-up result" .. (#pending > 1 and "s" or "") .. " (workup."
        .. table.concat(pending, ", workup.") .. ")",
        #against == 0 and #open > 0 and ("the data that would decide " .. table.concat(open, ", ")) or nil,
        rigid_missing }))
  end
  if #against > 0 or rigid.value == true then
    return tri.finding(true, fmt.join({ head .. "; no other cause in the record, and "
      .. (#against > 0 and ("NMS criteria met (" .. met .. ")") or (RIGIDITY_WORDS .. " (" .. rigid.evidence .. ")")),
      undecided_text }))
  end
  return tri.finding(nil, fmt.join({ head .. "; " .. none_met(crit) .. ", and no " .. RIGIDITY_WORDS .. " ("
    .. rigid.evidence .. "): another cause is not excluded", undecided_text }),
    fmt.join({ "work-up results for " .. fmt.list(unrecorded) .. " (case.workup)", rigid_missing }))
end

-- No better explanation (point 3 above) as a finding. Beside a cause the
-- work-up found (a rival of kind "workup") the rigidity must be of
-- severity.workup_rigidity: mild rigidity, which an antipsychotic gives on
-- its own, does not make "stop clozapine" outweigh a pneumonia found.
local function unexplained(case, crit, rivals, undecided)
  local undecided_text = #undecided > 0 and ("undecided: " .. table.concat(undecided, ", ")) or nil
  local against = against_of(crit.met)
  if #rivals == 0 then return without_rival(case, crit, against, undecided_text) end
  local named = fmt.list(texts(rivals))
  local found = false
  for _, r in ipairs(rivals) do found = found or r.kind == "workup" end
  local words = found and RIGIDITY_WORDS or "rigidity"
  local rigid = found and exam.level(case, "rigidity", WORKUP_RIGIDITY, RIGIDITY_WORDS)
    or exam.level(case, "rigidity", ANY_RIGIDITY)
  if #against == 0 then
    local open = against_of(crit.indeterminate)
    local why = named .. " and " .. none_met(crit)
    if #open > 0 and rigid.value == true then
      return tri.finding(nil, why .. "; with " .. words .. " (" .. rigid.evidence .. "), NMS remains possible if "
        .. table.concat(open, " or ") .. " is met", "the data that would decide " .. table.concat(open, ", "))
    end
    return tri.finding(false, why .. ": it explains the picture better")
  end
  local met = table.concat(against, ", ")
  if rigid.value == true then
    return tri.finding(true, named .. ", but NMS criteria are met too (" .. met .. ") with " .. words .. " ("
      .. rigid.evidence .. "): both remain possible")
  end
  if rigid.value == false then
    return tri.finding(false, named .. "; NMS criteria met (" .. met .. ") but without " .. words .. " ("
      .. rigid.evidence .. "): it explains the picture better")
  end
  return tri.finding(nil, named .. "; NMS criteria met (" .. met .. "), rigidity not examined: both remain "
    .. "possible only with " .. words, "a rigidity examination (exam[].rigidity)")
end

--- The working diagnosis of NMS for `case` given the engine's `verdicts`
-- (nil: not passed, everything unknown). `exposure` is the exposure
-- finding of rules/severity.lua. Returns
-- { exposure, evidence, unexplained = findings, status = "nms"|"both"|"not"|nil,
--   criteria = {met, indeterminate, not_met}, rivals = {...}, spectrum = {...}, undecided = {ids} }.
function W.assess(case, verdicts, exposure)
  if verdicts == nil then
    local unknown = tri.finding(nil, "the verdicts of the other sets are not available", NO_VERDICTS)
    return { evidence = unknown, unexplained = unknown, criteria = { met = {}, indeterminate = {}, not_met = {} },
      rivals = {}, spectrum = {}, undecided = {} }
  end
  local sum = summary(verdicts)
  local crit = sum.crit
  local exposure_sets
  exposure, exposure_sets = W.exposure(verdicts, exposure)
  local spectrum, undecided = sum.spectrum, sum.undecided
  local rivals = W.rivals(case, verdicts)
  local w = { criteria = crit, rivals = rivals, spectrum = spectrum, undecided = undecided, exposure = exposure,
    exposure_sets = exposure_sets,
    evidence = nms_evidence(case, crit), unexplained = unexplained(case, crit, rivals, undecided) }
  local value = tri.AND(exposure and exposure.value, tri.AND(w.evidence.value, w.unexplained.value))
  if value == true then w.status = #rivals > 0 and "both" or "nms"
  elseif value == false then w.status = "not" end
  return w
end

--- The rivals met for `case` (met rival differentials, then other causes
-- the work-up found), or nil without verdicts: a complication counts as
-- one of NMS only when there are none.
function W.rivals(case, verdicts)
  if verdicts == nil then return nil end
  local rivals = {}
  for i, r in ipairs(summary(verdicts).rivals) do rivals[i] = r end
  for _, r in ipairs(failed_exclusions(case)) do rivals[#rivals + 1] = r end
  return rivals
end

--- The caveats of the undecided look-alikes of `w` that have one
-- (severity/lookalikes.lua `caveat`): steps naming a look-alike that a
-- recorded sign points to and what would decide it, said beside whatever
-- the list proposes (an undecided differential never displaces NMS).
-- None beside a met rival differential: it leads the list with its own
-- first steps and already holds the NMS drugs back (malignant
-- hyperthermia's masseter spasm under anaesthesia is no tetanus).
function W.caveats(case, w)
  local out = {}
  for _, r in ipairs(w.rivals or {}) do
    if r.kind == "differential" then return out end
  end
  for _, id in ipairs(w.undecided or {}) do
    local known = lookalikes[id]
    local step = known and known.caveat and known.caveat(case)
    if step then out[#out + 1] = step end
  end
  return out
end

--- The rivals of a list in words: "heat stroke screen met (heat_stroke)
-- and infection work-up positive (workup.infection)"; with `short`, only
-- what they are: "heat stroke (heat_stroke) and ...".
--- Rigidity of severity.workup_rigidity (moderate or severe) on any exam, as
-- a finding: the level at which NMS stays possible beside another cause;
-- also what makes an undecided NMS "suspected" (severity/actions.lua).
function W.significant_rigidity(case)
  return exam.level(case, "rigidity", WORKUP_RIGIDITY, RIGIDITY_WORDS)
end

function W.names(list, short) return fmt.list(texts(list, short and "name" or "text")) end

return W
