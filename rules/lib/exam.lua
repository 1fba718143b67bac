-- lib/exam.lua - signs on examination, three-valued over all exams.
--
-- A sign is present (true) if any exam not after the assessment shows it;
-- absent (false) if exams recorded it and none showed it; unknown (nil) if
-- no exam recorded it at all. An exam that does not mention the sign says
-- nothing about it (absent field = unknown, docs/case-format.md).

local time = require("lib.time")
local fmt = require("lib.fmt")
local tri = require("lib.tri")
local memo = require("lib.memo")

local E = {}

-- How a recorded value reads in evidence, per field.
local PHRASE = {
  rigidity = function(v) return v == "none" and "no rigidity" or v .. " rigidity" end,
  mental_status = function(v) return v end,
  clonus = function(v) return v == "none" and "no clonus" or v .. " clonus" end,
  skin = function(v) return v .. " skin" end,
  bowel_sounds = function(v) return v .. " bowel sounds" end,
}

--- The exam entries not after the assessment, in time order (nil when no
-- exams were recorded).
function E.entries(case)
  return time.upto(case, case.exam)
end

-- A field's name in words ("waxy_flexibility" -> "waxy flexibility"),
-- worked out once per name: the names are the rules' own constants, a
-- few dozen, asked for in every case.
local WORDS = memo.per_key(function(field) return (field:gsub("_", " ")) end)
-- and its path in the record ("exam[].rigidity"), for missing texts
local PATH = memo.per_key(function(field) return "exam[]." .. field end)

--- "severe rigidity", "stupor", "no tremor": a recorded value in words.
function E.phrase(field, value)
  if PHRASE[field] then return PHRASE[field](value) end
  return (value and "" or "no ") .. WORDS[field]
end

-- Per case, the exam entries (E.entries) that record each field, in the
-- same order: a sign judged by one field (E.flag, E.level) needs only
-- those, and the dozens of signs asked of every case mostly find none.
-- Built in one pass over the entries the first time a case asks, kept
-- weakly by the case's exam list, as time.upto keeps the entries.
local NONE = {}
local recording_of = setmetatable({}, { __mode = "k" })

