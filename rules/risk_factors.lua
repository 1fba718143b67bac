-- risk_factors.lua - risk factors for NMS as a checklist (clinical-reference
-- §6): each item says whether the record shows the factor, with its
-- source. No weights and no score: no published NMS risk score exists
-- (§6: "none found"), so the engine only counts the factors present.
--
-- "Current" treatment is a course given within risk.current_window_h
-- (72 h, the IEC exposure window: the drugs that could have triggered this
-- episode), a depot while it still acts (its product's duration, depot.*
-- parameters, as in every set that asks about exposure). The drug items look at the
-- ruleset's dopamine antagonists (parameter exposure.antagonist_classes:
-- antipsychotics and the other dopamine antagonists of §8.1-8.2), as the
-- risk factors concern the triggering drug.

local P = require("lib.params")
local tri = require("lib.tri")
local time = require("lib.time")
local drugs = require("lib.drugs")
local meds = require("lib.meds")
local exam = require("lib.exam")
local labs = require("lib.labs")
local record = require("lib.record")
local regimen = require("lib.regimen")
local fmt = require("lib.fmt")

local answer, part = tri.answer, tri.part

local IRON_UMOL_L = 10        -- serum iron ≤ 10 µmol/L in 25/26 NMS episodes (Rosebush & Mazurek 1991, §6 [S43])
local ANTIPSYCHOTIC = { antipsychotic = true } -- drugs.lua class: §8.1 antipsychotics (N05A)
local LITHIUM = { lithium = true }             -- drugs.lua class: §8.1 last row; §6 [S46]
local PARENTERAL = { im = "IM", iv = "IV" }    -- §6 "parenteral / IM route" [S40][S41][S30]

local DA = P.set("exposure.antagonist_classes")
local WINDOW_H = P.number("risk.current_window_h")
local FACTOR = P.number("risk.escalation_factor")
local PERIOD_H = P.number("risk.escalation_period_h")

local function none_within(hours)
  return "no dopamine antagonist given within " .. time.duration(hours) .. " before assessment"
end

-- The drugs of `classes` in current treatment: given within the current
-- window (a depot: acting in it), as meds.given_in.
local function current(case, classes) return meds.given_in(case, classes, WINDOW_H) end

local function none_current()
  return none_within(WINDOW_H) .. " (nor a depot still acting)"
end

-- The dopamine antagonists of current treatment, each judged by judge(c).
local function each_current(case, judge, missing)
  local given, unknown = current(case, DA)
  if given == nil then return tri.finding(nil, unknown) end
  return regimen.any(given, unknown, judge, none_current(), missing, judge)
end


-- When the episode began: the shared anchor of the drug windows
-- (lib/time.lua time.anchor: case.onset, else the first temperature above
-- onset.fever_c or the first rigidity), but never the assessment itself;
-- nil when the record shows neither.
local function episode_start(case)
  local a = time.anchor(case)
  if a == nil or a.kind == "assessment" then return nil end
  return a.t, a.text
end

