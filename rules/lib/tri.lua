-- lib/tri.lua - three-valued logic and counting, with the evidence kept.
--
-- A value is true, false or nil (unknown). Unknown is never false: an
-- "at least k" rule is true once k parts are true, false only when too few
-- parts could still be true, and unknown in between (Kleene logic; "all" is
-- at least n of n, "any" at least 1 of n).
--
-- Helpers pass *findings* around: tables
--   { value = true|false|nil, evidence = "clinical words", missing = "what would decide it" }
-- and an item's check returns one with tri.answer(finding). A *part* is a
-- finding with a label, e.g. "(a) BP elevation", used when combining.

local fmt = require("lib.fmt")

local tri = {}

--- A finding: { value = value, evidence = evidence, missing = missing },
-- an error unless `evidence` is a string. `missing` matters only when
-- `value` is nil. (Made by the engine, nms.finding: one call instead of
-- the check's two. A finding with evidence "" and no missing text is one
-- table per value and case: findings are read, never modified.)
-- @usage return tri.answer(tri.finding(nil, "no CK recorded", "a CK result"))
tri.finding = nms.finding

--- The three values an item's check returns: value, evidence, missing
-- (the last only when the value is nil). (nms.answer, in the engine.)
tri.answer = nms.answer

--- Kleene negation: not unknown is unknown.
function tri.NOT(a)
  if a == nil then return nil end
  return not a
end

--- Kleene conjunction of two values: false wins, then unknown.
function tri.AND(a, b)
  if a == false or b == false then return false end
  if a == nil or b == nil then return nil end
  return true
end

--- Kleene disjunction of two values: true wins, then unknown.
function tri.OR(a, b)
  if a == true or b == true then return true end
  if a == nil or b == nil then return nil end
  return false
end

--- "yes", "no" or "unknown" for a value, for evidence text.
function tri.word(v)
  if v == true then return "yes" end
  if v == false then return "no" end
  return "unknown"
end

--- The value of "at least k": true when yes >= k, false when even every
-- unknown turning true would leave fewer than k, else nil.
function tri.at_least_count(k, yes, unknown)
  if yes >= k then return true end
  if yes + unknown < k then return false end
  return nil
end

--- Labels a finding as a part of a combined rule: "(c) diaphoresis".
-- The copy is { label, value, evidence, missing }. (nms.part.)
tri.part = nms.part

--- Evaluates declared parts `{ {label, function(case) -> finding}, ... }`
-- for one case, in order, into labelled findings (tri.part of each).
-- (nms.evaluate: the loop in the engine, the checks as written.)
tri.evaluate = nms.evaluate

local function need_text(k, n)
  if k == n then return n == 2 and "both needed" or "all needed" end
  if k == 1 then return "any one suffices" end
  return "at least " .. k .. " needed"
end

local wanted = fmt.wanted

local function combine(k, parts, head)
  -- The counting is the engine's (nms.at_least): tri.at_least_count over
  -- the parts whose value is true and those unknown, and when that leaves
  -- the value unknown, fmt.join of each unknown part's missing or label.
  local value, yes, unknown, missing_text = nms.at_least(k, parts)
  if not wanted() then return tri.finding(value, "", missing_text) end
  -- each part's label, tri.word of its value and its evidence, "; " between
  -- them (nms.describe_parts writes them in the engine)
  local text = nms.describe_parts(parts)
  if head then
    text = yes .. " of " .. #parts .. " present" .. (unknown > 0 and (", " .. unknown .. " unknown") or "")
      .. " (" .. need_text(k, #parts) .. "): " .. text
  end
  return tri.finding(value, text, missing_text)
end

--- At least `k` of the labelled findings `parts` are true (three-valued).
-- The evidence counts the parts, then names each with its value and its
-- own evidence; the missing text gathers what would decide the unknowns.
-- @usage tri.at_least(2, tri.evaluate(SUBITEMS, case))
function tri.at_least(k, parts) return combine(k, parts, true) end

--- All parts true (three-valued AND over labelled findings); the evidence
-- names each part, without a count.
function tri.all(parts) return combine(#parts, parts, false) end

--- Any part true (three-valued OR over labelled findings).
function tri.any(parts) return combine(1, parts, false) end

--- Judges each entry of `list`: judge(entry) returns value, true for an
-- entry that bears on the question (value true, false, or nil =
-- undecidable), or nothing for an entry that does not (e.g. an exam that
-- does not mention the sign). Entries are kept, not texts, so evidence is
-- written only for the few entries shown (fmt.each).
-- @return a tally { yes = {entries}, no = {entries}, unknown = {entries}, judged = n }
-- (nms.tally: the loop and the buckets in the engine, judge as written.)
tri.tally = nms.tally

--- tri.tally for a judge that returns the entry's value only: true,
-- false, or nil for an entry that does not bear on the question (an exam
-- that does not record the sign). (nms.tally_known.)
tri.tally_known = nms.tally_known

--- "At least k entries show it" from a tally: nil when no entry bore on
-- the question at all (nothing recorded is unknown, not false).
function tri.tally_value(k, t)
  if t.judged == 0 then return nil end
  return tri.at_least_count(k, #t.yes, #t.unknown)
end

--- What tri.tally_value(k, tally) gives, from counts alone: for when
-- nobody reads the evidence (fmt.wanted), which is all the tally's lists
-- are for. judge(entry, a, b) says true or false, nil for an entry that
-- does not bear on the question, or any other value for one that bears
-- on it but cannot be told (as the tallies count them). Extra arguments
-- go to judge, so that a judge needs no closure per call.
-- @return the value (nil: unknown, or no entry bore on it), then the
--   counts judged, yes and unknown
-- (nms.count_value: the loop and the counts in the engine, judge as written.)
tri.count_value = nms.count_value

return tri
