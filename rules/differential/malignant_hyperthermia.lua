-- differential/malignant_hyperthermia.lua - malignant hyperthermia (MH)
-- screen: a trigger agent, a syndrome that begins after it, and at least
-- two processes of the Larach clinical grading scale seen after it.
--
-- A screen, not the Larach score: the scale (clinical-reference §7.3
-- [S58][S59][S60]) needs end-tidal and arterial CO2, blood gases, the
-- anaesthetist's judgement of what is "inappropriate" and the family
-- history, none of which the case format holds, and some of its
-- per-indicator points are UNCONFIRMED. What the record can express:
-- - Trigger: a drug of class mh_trigger (volatile anaesthetic or
--   succinylcholine, §8.6; non-triggers such as propofol are classed
--   mh_non_trigger) given within differential.malignant_hyperthermia.trigger_window_h.
-- - Timing: MH develops 30 min – 24 h after the anaesthetic or
--   succinylcholine (§7.1 Boyer & Shannon [S35]). The syndrome's onset is
--   case.onset when recorded, else the first MH sign the record shows
--   (rigidity or trismus, a temperature above fever_c, a CK above ck_u_l:
--   docs/case-format.md "Symptom onset", step 2). An onset before the first
--   trigger dose means the picture was there before the anaesthetic (an NMS
--   patient given succinylcholine for ECT): not met. The 30 min lower bound
--   is not applied (a crisis during anaesthesia counts).
-- - Larach processes, each counted only on observations from the first
--   trigger dose on ("after anesthetic", "perioperative"):
--     I   rigidity: generalised rigidity or masseter spasm (exam[].trismus) — 15 points;
--     II  muscle breakdown: CK above ck_u_l (20,000 U/L, the value after an
--         anaesthetic with succinylcholine) — 15; or myoglobinuria ("cola
--         coloured urine" 10, "myoglobin in urine" 5);
--     IV  temperature: above fever_c (38.8 °C) — process maximum 15;
--     VI  metabolic acidosis (base deficit > 8 mEq/L, pH < 7.25) — process
--         maximum 10, read from complications.metabolic_acidosis, which has
--         no time: the timing item keeps a picture that began before the
--         trigger out.
--   Process III (respiratory acidosis: PETCO2, PaCO2) has no field; V
--   (cardiac, 3 points) and K+ > 6 (3 points) are too light to matter for
--   the count below and are not scored.
-- - At least differential.malignant_hyperthermia.min_processes (2) of
--   I, II, IV, VI: one process scores at most 15, Larach rank 3 "somewhat
--   less than likely"; rank 4 "somewhat greater than likely" starts at 20
--   points, which any two of these processes reach (15 + 10 at least)
--   (§7.3 [S59]). The count is a project choice read from that, not a
--   Larach cut-off.
-- So rigidity alone, or rigidity and fever that were there before the
-- succinylcholine, never make this screen met.

local P = require("lib.params")
local memo = require("lib.memo")
local drugs = require("lib.drugs")
local tri = require("lib.tri")
local fmt = require("lib.fmt")
local time = require("lib.time")
local meds = require("lib.meds")
local exam = require("lib.exam")
local vitals = require("lib.vitals")
local labs = require("lib.labs")
local regimen = require("lib.regimen")
local record = require("lib.record")
local contrasts = require("differential.contrasts")

local answer, part = tri.answer, tri.part

local TRIGGER = { mh_trigger = true }                              -- §8.6 drug class
local RIGID = { mild = true, moderate = true, severe = true }      -- Larach I: generalised rigidity
local TRIGGER_WINDOW_H = P.number("differential.malignant_hyperthermia.trigger_window_h")
local ONSET_AFTER_H = 24                                           -- "30 min – 24 h after" §7.1 [S35]
local FEVER_C = P.number("differential.malignant_hyperthermia.fever_c")
local CK_LIMIT = P.number("differential.malignant_hyperthermia.ck_u_l")
local MIN_PROCESSES = math.tointeger(P.number("differential.malignant_hyperthermia.min_processes"))
assert(MIN_PROCESSES and MIN_PROCESSES >= 1 and MIN_PROCESSES <= 4,
  "parameter 'differential.malignant_hyperthermia.min_processes' must be an integer from 1 to 4")

local LARACH = "§7.3 Larach 1994 clinical grading scale [S58][S59][S60]"

-- First MH sign the record shows (rigidity or trismus, temperature above
-- FEVER_C, CK above CK_LIMIT), at any time: time and words, or nil. The
-- words are made once, for the sign found (every case asks for the time:
-- window_h).
local function first_sign(case)
  local best, kind, entry
  local function consider(t, k, e)
    if t ~= nil and (best == nil or t < best) then best, kind, entry = t, k, e end
  end
  for _, e in ipairs(exam.entries(case) or {}) do
    if RIGID[e.rigidity] then consider(e.t, "rigidity", e) end
    if e.trismus == true then consider(e.t, "trismus", e) end
  end
  for _, e in ipairs(vitals.readings(case, "temp") or {}) do
    if e.temp > FEVER_C then consider(e.t, "temp", e) end
  end
  for _, e in ipairs(labs.entries(case) or {}) do
    if e.ck ~= nil and e.ck > CK_LIMIT then consider(e.t, "ck", e) end
  end
  if best == nil then return nil end
  if kind == "rigidity" then return best, exam.phrase("rigidity", entry.rigidity) end
  if kind == "trismus" then return best, "trismus" end
  if kind == "temp" then return best, "temperature " .. fmt.temp(entry.temp) end
  return best, "CK " .. fmt.unit(entry.ck, "U/L")
end

-- The hours the trigger window reaches back from the anchor of the drug
-- windows (lib/time.lua time.anchor: case.onset, else the first fever or
-- rigidity, else the assessment). §7.1
-- times MH from its trigger ("30 min – 24 h after anesthetic/SCh"), so the
-- window runs back from the syndrome's start; the shared anchor knows no
-- masseter spasm or CK, and where the first MH sign comes before it (and
-- no onset is recorded) the window is lengthened to reach back
-- TRIGGER_WINDOW_H from that sign: succinylcholine followed at once by
-- masseter spasm stays the trigger of a record assessed the next day
-- (published case cr41, tests/data/case-reports/reports-3.json).
-- An empty lengthened window holds no trigger in the usual one either:
-- its answer is said as before, over TRIGGER_WINDOW_H. Worked out once
-- per case (two items ask).
local window_h = memo.wrap_plain(function(case)
  local a = time.anchor(case)
  if a == nil or a.kind == "onset" then return TRIGGER_WINDOW_H end
  local any = false   -- most records hold no trigger at all: no sign to look for
  for _, c in ipairs(meds.courses(case) or {}) do
    if drugs.in_classes(c.info, TRIGGER) then any = true; break end
  end
  if not any then return TRIGGER_WINDOW_H end
  local t = first_sign(case)
  if t ~= nil and t < a.t then return TRIGGER_WINDOW_H + (a.t - t) end
  return TRIGGER_WINDOW_H
end)

-- The trigger courses given in the window, with the first trigger time
-- and the end of exposure (a course still given ends at the assessment);
-- or nil and a finding saying why the timing cannot be judged.
local function triggers(case)
  local given, unknown = meds.given_in(case, TRIGGER, window_h(case))
  if given == nil then
    return nil, tri.finding(nil, unknown, "the medication list (medications[]) and the assessment time")
  end
  if #given == 0 and #unknown > 0 then   -- an unrecognised drug may be a trigger: missing is not false
    return nil, tri.finding(nil, "no recognised trigger, and " .. regimen.names(unknown)
      .. " not in the ruleset's drug list", "whether " .. regimen.names(unknown) .. " is a trigger agent (medications[].atc)")
  end
  if #given == 0 then
    return nil, tri.finding(false, "no malignant-hyperthermia trigger given within "
      .. time.duration(TRIGGER_WINDOW_H) .. " before assessment")
  end
  local first, last = nil, nil
  for _, c in ipairs(given) do
    if c.from == nil then
      return nil, tri.finding(nil, "the start of " .. regimen.names({ c }) .. " is not recorded",
        "the time the trigger agent was given (medications[].start or doses[].t)")
    end
    local stop = c.ongoing and case.assessed_at or c.stop
    if first == nil or c.from < first then first = c.from end
    if last == nil or stop > last then last = stop end
  end
  return { courses = given, first = first, last = last }
end

-- Timing (§7.1): the syndrome began after the first trigger dose and no
-- later than 24 h after the last.
local function onset_after_trigger(case)
  local tr, unknown = triggers(case)
  if tr == nil then return unknown end
  local onset, anchor = case.onset, "symptom onset (onset)"
  if onset == nil then
    local t, words = first_sign(case)
    if t == nil then
      return tri.finding(nil, "no symptom onset recorded and no MH sign with a time",
        "the symptom onset (onset) or timed observations of the signs")
    end
    onset, anchor = t, "first MH sign recorded, " .. words
  end
  local text = ("%s at %s; trigger %s, first given at %s"):format(anchor, time.fmt(case, onset),
    regimen.names(tr.courses), time.fmt(case, tr.first))
  if onset < tr.first then
    return tri.finding(false, text .. ": the picture was present before the trigger")
  end
  if onset > tr.last + ONSET_AFTER_H then
    return tri.finding(false, text .. ": more than " .. time.duration(ONSET_AFTER_H) .. " after the last exposure")
  end
  return tri.finding(true, text .. " (within " .. time.duration(ONSET_AFTER_H) .. " of the exposure)")
end

-- A sign judged on `entries` from time `t0` on (all entries when t0 is
-- nil): judge(e) returns true, false, or nothing when the entry does not
-- record it; describe(e) words what it recorded.
local function after(case, entries, t0, what, fields, judge, describe)
  local t = tri.tally(entries or {}, function(e)
    if t0 ~= nil and (e.t == nil or e.t < t0) then return end
    local v = judge(e)
    if v ~= nil then return v, true end
  end)
  local since = t0 and (" from the first trigger (" .. time.fmt(case, t0) .. ") on") or ""
  local function text(e) return describe(e) .. time.at(case, e.t) end
  local value = tri.tally_value(1, t)
  if value == true then return tri.finding(true, fmt.each(t.yes, text, 4)) end
  if value == false then return tri.finding(false, fmt.each(t.no, text, 4) .. since) end
  return tri.finding(nil, what .. " not recorded" .. since, what .. " after the trigger (" .. fields .. ")")
end

local function first_trigger(case)
  local tr = triggers(case)
  return tr and tr.first
end

local function rigidity_after(case)
  return after(case, exam.entries(case), first_trigger(case), "rigidity or masseter spasm",
    "exam[].rigidity, exam[].trismus", function(e)
      if RIGID[e.rigidity] or e.trismus == true then return true end
      if e.rigidity == "none" then return false end   -- tone recorded normal
    end, function(e)
      if e.trismus == true then return "trismus (masseter spasm)" end
      return exam.phrase("rigidity", e.rigidity)
    end)
end

local function breakdown_after(case)
  local t0, entries = first_trigger(case), labs.entries(case)
  return tri.any({
    part("CK > " .. fmt.unit(CK_LIMIT, "U/L"), after(case, entries, t0, "CK", "labs[].ck", function(e)
      if e.ck ~= nil then return e.ck > CK_LIMIT end
    end, function(e) return "CK " .. fmt.unit(e.ck, "U/L") end)),
    part("myoglobinuria", after(case, entries, t0, "myoglobinuria", "labs[].myoglobinuria", function(e)
      return e.myoglobinuria
    end, function(e) return (e.myoglobinuria and "" or "no ") .. "myoglobinuria" end)),
  })
end

local function temperature_after(case)
  return after(case, vitals.readings(case, "temp"), first_trigger(case), "temperature", "vitals[].temp",
    function(e) return e.temp > FEVER_C end,
    function(e) return fmt.temp(e.temp) .. (e.temp_site and (" (" .. e.temp_site .. ")") or "") end)
end

local function acidosis(case)
  return record.flag(case, "complications", "metabolic_acidosis", "metabolic acidosis")
end

local function process(id, title, definition, check, needs)
  return { id = id, group = "processes", title = title, definition = definition, needs = needs,
    source = LARACH, check = function(case) return answer(check(case)) end }
end

return {
  id = "malignant_hyperthermia",
  title = "Malignant hyperthermia screen",
  version = "0.3",
  citation = "Screen built from the Larach clinical grading scale (Larach MG et al. Anesthesiology "
    .. "1994;80:771-9; processes as tabulated in Orphanet J Rare Dis 2015 Table 1) and the timing in "
    .. "Boyer EW, Shannon M. N Engl J Med 2005;352:1112-20 (comparison table): clinical-reference "
    .. "§7.1 [S35], §7.3 [S58][S59][S60], triggers §8.6 [S62][S63]. Not the Larach score (no CO2, blood "
    .. "gas or family history in the record); the number of processes is a ruleset parameter",
  kind = "groups",
  screen = true,
  groups = {
    { id = "trigger", title = "Trigger agent, and a syndrome that began after it" },
    { id = "processes", title = "Larach processes after the trigger" },
  },
  rule = {
    { need = { trigger = "all", processes = MIN_PROCESSES } },   -- count: parameter (see header)
  },
  items = {
    { id = "trigger_agent", group = "trigger",
      title = "Volatile anaesthetic or succinylcholine",
      definition = "Inhalational anaesthetic or succinylcholine given within the window",
      source = "§7.1 [S35]; triggers §7.3 [S62][S63], §8.6; window: parameter "
        .. "differential.malignant_hyperthermia.trigger_window_h",
      needs = "the medication list (medications[]: drug or atc, start, stop) and the assessment time",
      check = function(case)
        local hours = window_h(case)
        local f = regimen.given(case, TRIGGER, hours, "malignant-hyperthermia trigger")
        if f.value == false and hours ~= TRIGGER_WINDOW_H then
          f = regimen.given(case, TRIGGER, TRIGGER_WINDOW_H, "malignant-hyperthermia trigger")
        end
        return answer(f)
      end },

    { id = "onset_after_trigger", group = "trigger",
      title = "Syndrome began after the trigger",
      definition = "Onset 30 min – 24 h after the anaesthetic or succinylcholine (lower bound not "
        .. "applied); onset = the recorded symptom onset, else the first MH sign recorded",
      source = "§7.1 Boyer & Shannon [S35]",
      needs = "the symptom onset (onset) or timed observations, and the time the trigger was given",
      check = function(case) return answer(onset_after_trigger(case)) end },

    process("rigidity", "Rigidity or masseter spasm after the trigger",
      "Larach process I: generalised rigidity, or masseter spasm after succinylcholine (exam[].trismus)",
      rigidity_after, "an exam after the trigger recording tone (exam[].rigidity or trismus)"),

    process("muscle_breakdown", "Muscle breakdown after the trigger",
      "Larach process II: CK > 20,000 U/L after an anaesthetic with succinylcholine (parameter "
        .. "differential.malignant_hyperthermia.ck_u_l), or myoglobinuria",
      breakdown_after, "a CK or urine myoglobin result after the trigger (labs[].ck, myoglobinuria)"),

    process("temperature", "Temperature above 38.8 °C after the trigger",
      "Larach process IV: inappropriately increased temperature > 38.8 °C in the perioperative period",
      temperature_after, "a temperature after the trigger (vitals[].temp)"),

    process("metabolic_acidosis", "Metabolic acidosis",
      "Larach process VI: base deficit > 8 mEq/L or pH < 7.25 (recorded as a complication of the episode)",
      acidosis, "whether the episode caused metabolic acidosis (complications.metabolic_acidosis)"),
  },
  distinguishing = contrasts.malignant_hyperthermia,
  overlap = "Rigidity, hyperthermia and a raised CK occur in both, and a patient on a dopamine antagonist "
    .. "can also receive a volatile anaesthetic or succinylcholine (e.g. for ECT). This screen does not "
    .. "choose between them; it counts only what began after the trigger. Onset 30 min to 24 h after "
    .. "the anaesthetic or succinylcholine favours malignant hyperthermia, whose management differs "
    .. "(stop volatile agents, hyperventilate, dantrolene 2.5 mg/kg repeated). (§7.1 [S35]; §7.3 [S65])",
}