-- Serum iron at or below IRON_UMOL_L measured before the episode began:
-- iron falls during NMS and recovers after it (Rosebush & Mazurek 1991,
-- §6 [S43]), so only a pre-episode value says anything about a
-- pre-existing deficiency.
local function iron_before_episode(case)
  local low = labs.at_or_below(case, "iron", IRON_UMOL_L, "serum iron", "µmol/L")
  if low.value == nil then return low end
  local start, anchor = episode_start(case)
  if start == nil then
    return tri.finding(nil, low.evidence .. "; when the episode began is not recorded, so whether this was "
      .. "before it is unknown", "case.onset (symptom onset)")
  end
  local before = {}
  for _, e in ipairs(labs.entries(case)) do
    if e.iron ~= nil and e.t ~= nil and e.t < start then before[#before + 1] = e end
  end
  if #before == 0 then
    return tri.finding(nil, "serum iron measured only during the episode (from " .. anchor .. "): a state "
      .. "marker of NMS, not a pre-existing risk factor", "a serum iron measured before the episode, or "
      .. "case.history.iron_deficiency")
  end
  local lowest = before[1]
  for _, e in ipairs(before) do if e.iron < lowest.iron then lowest = e end end
  local text = ("serum iron %s%s, before the episode (%s)"):format(fmt.unit(lowest.iron, "µmol/L"),
    time.at(case, lowest.t), anchor)
  return tri.finding(lowest.iron <= IRON_UMOL_L, text .. (lowest.iron <= IRON_UMOL_L and " (≤ " or " (above ")
    .. fmt.unit(IRON_UMOL_L, "µmol/L") .. ")")
end

-- High-potency first-generation antipsychotic, from drugs.lua gen/potency.
local function high_potency(c)
  local i = c.info
  if i.gen == "first" and i.potency == "high" then return true, "high-potency first generation" end
  if i.gen == "second" then return false, "second generation" end
  if i.gen == "first" and i.potency == "low" then return false, "low-potency first generation" end
  if i.gen == "first" then return nil, "first generation, potency not in the ruleset's drug data" end
  if not drugs.in_classes(i, ANTIPSYCHOTIC) then return false, "not an antipsychotic" end
  return nil, "generation not in the ruleset's drug data"
end

-- IM/IV within the current window, or a depot within the depot window.
local function parenteral(case)
  return function(c)
    local route = c.med.route
    if route == "depot" or c.depot then return true, "depot (long-acting) " .. meds.span(case, c) end
    if route == nil then return nil, "route not recorded, " .. meds.span(case, c) end
    if PARENTERAL[route] and meds.given_within(case, c, WINDOW_H) then
      return true, PARENTERAL[route] .. ", " .. meds.span(case, c)
    end
    if PARENTERAL[route] then
      return false, PARENTERAL[route] .. ", not within " .. time.duration(WINDOW_H) .. " before assessment"
    end
    return false, route
  end
end

local function escalation(case)
  local given, unknown = meds.given_in(case, DA, WINDOW_H)
  if given == nil then return tri.finding(nil, unknown) end
  return regimen.any(regimen.by_drug(given), unknown, function(g)
    return regimen.escalated(case, g, FACTOR, PERIOD_H, WINDOW_H)
  end, none_within(WINDOW_H), "dose records of the dopamine antagonist (medications[].doses[] with t and mg)")
end

-- Two antipsychotics (§8.1, N05A) at once: a dopamine antagonist that is
-- no antipsychotic (promethazine, metoclopramide: §8.2) is not a second one.
local function concurrent(case)
  local given, unknown = current(case, ANTIPSYCHOTIC)
  if given == nil then return tri.finding(nil, unknown) end
  return regimen.concurrent(case, given, unknown, "no antipsychotic in current treatment (given within "
    .. time.duration(WINDOW_H) .. ", a depot acting then)")
end

local function lithium(case)
  local given, unknown = meds.given_in(case, LITHIUM, WINDOW_H)
  if given == nil then return tri.finding(nil, unknown) end
  local da, da_open = current(case, DA)
  local acting   -- a depot that may still act: with lithium, unknown (regimen.any's open depots)
  for _, c in ipairs(da_open or {}) do
    if c.open or c.open_until then acting = c; break end
  end
  return regimen.any(given, unknown, function(c)
    if #da > 0 then return true, meds.span(case, c) .. ", with " .. regimen.names(da) end
    if acting then
      return nil, meds.span(case, c) .. ", " .. none_current() .. "; whether " .. regimen.names({ acting })
        .. " (depot) still acts is unknown"
    end
    return false, meds.span(case, c) .. ", " .. none_current()
  end, "no lithium given within " .. time.duration(WINDOW_H) .. " before assessment",
    acting and (meds.depot_open(acting)) or nil)
end

-- A fact both the history and the exams record (e.g. agitation).
local function history_or_exam(case, field, what)
  return record.any_record({
    part("history", record.flag(case, "history", field, what)),
    part("exam", exam.flag(case, field, what)),
  })
end

local function history(id, title, what, source, definition)
  return { id = id, title = title, source = source, definition = definition,
    needs = "case.history." .. id,
    check = function(case) return answer(record.flag(case, "history", id, what)) end }
end

return {
  id = "risk_factors",
  title = "Risk factors for neuroleptic malignant syndrome",
  version = "ref-6",
  citation = "Risk factors with their evidence as collected in clinical-reference §6 (DSM-5 text [S30]; "
    .. "case-control studies Keck 1989 [S40], Viejo 2003 [S41], Sirisuwannarat 2025 [S42]; AMSP "
    .. "Schneider 2020 [S46]; Rosebush & Mazurek 1991 [S43]); seed 000",
  kind = "checklist",
  items = {
    history("prior_nms", "Previous episode of NMS", "previous episode of NMS",
      "§6: 15–20 % of index cases had a previous episode, DSM-5 text [S30], Strawn 2008 [S39]; seed 000"),
    history("dehydration", "Dehydration", "dehydration",
      "§6: adjusted OR 18.52 (Sirisuwannarat 2025 [S42]); DSM-5 text [S30]; seed 000"),

    { id = "agitation", title = "Agitation (psychomotor)",
      definition = "Agitation in the history or on any exam",
      source = "§6: significantly more in NMS, Keck 1989 [S40], Viejo 2003 [S41]; seed 000",
      needs = "case.history.agitation or exam[].agitation",
      check = function(case) return answer(history_or_exam(case, "agitation", "agitation")) end },

    history("exhaustion", "Exhaustion", "exhaustion", "§6: DSM-5 text [S30]; Strawn 2008 [S39]"),
    history("catatonia", "Catatonia", "catatonia",
      "§6: catatonia preceded NMS in all 5 (White & Robins [S44]) and all 17 (CNS Spectrums 2000 [S45]) cases"),

    { id = "rapid_dose_escalation", title = "Rapid dose escalation",
      definition = "The total mg of one dopamine antagonist in a period of risk.escalation_period_h (24 h) "
        .. "is at least risk.escalation_factor (2) times the total of the period before, ending within "
        .. "risk.current_window_h (72 h) of assessment. The rate is a project choice: no source gives one",
      source = "§6: higher doses, faster increases (Keck 1989 [S40]); newly introduced or increased "
        .. "neuroleptic (Viejo 2003 [S41]); seed 000 'rapid dose escalation'",
      needs = "the medication list with dose records (medications[].doses[] with t and mg) and the assessment time",
      check = function(case) return answer(escalation(case)) end },

    { id = "high_potency_fga", title = "High-potency first-generation antipsychotic",
      definition = "A first-generation antipsychotic of high potency (drugs.lua gen/potency) in current "
        .. "treatment: given within risk.current_window_h (72 h), a depot while it still acts (depot.*)",
      source = "§6: higher risk than low-potency and SGAs, DSM-5 text [S30]; AMSP, flupentixol highest "
        .. "(Schneider 2020 [S46]); seed 000 'high-potency antipsychotics'",
      needs = "the medication list (medications[]: drug or atc, start, stop) and the assessment time",
      check = function(case) return answer(each_current(case, high_potency,
        "the generation and potency of the drug (rules/drugs.lua)")) end },

    { id = "parenteral_or_depot", title = "Parenteral (IM/IV) or depot route",
      definition = "A dopamine antagonist in current treatment given IM or IV (within "
        .. "risk.current_window_h, 72 h) or as a depot still acting (its product's duration, depot.*)",
      source = "§6: more IM injections in NMS (Keck 1989 [S40], Viejo 2003 [S41]), DSM-5 text [S30]; "
        .. "depot prolongs the course [S12][S18][S14]; seed 000 'parenteral administration'",
      needs = "the route of each course (medications[].route) and its times",
      check = function(case) return answer(each_current(case, parenteral(case),
        "the route of the course (medications[].route)")) end },

    { id = "multiple_antipsychotics", title = "More than one antipsychotic at once",
      definition = "Courses of two different antipsychotics (§8.1, ATC N05A; not the other dopamine "
        .. "antagonists of §8.2 such as promethazine) of current treatment (72 h; a depot while it acts) "
        .. "that overlap in time",
      source = "§6: BMJ prevention advice, avoid concurrent multiple drugs [S13]; polypharmacy with "
        .. "depot in a prolonged case [S47]",
      needs = "the medication list with the start and stop of each course",
      check = function(case) return answer(concurrent(case)) end },

    { id = "lithium", title = "Lithium co-treatment",
      definition = "Lithium given within risk.current_window_h (72 h), with a dopamine antagonist of "
        .. "current treatment",
      source = "§6: additional risk factor in AMSP pharmacovigilance (Schneider 2020 [S46]); §5.1 [S13]",
      needs = "the medication list (medications[]: drug or atc, start, stop) and the assessment time",
      check = function(case) return answer(lithium(case)) end },

    { id = "iron_deficiency", title = "Iron deficiency (before the episode)",
      definition = "Iron deficiency in the history, or a serum iron ≤ 10 µmol/L measured before the episode "
        .. "began (before case.onset, else before the first temperature above onset.fever_c or "
        .. "the first rigidity on examination). A serum iron measured during the episode is a state marker "
        .. "of NMS, not a pre-existing risk factor, and is not counted",
      source = "§6: DSM-5 text [S30]; serum iron ≤ 10 µmol/L in 25/26 episodes, normalising on recovery "
        .. "(Rosebush & Mazurek 1991 [S43]); low serum iron sensitive but not specific during NMS (UpToDate "
        .. "via [S89], §9.1)",
      needs = "case.history.iron_deficiency, or a serum iron result (labs[].iron) timed before the episode "
        .. "(case.onset or the first fever or rigidity)",
      check = function(case)
        return answer(record.any_record({
          part("history", record.flag(case, "history", "iron_deficiency", "iron deficiency")),
          part("labs before the episode", iron_before_episode(case)),
        }))
      end },

    history("organic_brain_disease", "Organic brain disease", "organic brain disease",
      "§6: AMSP risk factor (Schneider 2020 [S46]); mortality 38.5 % with organic brain syndrome "
        .. "(Shalev 1989 [S37]); BMJ structural brain abnormality [S13]"),

    history("restraints", "Physical restraints", "physical restraint",
      "§6: UNCONFIRMED as an independent risk factor (vignettes and low-authority advice only); seed "
        .. "002: restraints worsen isometric contractions, hyperthermia and lactic acidosis",
      "Physical restraint. The evidence for restraint as an independent risk factor is weak and "
        .. "UNCONFIRMED (clinical-reference §6); listed for review, not as an established factor"),
  },
}
