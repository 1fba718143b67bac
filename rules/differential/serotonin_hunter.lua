-- differential/serotonin_hunter.lua - serotonin toxicity by the Hunter
-- decision rules (Dunkley et al. 2003), clinical-reference §7.2
-- [S51][S52][S53], exactly as that decision tree:
--
--   precondition: a serotonergic agent has been taken; then toxicity if ANY
--   1. spontaneous clonus;
--   2. inducible clonus AND (agitation OR diaphoresis);
--   3. ocular clonus AND (agitation OR diaphoresis);
--   4. tremor AND hyperreflexia;
--   5. hypertonia AND temperature > 38 °C AND (ocular OR inducible clonus).
--
-- The engine's rule is "the agent AND at least one branch"; each branch is
-- one item. MSD's paraphrase ("hypertonia" alone, merged branches) is not
-- used [S34]. Decisions where the record is less precise than the rule:
-- - "Taken": a drug of class serotonergic (rules/drugs/other.lua, §8.4)
--   given within parameter differential.serotonin_hunter.agent_window_h;
--   Hunter gives no window (the "5 weeks" phrase is UNCONFIRMED, see the
--   parameter).
-- - The parts of a branch need not be seen on the same exam: the rules set
--   no simultaneity (as IEC 2011 item 7 is read in criteria/iec2011.lua).
-- - Clonus is one value per exam (none, inducible, spontaneous, ocular):
--   "none" rules out every kind; "inducible" (clonus only when provoked)
--   rules out spontaneous clonus; limb clonus says nothing about ocular
--   clonus nor ocular about limb clonus, so those leave the kind unknown.
-- - Hypertonia is read from exam[].rigidity (any degree), the record's one
--   field for increased tone.
-- - Temperature: Hunter names no measurement site, so a reading at any
--   site counts.

local P = require("lib.params")
local tri = require("lib.tri")
local exam = require("lib.exam")
local vitals = require("lib.vitals")
local regimen = require("lib.regimen")
local contrasts = require("differential.contrasts")

local answer, part = tri.answer, tri.part

local TEMP_C = 38                                                  -- rule 5: ">38 °C" [S51][S52]
local HYPERTONIA = { mild = true, moderate = true, severe = true } -- any degree of increased tone
local SEROTONERGIC = { serotonergic = true }                       -- §8.4 drug class
local AGENT_WINDOW_H = P.number("differential.serotonin_hunter.agent_window_h")

-- Recorded clonus values that rule each kind out (see the header).
local RULES_OUT = {
  spontaneous = { none = true, inducible = true },
  inducible = { none = true },
  ocular = { none = true },
}

local function clonus(case, kind)
  return exam.observed(case, kind .. " clonus", function(e)
    if e.clonus == kind then return true end
    if RULES_OUT[kind][e.clonus] then return false end
  end, function(e) return exam.phrase("clonus", e.clonus) end, "exam[].clonus")
end

local function agitation_or_diaphoresis(case)
  return tri.any({ part("agitation", exam.flag(case, "agitation")),
                   part("diaphoresis", exam.diaphoresis(case)) })
end

-- Branches 2 and 3: a kind of clonus AND (agitation OR diaphoresis).
local function clonus_with_agitation_or_diaphoresis(kind)
  return function(case)
    return answer(tri.all({ part(kind .. " clonus", clonus(case, kind)),
                            part("agitation or diaphoresis", agitation_or_diaphoresis(case)) }))
  end
end

local NEEDS_AGITATION = "exams recording clonus (exam[].clonus), agitation (exam[].agitation) and sweating "
  .. "(exam[].diaphoresis or skin)"

