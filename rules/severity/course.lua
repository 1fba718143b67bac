-- severity/course.lua - the treatment course the record already shows, as
-- the management list (severity/actions.lua) needs it: which of the NMS
-- treatments it names are already given, and whether NMS persists despite
-- drug treatment (refractory NMS, for ECT).
--
-- Session-17 review, finding 5: on day 13 of an NMS treated since day 2
-- with lorazepam, dantrolene and bromocriptine, the list said "Add
-- bromocriptine and/or dantrolene" as on day 1, and named no ECT, which
-- §5.3 gives for exactly this picture ("indicated when NMS is refractory
-- to supportive care and drug therapy; 6-10 bilateral treatments" [S22];
-- seed 002 "ECT as second-line for severe and persistent NMS").
--
-- Given: a course of the treatment still given at the assessment, or
-- stopped after the anchor of the drug windows (symptom onset, else the
-- first sign: lib/time.lua), that is, given during this episode. A course
-- from long before (amantadine for Parkinson's disease, stopped years ago)
-- is not this episode's.
--
-- Refractory: a course of a specific NMS drug (bromocriptine, dantrolene,
-- amantadine: the drug therapy of §5.2) begun at or after the anchor and
-- given for at least severity.ect_after_drug_h hours, and the latest
-- reading after those hours still shows hyperthermia (a temperature above
-- severity.hyperthermia_c, the ruleset's fever threshold) or significant
-- rigidity (severity.significant_rigidity, the rigidity for which the
-- drugs were given: seed 002 "significant muscle rigidity and
-- hyperthermia"). A later normal reading is a response: no ECT line. No
-- reading after those hours: nothing is said (persistence not shown).
-- Benzodiazepines are not counted as the drug trial: the published
-- sequence names dantrolene or bromocriptine (Scheftner & Shulman 1992,
-- below), and lorazepam is also the catatonia challenge (§5.6).

local P = require("lib.params")
local meds = require("lib.meds")
local regimen = require("lib.regimen")
local drugs = require("lib.drugs")
local time = require("lib.time")
local fmt = require("lib.fmt")
local vitals = require("lib.vitals")
local exam = require("lib.exam")

local AFTER_DRUG_H = P.number("severity.ect_after_drug_h")
local FEVER_C = P.number("severity.hyperthermia_c")
local SIGNIFICANT = P.set("severity.significant_rigidity")

local C = {}

local BENZODIAZEPINE = { benzodiazepine = true }   -- drugs.lua class
-- The specific NMS drugs whose failure makes NMS refractory (§5.2).
local SPECIFIC = { bromocriptine = true, dantrolene = true, amantadine = true }

-- Whether the drug of `info` holds the drug `id` (a generic name): it is
-- that drug, or a combination product with it among its parts. The drug
-- list names a combination's generic by its parts ("levodopa/carbidopa"
-- for Sinemet and co-careldopa, "levodopa/benserazide" for Madopar,
-- "levodopa/carbidopa/entacapone" for Stalevo: drugs/dopamine.lua), as
-- lib/drugs.lua names a combination it reads part by part; a partly
-- recognised one keeps its known parts. Matching the generic name alone
-- missed every combination product (session-18 leftover: a Sinemet course
-- was not "already given" beside the levodopa-carbidopa line).
local function holds(info, id)
  if info.generic == id then return true end
  for part in (info.generic or ""):gmatch("[^/]+") do
    if part == id then return true end
  end
  for _, p in ipairs(info.parts or {}) do
    if p.generic == id then return true end
  end
  return false
end

-- Whether course `c` is treatment `id`: a drug it holds (holds), or
-- "benzodiazepine" (the class: lorazepam, diazepam, ...).
local function is(c, id)
  if id == "benzodiazepine" then return drugs.in_classes(c.info, BENZODIAZEPINE) end
  return holds(c.info, id)
end

-- Whether course `c` was given during this episode (see above). A
-- dopaminergic drug the patient took before the anchor and stopped after
-- it is the withdrawal that may have caused the picture (the restore line
-- names it: parkinsonism-hyperpyrexia, §7.5 [S74]), not a treatment given.
local function this_episode(case, c)
  if c.ongoing then return true end
  local a = time.anchor(case)
  if c.stop == nil or a == nil or c.stop < a.t then return false end
  return not (c.withdrawal and (c.from == nil or c.from < a.t))
end

-- "bromocriptine already given since T", "lorazepam given from T1, stopped
-- at T2"; without the drug's name when `unnamed` ("already given since T").
local function given_text(case, c, unnamed)
  local name = unnamed and "" or (regimen.name(c) .. " ")
  if c.ongoing then
    return name .. "already given " .. (c.from and ("since " .. time.fmt(case, c.from)) or "(start not recorded)")
  end
  return name .. "given " .. (c.from and ("from " .. time.fmt(case, c.from) .. ", ") or "")
    .. "stopped at " .. time.fmt(case, c.stop)
end

--- The courses of treatment `id` ("bromocriptine", "dantrolene",
-- "amantadine", "benzodiazepine") given during this episode, in words
-- ("bromocriptine already given since T"; with `unnamed`, a drug's name is
-- left out: "already given since T"), or nil when the record shows none.
function C.given(case, id, unnamed)
  local out
  for _, c in ipairs(meds.courses(case) or {}) do
    if is(c, id) and this_episode(case, c) then
      out = out or {}
      out[#out + 1] = given_text(case, c, unnamed)
    end
  end
  return out and fmt.list(out, 3)
end

--- A withdrawn course `w` given again in this episode, in words: the
-- courses begun after its stop, given during this episode (see above),
-- that hold a drug it held ("levodopa/carbidopa already given since T" for
-- a Sinemet stop and a co-careldopa restart; Madopar after Sinemet holds
-- its levodopa), or nil when the record shows none.
function C.given_again(case, w)
  local out, parts = nil, {}
  for part in (w.info.generic or ""):gmatch("[^/]+") do parts[#parts + 1] = part end
  for _, p in ipairs(w.info.parts or {}) do parts[#parts + 1] = p.generic end
  for _, c in ipairs(meds.courses(case) or {}) do
    if c ~= w and w.stop ~= nil and c.from ~= nil and c.from >= w.stop and this_episode(case, c) then
      for _, id in ipairs(parts) do
        if holds(c.info, id) then
          out = out or {}
          out[#out + 1] = given_text(case, c)
          break
        end
      end
    end
  end
  return out and fmt.list(out, 3)
end

--- Action `a` said with the treatments it names already given: `a.treats`
-- lists them, `a.lead` is the opening of its text that names them and
-- `a.given_lead` its replacement, a format with one %s for what is given
-- ("Dantrolene (%s):"). `a` itself when it names none or none is given.
-- An action about one drug names it once ("Dantrolene (already given
-- since T):"); a class names the drug given ("Benzodiazepines (lorazepam
-- already given since T):").
function C.mark(case, a)
  if a.treats == nil then return a end
  -- one drug named by its action is not named again; a class, or a drug
  -- that combination products hold (levodopa), names the product given
  local notes, one = {}, #a.treats == 1 and SPECIFIC[a.treats[1]] ~= nil
  for _, id in ipairs(a.treats) do notes[#notes + 1] = C.given(case, id, one) end
  if #notes == 0 then return a end
  return { text = a.given_lead:format(fmt.list(notes)) .. a.text:sub(#a.lead + 1), source = a.source }
end

-- The latest entry of `list` at or after `t` for which keep(entry) holds.
local function latest_from(list, t, keep)
  return time.latest(list, function(e) return e.t >= t and keep(e) end)
end

-- What still shows NMS at or after time `t`, in words ("38.9 °C at T;
-- severe rigidity at T"), or nil when the latest readings are normal or
-- none was taken after `t`.
local function persisting(case, t)
  local shown = {}
  local temp = latest_from(vitals.readings(case, "temp"), t, function() return true end)
  if temp and temp.temp > FEVER_C then
    shown[#shown + 1] = fmt.temp(temp.temp) .. (temp.temp_site and (" (" .. temp.temp_site .. ")") or "")
      .. time.at(case, temp.t)
  end
  local rigid = latest_from(exam.entries(case), t, function(e) return e.rigidity ~= nil end)
  if rigid and SIGNIFICANT[rigid.rigidity] then
    shown[#shown + 1] = exam.phrase("rigidity", rigid.rigidity) .. time.at(case, rigid.t)
  end
  return #shown > 0 and table.concat(shown, "; ") or nil
end

--- Refractory NMS (see above): the drug courses and what persists, in
-- words ("dantrolene and bromocriptine given since T, 48 h before ...;
-- 38.9 °C (oral) at T"), or nil.
function C.refractory(case)
  local a = time.anchor(case)
  if a == nil or a.kind == "assessment" then return nil end
  local trial, names, first
  for _, c in ipairs(meds.courses(case) or {}) do
    local due = c.from and c.from >= a.t and SPECIFIC[c.info.generic] and c.from + AFTER_DRUG_H
    if due and due <= case.assessed_at and (c.ongoing or (c.stop ~= nil and c.stop >= due)) then
      names = names or {}
      if not names[c.info.generic] then
        names[c.info.generic] = true
        names[#names + 1] = c.info.generic
      end
      if trial == nil or due < trial then trial, first = due, c.from end
    end
  end
  if trial == nil then return nil end
  local shown = persisting(case, trial)
  if shown == nil then return nil end
  return ("%s given since %s, %s by the assessment (at least %s: parameter severity.ect_after_drug_h); "
    .. "still %s"):format(fmt.list(names, 3), time.fmt(case, first), time.duration(case.assessed_at - first),
    time.duration(AFTER_DRUG_H), shown)
end

return C