local function recording(case, field)
  local exams = case.exam
  if exams == nil then return nil end
  local by = recording_of[exams]
  if by == nil then
    -- each field's exams, in the entries' order (the walk is the
    -- engine's, nms.by_field)
    by = nms.by_field(E.entries(case))
    recording_of[exams] = by
  end
  return by[field] or NONE
end

-- E.observed over `entries`: all exams up to the assessment, or only those
-- recording the one field the judge reads (nil: no exam recorded). The
-- value comes from the counts; the exams showing it are listed only for
-- the evidence of a decided value (an undecided one names no exam), when
-- it is read.
local function observed(case, entries, what, judge, describe, fields)
  local value = nil
  if entries ~= nil then value = tri.count_value(1, entries, judge) end
  if value == nil then
    local why = entries == nil and "no examination recorded" or (what .. " not recorded on any exam")
    return tri.finding(nil, why, "an exam recording " .. what .. " (" .. fields .. ")")
  end
  if not fmt.wanted() then return tri.finding(value, "") end
  -- the exams that show the value (a case has one or two: a loop here
  -- costs less than the tally's four tables)
  local shown, n = {}, 0
  for i = 1, math.huge do   -- as ipairs, without its call per entry
    local e = entries[i]
    if e == nil then break end
    if judge(e) == value then n = n + 1; shown[n] = e end
  end
  local function text(e) return describe(e) .. time.at(case, e.t) end
  return tri.finding(value, fmt.each(shown, text, 6))
end

--- A sign judged on every exam: judge(exam) returns true or false (the
-- sign's value), or nothing when that exam did not record it; describe(exam)
-- says what the exam recorded, with its time. `what` names the sign for
-- "<what> not recorded on any exam"; `fields` names the case fields that
-- would decide it ("exam[].rigidity").
function E.observed(case, what, judge, describe, fields)
  return observed(case, E.entries(case), what, judge, describe, fields)
end

-- What E.observed answers for a sign of one field that exams were
-- recorded for but none recorded, the most common answer (most signs go
-- unmentioned): it depends on the sign's name and field only, so each
-- finding is made once and kept across cases (findings are read, never
-- modified; bounded: past MAX_UNRECORDED pairs the table starts again
-- empty).
local MAX_UNRECORDED = 256
local unrecorded_findings, n_unrecorded = {}, 0

local function unrecorded(what, field)
  local by = unrecorded_findings[field]
  local f = by and by[what]
  if f == nil then
    f = tri.finding(nil, what .. " not recorded on any exam",
      "an exam recording " .. what .. " (exam[]." .. field .. ")")
    -- emptied in place: the engine's readers (below) hold the table
    if n_unrecorded >= MAX_UNRECORDED then
      for k in pairs(unrecorded_findings) do unrecorded_findings[k] = nil end
      n_unrecorded = 0
    end
    by = unrecorded_findings[field] or {}
    unrecorded_findings[field] = by
    by[what], n_unrecorded = f, n_unrecorded + 1
  end
  return f
end

-- The value E.level and E.flag answer when nobody reads the evidence
-- (fmt.wanted), worked out over the exams recording the field without the
-- tally, its judge and its lists: what observed's tally_value gives. nil
-- when it would be unknown, whose texts observed writes.
local function level_value(entries, field, present)
  for i = 1, #entries do
    if present[entries[i][field]] == true then return true end
  end
  return false
end

local function flag_value(entries, field)
  local value = false
  for i = 1, #entries do
    local v = entries[i][field]
    if v == true then return true end
    if v ~= false then value = nil end   -- not a boolean: an unknown entry
  end
  return value
end

--- An enumerated sign present when its value is in `present` ({[v]=true}):
-- exam.level(case, "rigidity", { mild = true, moderate = true, severe = true }).
function E.level(case, field, present, what)
  what = what or WORDS[field]
  local entries = recording(case, field)
  if entries ~= nil and #entries == 0 then return unrecorded(what, field) end
  if entries ~= nil and not fmt.wanted() then
    return tri.finding(level_value(entries, field, present), "")
  end
  return observed(case, entries, what, function(e)
    if e[field] ~= nil then return present[e[field]] == true end
  end, function(e) return E.phrase(field, e[field]) end, PATH[field])
end

--- A boolean sign such as "tremor" or "incontinence".
function E.flag(case, field, what)
  what = what or WORDS[field]
  local entries = recording(case, field)
  if entries ~= nil and #entries == 0 then return unrecorded(what, field) end
  if entries ~= nil and not fmt.wanted() then
    local value = flag_value(entries, field)
    if value ~= nil then return tri.finding(value, "") end
  end
  return observed(case, entries, what, function(e) return e[field] end,
    function(e) return e[field] and what or "no " .. what end, PATH[field])
end

--- The item of a groups set (docs/rules.md) that one boolean exam field
-- decides, E.flag its check: id `field`, `title` ("Trismus") in lower case
-- in its evidence and missing text. For sets that list signs by name
-- (malignant catatonia's DSM-5 signs, tetanus's trismus and opisthotonos).
-- @usage exam.sign_item("trismus", "Trismus", "spasm", "RCEM Learning ...")
function E.sign_item(field, title, group, source)
  local what = title:lower()
  local answer = tri.answer
  return { id = field, group = group, title = title, source = source,
    needs = "an exam recording " .. what .. " (exam[]." .. field .. ")",
    check = function(case) return answer(E.flag(case, field, what)) end }
end

--- Diaphoresis: exam.diaphoresis true or skin "diaphoretic"; recorded as
-- absent by diaphoresis false or skin "normal" or "dry" (a flushed skin
-- says nothing about sweating).
-- (its judge and describer made once, not per call: they capture nothing)
local function sweating(e)
  if e.diaphoresis == true or e.skin == "diaphoretic" then return true end
  if e.diaphoresis == false or e.skin == "normal" or e.skin == "dry" then return false end
end
local function sweating_text(e)
  if e.diaphoresis == true then return "diaphoresis" end
  if e.skin == "diaphoretic" then return "diaphoretic skin" end
  if e.diaphoresis == false then return "no diaphoresis" end
  return e.skin .. " skin"
end
function E.diaphoresis(case)
  return E.observed(case, "sweating", sweating, sweating_text, "exam[].diaphoresis or exam[].skin")
end

--- Hyperreflexia: exam.hyperreflexia true; recorded as absent by
-- hyperreflexia false, or by hyporeflexia true (decreased reflexes are not
-- increased ones; the bradyreflexia of NMS vs the hyperreflexia of
-- serotonin syndrome, clinical-reference §7.1 [S35]).
function E.hyperreflexia(case)
  return E.observed(case, "reflexes", function(e)
    if e.hyperreflexia ~= nil then return e.hyperreflexia end
    if e.hyporeflexia == true then return false end
  end, function(e)
    if e.hyperreflexia ~= nil then return E.phrase("hyperreflexia", e.hyperreflexia) end
    return "hyporeflexia"
  end, "exam[].hyperreflexia or exam[].hyporeflexia")
end

--- The twelve catatonic signs of DSM-5 (clinical-reference §7.4 [S67]):
-- stupor as the mental_status value "stupor", agitation as exam[].agitation
-- (the record cannot tell whether it is "not influenced by external
-- stimuli"), the other ten as exam flags of the same name.
E.CATATONIC_SIGNS = {
  { field = "mental_status", value = "stupor", what = "stupor" },
  { field = "catalepsy" }, { field = "waxy_flexibility" }, { field = "mutism" },
  { field = "negativism" }, { field = "posturing" }, { field = "mannerism" },
  { field = "stereotypy" }, { field = "agitation" }, { field = "grimacing" },
  { field = "echolalia" }, { field = "echopraxia" },
}

-- The value set of each enumerated catatonic sign, one table per value so
-- that E.level's per-case memory (below) knows it again.
local VALUE_SET = {}
for _, s in ipairs(E.CATATONIC_SIGNS) do
  if s.value then VALUE_SET[s.value] = { [s.value] = true } end
end

-- E.catatonia when nobody reads the evidence: what tri.at_least over the
-- twelve signs' parts gives (the value, and while it is unknown each
-- unknown sign's missing text, else its name, joined), counted without
-- making the parts.
local function catatonia_value(case)
  local yes, unknown, missing = 0, 0, {}
  for i = 1, #E.CATATONIC_SIGNS do
    local s = E.CATATONIC_SIGNS[i]
    local what = s.what or WORDS[s.field]
    local f = s.value and E.level(case, s.field, VALUE_SET[s.value], what) or E.flag(case, s.field, what)
    if f.value == true then
      yes = yes + 1
    elseif f.value == nil then
      unknown = unknown + 1
      missing[unknown] = f.missing or what
    end
  end
  local value = tri.at_least_count(3, yes, unknown)
  return tri.finding(value, "", value == nil and fmt.join(missing) or nil)
end

--- Catatonia on examination by the DSM-5 count, at least 3 of the 12
-- catatonic signs (§7.4 [S67]), three-valued: true with 3 present, false
-- when too few could still be present, unknown in between. The evidence
-- names the signs present and counts the others (the exams' own words are
-- in the items that test each sign).
-- @usage exam.catatonia(case)   -- DSM-IV-TR criterion D, record reading
function E.catatonia(case)
  if not fmt.wanted() then return catatonia_value(case) end
  local parts, present, absent = {}, {}, 0
  for i, s in ipairs(E.CATATONIC_SIGNS) do
    local what = s.what or WORDS[s.field]
    local f = s.value and E.level(case, s.field, VALUE_SET[s.value], what) or E.flag(case, s.field, what)
    parts[i] = tri.part(what, f)
    if f.value == true then present[#present + 1] = what end
    if f.value == false then absent = absent + 1 end
  end
  local f = tri.at_least(3, parts)
  if not fmt.wanted() then return tri.finding(f.value, "", f.missing) end
  local text = ("DSM-5 catatonic signs on exam: %d of 12 present%s, %d recorded absent, %d not recorded "
    .. "(at least 3 needed)"):format(#present, #present > 0 and (" (" .. fmt.list(present) .. ")") or "",
    absent, #parts - #present - absent)
  return tri.finding(f.value, text, f.missing)
end

--- Whether `field` took different values on different exams (e.g. a
-- fluctuating mental status): true with the values, false when all
-- recorded values agree, nil when fewer than two exams recorded it.
function E.changed(case, field)
  -- the exams recording it, in time order: the per-case index (a list
  -- shared with exam.flag and exam.level, only read here)
  local recorded = recording(case, field) or NONE
  if #recorded < 2 then return tri.finding(nil, "fewer than two exams record " .. WORDS[field]) end
  -- different values: some exam's differs from the first's (values
  -- recorded on exams are words, booleans and numbers, equal as table
  -- keys are equal)
  local first, changed = recorded[1][field], false
  for i = 2, #recorded do
    if recorded[i][field] ~= first then
      changed = true
      break
    end
  end
  if not fmt.wanted() then return tri.finding(changed, "") end
  return tri.finding(changed, fmt.each(recorded, function(e)
    return E.phrase(field, e[field]) .. time.at(case, e.t)
  end, 6))
end

-- Many sets ask for the same sign of the same case (rigidity, agitation,
-- the twelve catatonic signs of two exclusion criteria): each is judged
-- once per case and arguments (lib/memo.lua).
for _, name in ipairs({ "diaphoresis", "hyperreflexia", "catatonia", "changed" }) do
  E[name] = memo.wrap(E[name])
end

-- exam.flag and exam.level answer without the memory when no exam
-- recorded the field (the finding kept across cases, unrecorded, at every
-- evidence level), or when nobody reads the evidence and the exams
-- recording the field decide it (a bare finding): the per-case index
-- makes that a few table reads, less than the memory's own bookkeeping (a
-- key written and looked up, ~1,300 instructions a call).
-- (A case asks ~90 of them: once the case's index is built, `recorded`
-- reads it in place.)
local wanted, finding = fmt.wanted, tri.finding

local function recorded(case, field)
  local exams = case.exam
  local by = exams ~= nil and recording_of[exams]
  if by then return by[field] or NONE end
  return recording(case, field)
end

local flag = memo.wrap(E.flag)
local function flag_read(case, field, what)
  local entries = recorded(case, field)
  if entries ~= nil then
    if entries[1] == nil then return unrecorded(what or WORDS[field], field) end
    if not wanted() then
      local value = flag_value(entries, field)
      if value ~= nil then return finding(value, "") end
    end
  end
  return flag(case, field, what)
end

-- exam.level's value sets by content: the sets define "rigid" or "altered
-- mental status" each in a constant of its own, often alike
-- ({ mild = true, moderate = true, severe = true }), and E.level judges
-- only the values mapped to true. The first set seen with given contents
-- stands for all that are alike, so the memory answers them all at once.
-- Sets with keys other than strings stand for themselves.
local same_as = setmetatable({}, { __mode = "k" })
local by_contents = setmetatable({}, { __mode = "v" })

local function standing_for(set)
  local s = same_as[set]
  if s then return s end
  local keys = {}
  for k, v in pairs(set) do
    if type(k) ~= "string" then
      same_as[set] = set
      return set
    end
    if v == true then keys[#keys + 1] = k end
  end
  table.sort(keys)
  local contents = table.concat(keys, "\0")
  s = by_contents[contents] or set
  by_contents[contents] = s
  same_as[set] = s
  return s
end

local level = memo.wrap(E.level)
local function level_read(case, field, present, what)
  local entries = recorded(case, field)
  if entries ~= nil then
    if entries[1] == nil then return unrecorded(what or WORDS[field], field) end
    if not wanted() then return finding(level_value(entries, field, present), "") end
  end
  return level(case, field, same_as[present] or standing_for(present), what)
end

-- The two above as the engine's readers (nms.sign_reader, core/lua/
-- readers.c): what they answer from the index and the kept findings
-- without a call (a sign no exam recorded; nobody reading the evidence
-- and the exams deciding it) is answered in C, ~90 calls a case; every
-- other call runs Lua, with the same arguments.
-- A field the exams recorded whose value the reader cannot give (evidence
-- wanted, an unknown value) goes straight to the memory, as in the
-- functions above.
E.flag = nms.sign_reader(false, flag_read, unrecorded_findings, recording_of, WORDS, flag)
E.level = nms.sign_reader(true, level_read, unrecorded_findings, recording_of, WORDS,
  function(case, field, present, what)
    return level(case, field, same_as[present] or standing_for(present), what)
  end)

return E