return {
  id = "serotonin_hunter",
  title = "Serotonin toxicity: Hunter decision rules",
  version = "2003",
  citation = "Dunkley EJC, Isbister GK, Sibbritt D, Dawson AH, Whyte IM. The Hunter Serotonin Toxicity "
    .. "Criteria: simple and accurate diagnostic decision rules for serotonin toxicity. QJM "
    .. "2003;96(9):635-42 (sensitivity 84 %, specificity 97 % against a toxicologist's diagnosis), as "
    .. "reproduced in clinical-reference §7.2 [S51][S52][S53]",
  kind = "groups",
  groups = {
    { id = "agent", title = "Serotonergic agent taken (precondition)" },
    { id = "branches", title = "Decision rules (any one)" },
  },
  rule = {
    { need = { agent = "all", branches = 1 } },
  },
  items = {
    { id = "serotonergic_agent", group = "agent",
      title = "Serotonergic agent taken",
      definition = "In the presence of a serotonergic agent",
      source = "§7.2 [S51][S52][S53]; drug class §8.4; window: parameter "
        .. "differential.serotonin_hunter.agent_window_h",
      needs = "the medication list (medications[]: drug or atc, start, stop) and the assessment time",
      check = function(case)
        return answer(regimen.given(case, SEROTONERGIC, AGENT_WINDOW_H, "serotonergic drug"))
      end },

    { id = "spontaneous_clonus", group = "branches",
      title = "Spontaneous clonus",
      definition = "Spontaneous clonus",
      source = "§7.2 rule 1 [S51][S52][S53]",
      needs = "an exam recording clonus (exam[].clonus)",
      check = function(case) return answer(clonus(case, "spontaneous")) end },

    { id = "inducible_clonus_agitation_or_diaphoresis", group = "branches",
      title = "Inducible clonus with agitation or diaphoresis",
      definition = "Inducible clonus AND (agitation OR diaphoresis)",
      source = "§7.2 rule 2 [S51][S52][S53]",
      needs = NEEDS_AGITATION,
      check = clonus_with_agitation_or_diaphoresis("inducible") },

    { id = "ocular_clonus_agitation_or_diaphoresis", group = "branches",
      title = "Ocular clonus with agitation or diaphoresis",
      definition = "Ocular clonus AND (agitation OR diaphoresis)",
      source = "§7.2 rule 3 [S51][S52][S53]",
      needs = NEEDS_AGITATION,
      check = clonus_with_agitation_or_diaphoresis("ocular") },

    { id = "tremor_hyperreflexia", group = "branches",
      title = "Tremor with hyperreflexia",
      definition = "Tremor AND hyperreflexia",
      source = "§7.2 rule 4 [S51][S52][S53]",
      needs = "exams recording tremor (exam[].tremor) and reflexes (exam[].hyperreflexia)",
      check = function(case)
        return answer(tri.all({ part("tremor", exam.flag(case, "tremor")),
                                part("hyperreflexia", exam.hyperreflexia(case)) }))
      end },

    { id = "hypertonia_fever_clonus", group = "branches",
      title = "Hypertonia, temperature above 38 °C and ocular or inducible clonus",
      definition = "Hypertonia AND temperature >38 °C AND (ocular clonus OR inducible clonus)",
      source = "§7.2 rule 5 [S51][S52][S53]",
      needs = "exams recording tone (exam[].rigidity) and clonus (exam[].clonus), and a temperature "
        .. "(vitals[].temp)",
      check = function(case)
        return answer(tri.all({
          part("hypertonia", exam.level(case, "rigidity", HYPERTONIA, "hypertonia")),
          part("temperature > 38 °C", vitals.any_above(case, "temp", TEMP_C)),
          part("ocular or inducible clonus", tri.any({ part("ocular", clonus(case, "ocular")),
                                                      part("inducible", clonus(case, "inducible")) })),
        }))
      end },
  },
  distinguishing = contrasts.serotonin,
  overlap = "A serotonergic drug and a dopamine antagonist (e.g. an SSRI with an antipsychotic) can be "
    .. "given together, and fever, rigidity, diaphoresis and altered mental status occur in both. "
    .. "This result does not choose between them. Review the timeline (serotonin syndrome within 24 h "
    .. "of the drug change, NMS over days), clonus and hyperreflexia against bradyreflexia and "
    .. "lead-pipe rigidity, pupils and bowel sounds; the treatments differ (serotonin antagonist such "
    .. "as cyproheptadine vs stopping the dopamine antagonist, dantrolene or bromocriptine). (§7.1 "
    .. "[S35][S50]; §7.2 [S33])",
}
