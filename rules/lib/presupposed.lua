-- lib/presupposed.lua - what the NMS criteria sets take for granted: a
-- dopamine antagonist, or the withdrawal of a dopaminergic drug.
--
-- The published sets are criteria *for NMS*, a reaction to dopamine
-- blockade: DSM-IV-TR criterion A ("with neuroleptic use", §1.1
-- [S10][S11]), Caroff & Mann major 1 and Lazarus major 1 (a neuroleptic
-- within 7 days, §4.4 [S12], §4.3 [S16]) make it a criterion of their own,
-- and IEC 2011 item 1 defines it (§3 [S1]). But IEC gives it weights only
-- (20 of 100 points, no item mandatory, §3 [S2]), so the other items reach
-- 74 without it (80 in benzodiazepine-withdrawal catatonia), and Levenson
-- 1985 (§2) and Pope 1986 (§4.1) have no exposure item at all: fever,
-- rigidity and CK meet Levenson in heat stroke, malignant hyperthermia and
-- serotonin syndrome. The engine asks a set's `presupposes` once the set
-- is met (docs/rules.md) and the result says when it was met without it
-- (false) or without knowing (unknown); the verdict stays the published
-- table's unless the set's <id>.require_exposure parameter is true.
local tri = require("lib.tri")
local meds = require("lib.meds")

local M = {}

--- The `presupposes` entry of a criteria set: exposure to a dopamine
-- antagonist, or dopaminergic withdrawal, within `hours` back from the
-- anchor (meds.exposure, with its `opts`). `definition` says which window
-- and why; `required` makes the verdict follow it.
-- @usage presupposes = presupposed.exposure(72, { withdrawal_hours = 72 }, false, "IEC item 1 ...")
function M.exposure(hours, opts, required, definition)
  return {
    id = "exposure",
    title = "exposure to a dopamine antagonist, or dopaminergic withdrawal, which criteria for NMS presuppose",
    definition = definition,
    needs = "the medication list (medications[]: drug or atc, start, stop) and the assessment time",
    required = required,
    check = function(case) return tri.answer(meds.exposure(case, hours, opts)) end,
  }
end

return M
