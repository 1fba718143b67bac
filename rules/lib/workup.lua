-- lib/workup.lua - the search for another cause (case.workup).
--
-- Each work-up field is "negative", "positive" or "pending"; absent means
-- nobody recorded a result. "Negative for all of these" is true when every
-- one is negative, false as soon as one is positive, and unknown while any
-- is pending or unrecorded.

local fmt = require("lib.fmt")
local tri = require("lib.tri")
local exam = require("lib.exam")
local record = require("lib.record")
local memo = require("lib.memo")

local W = {}

--- All of `fields` (e.g. {"infection", "toxic"}) negative, three-valued.
-- @usage workup.negative(case, { "infection", "toxic", "metabolic", "neurologic" })
local NONE = {}   -- no work-up recorded: read, never written

function W.negative(case, fields)
  local w = case.workup or NONE
  local wanted = fmt.wanted()   -- else no evidence text, only the missing one
  -- the lists made only when there is something to put in them
  local yes, unknown, texts, open = 0, 0, wanted and {}, nil
  for _, f in ipairs(fields) do
    local r = w[f]
    if wanted then texts[#texts + 1] = f .. " " .. (r or "not recorded") end
    if r == "negative" then
      yes = yes + 1
    elseif r ~= "positive" then
      unknown = unknown + 1
      open = open or {}
      open[#open + 1] = f .. " (" .. (r or "not recorded") .. ")"
    end
  end
  local value = tri.at_least_count(#fields, yes, unknown)
  local evidence = wanted and "work-up: " .. fmt.list(texts) or ""
  if value == nil then
    return tri.finding(nil, evidence, "work-up results for " .. fmt.list(open) .. " (case.workup)")
  end
  return tri.finding(value, evidence)
end

--- One work-up field found positive, three-valued: "positive" true,
-- "negative" false, "pending" or not recorded unknown.
-- @usage workup.positive(case, "infection")   -- another cause found
function W.positive(case, field)
  local r = (case.workup or {})[field]
  local text = field .. " work-up " .. (r or "not recorded") .. " (workup." .. field .. ")"
  if r == "positive" then return tri.finding(true, text) end
  if r == "negative" then return tri.finding(false, text) end
  return tri.finding(nil, text, "the " .. field .. " work-up result (workup." .. field .. ")")
end

--- No mental disorder better explains the picture (DSM-IV-TR criterion
-- D; the "neuropsychiatric" part of Caroff & Mann's exclusion), under one
-- of two readings:
--   "strict": only the psychiatric assessment decides (workup.psychiatric
--             negative true, positive false, else unknown);
--   "record": a recorded psychiatric assessment still decides, and one
--             recorded as pending leaves the question open for it; without
--             one, the record decides through catatonia, the better
--             explanation DSM-IV-TR itself names ("a mood disorder with
--             catatonic features"; clinical-reference §1.1 [S10][S11]).
--             Catatonia shown in the history (history.catatonia) or on
--             examination (DSM-5: at least 3 of 12 signs, §7.4 [S67])
--             leaves the question open for the psychiatric assessment:
--             catatonia often precedes NMS ([S44][S45]) and lies on one
--             continuum with it ([S73]), so its presence does not say
--             which explains the picture. Catatonia recorded as absent
--             (history.catatonia false, or too few signs on exams to reach
--             3) satisfies the criterion; a "no" in the history is not
--             undone by signs the exams left unrecorded (lib/record.lua
--             any_record), only by catatonia the exams establish.
-- @usage workup.mental_disorder_excluded(case, "record")
function W.mental_disorder_excluded(case, reading)
  local assessed = W.negative(case, { "psychiatric" })
  if reading == "strict" or (case.workup or {}).psychiatric ~= nil then return assessed end
  local catatonia = record.any_record({
    tri.part("history", record.flag(case, "history", "catatonia", "catatonia")),
    tri.part("exam (DSM-5 catatonia, at least 3 of 12 signs)", exam.catatonia(case)),
  })
  local text = fmt.wanted() and "no psychiatric assessment recorded (workup.psychiatric); catatonia, the "
    .. "better explanation DSM-IV-TR names (a mood disorder with catatonic features): "
    .. tri.word(catatonia.value) .. " (" .. catatonia.evidence .. ")" or ""
  if catatonia.value == false then return tri.finding(true, text) end
  local open = catatonia.value == true
    and "the psychiatric assessment of whether the catatonia better explains the picture (workup.psychiatric)"
    or "the psychiatric assessment (workup.psychiatric), or whether catatonia is present ("
      .. catatonia.missing .. ")"
  return tri.finding(nil, text, open)
end

-- Asked alike by several sets (DSM-IV-TR D, Caroff & Mann): computed once
-- per case and reading (lib/memo.lua).
W.mental_disorder_excluded = memo.wrap(W.mental_disorder_excluded)

return W
