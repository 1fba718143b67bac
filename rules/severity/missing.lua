-- severity/missing.lua - the "missing: ..." list of the undecided line
-- ("Whether NMS is the working diagnosis cannot be decided from the
-- record (missing: ...)", severity/actions.lua): what a clinician must
-- record to decide it, each datum once, the data first.
--
-- The working diagnosis's parts (exposure, NMS evidence, no better
-- explanation) each give their missing data, and the first two point to
-- the undecided criteria sets ("the data that would decide iec2011,
-- pope1986"). Three rules make one list of them (FINDINGS-19 #5 and #7):
--
-- 1. The data the undecided sets share come first, by name. Each
--    undecided criteria set's unknown items say what would decide them
--    (their `missing`, which the engine hands over in the verdicts: the
--    items its open verdict waits on); a datum that more of the sets ask for decides more
--    of them, so the data asked for by the most sets are named, at most
--    LIFTED of them; among those, first the data that decide an item on
--    their own (an item asking for one datum weighs 1 for it, one asking
--    for any of ten, 0.1 each: a CK result before one of ten
--    extrapyramidal signs), then in the sets' order (alphabetical ids,
--    then item order); each group with the sets that ask for it ("a CK result
--    (labs[].ck) ..., which iec2011 and levenson1985 ask for"). A datum
--    longer than LONGEST characters is a list of its own (the psychiatric
--    assessment or a dozen catatonic signs) and is not lifted. The
--    pointer to the sets stays beside them for the rest.
-- 2. The sets' pointers merge into one ("the data that would decide
--    iec2011, pope1986" and "... iec2011" from the look-alike check: one
--    pointer naming each set once, in first-seen order; session 11, cr11).
-- 3. One line per field: data naming the same field path (the first
--    parenthesised path, "(exam[].rigidity)", "(vitals[].temp with t)" ->
--    exam[].rigidity, vitals[].temp; a bare path "complications.dic"
--    otherwise; "case." dropped) are one datum, worded by the longest of
--    its wordings, which asks the most of the field ("an exam recording
--    moderate or severe rigidity" over "an exam recording rigidity"; a CK
--    "with the laboratory's ULN"; "at least twice"), at the place the
--    field was first named. A field and one it holds stay apart ("(case.
--    workup)", the four exclusion fields, and "(workup.infection)"): the
--    psychiatric assessment is in workup too, and is not asked alike.
--
-- A presentation choice, not a clinical one (it moves no verdict and no
-- step): LIFTED and LONGEST bound the line. When nobody reads the text
-- (fmt.wanted false: CSV, the compact record) the parts are joined as
-- given: nothing is split, merged or asked again.

local fmt = require("lib.fmt")
local memo = require("lib.memo")

local M = {}

local LIFTED = 3   -- at most this many shared data named before the pointer
local LONGEST = 160  -- characters: a longer datum is a list of its own (left behind the pointer)
local DECIDE = "the data that would decide "

-- The data of a missing text, split at each "; " outside parentheses
-- ("whether catatonia is present (history.catatonia; an exam ...)" is one
-- datum), as a list.
local function split_text(text)
  local out, start, from = {}, 1, 1
  while true do
    local i = text:find("; ", from, true)
    if i == nil then break end
    local piece = text:sub(start, i - 1)
    local _, open = piece:gsub("%(", "")
    local _, close = piece:gsub("%)", "")
    if open == close then
      out[#out + 1] = piece
      start = i + 2
    end
    from = i + 2
  end
  out[#out + 1] = text:sub(start)
  return out
end

-- The field a datum names (rule 3), without the "case." of the record's
-- top level, or false when it names none.
local function field_text(datum)
  local path = datum:match("%(([%a_][%w_]*[%.%[][%w_%.%[%]]*)")
    or datum:match("^([%a_][%w_]*%.[%w_%.%[%]]*)$")
  return path and (path:match("^case%.(.+)") or path) or false
end

-- split_text and field_text remembered by text (lib/memo.lua per_key,
-- bounded): the missing texts are the rules' own sentences, the same in
-- case after case, and their patterns cost more than the rest of the list
-- (~0.1 M instructions a JSON case). The lists handed out are shared:
-- read, never modified.
local SPLIT = memo.per_key(split_text, 4096)
local FIELD = memo.per_key(field_text, 4096)
local function field_of(datum) return FIELD[datum] end
-- Where a datum is merged: its field path, else its own words.
local function key_of(datum) return field_of(datum) or ("=" .. datum) end

local NONE = {}
local function split(text) return (text == nil or text == "") and NONE or SPLIT[text] end

-- Adds `datum` to `list` (entries { text, field }, indexed by field, or
-- by text when it names none, in `list.by`) as rule 3 says: into the entry
-- of its field (or of the same text), keeping the longer wording; else as
-- a new entry. Returns the entry.
local function merge(list, datum)
  local key = key_of(datum)
  local d = list.by[key]
  if d then
    if #datum > #d.text then d.text = datum end
    return d
  end
  d = { text = datum }
  list.by[key] = d
  list[#list + 1] = d
  return d
end

-- Rule 1: { {text, askers = {ids}} } for the data the most of `ids` ask
-- for, at most LIFTED, in first-seen order, from the engine's `verdicts`
-- (an indeterminate criteria set's `missing`: the missing texts of the
-- unknown items its verdict waits on, docs/rules.md).
local function shared(verdicts, ids)
  local order = { by = {} }
  for _, id in ipairs(ids) do
    local v = verdicts and verdicts[id]
    for _, missing in ipairs(v and v.missing or {}) do
      local data = split(missing)
      for _, datum in ipairs(data) do
        local d = merge(order, datum)
        if not d.askers then d.askers, d.weight, d.at = {}, 0, #order end
        if d.askers[#d.askers] ~= id then d.askers[#d.askers + 1] = id end
        d.weight = d.weight + 1 / #data
      end
    end
  end
  local most, ranked = 0, {}
  for _, d in ipairs(order) do
    if #d.text <= LONGEST then
      most = math.max(most, #d.askers)
      ranked[#ranked + 1] = d
    end
  end
  table.sort(ranked, function(a, b)
    if #a.askers ~= #b.askers then return #a.askers > #b.askers end
    if a.weight ~= b.weight then return a.weight > b.weight end
    return a.at < b.at
  end)
  local out = {}
  for i = 1, math.min(LIFTED, #ranked) do
    if #ranked[i].askers == most then out[#out + 1] = ranked[i] end
  end
  return out
end

-- The lifted data as text, grouped by the sets that ask for them.
local function lifted_text(lifted, n)
  local groups, by = {}, {}
  for _, d in ipairs(lifted) do
    local key = table.concat(d.askers, ",")
    local g = by[key]
    if not g then
      g = { texts = {}, askers = d.askers }
      by[key] = g
      groups[#groups + 1] = g
    end
    g.texts[#g.texts + 1] = d.text
  end
  local out = {}
  for i, g in ipairs(groups) do
    local who = #g.askers == 1 and (g.askers[1] .. " asks for")
      or (fmt.list(g.askers) .. (#g.askers < n and "" or #g.askers == 2 and " both" or " all") .. " ask for")
    out[i] = fmt.list(g.texts) .. ", which " .. who
  end
  return out
end

--- The missing list of the undecided line from the parts' missing texts
-- `parts` (a list with holes: nil for a part that misses nothing, up to
-- index 3), given the engine's `verdicts`.
function M.list(verdicts, parts)
  if not fmt.wanted() then return fmt.join(parts) end   -- nobody reads it: not even split
  local items, sets, seen_set, at = {}, {}, {}, nil
  for i = 1, 3 do
    for _, item in ipairs(split(parts[i])) do
      if item:sub(1, #DECIDE) == DECIDE then
        if not at then items[#items + 1] = DECIDE; at = #items end
        for id in item:sub(#DECIDE + 1):gmatch("[^,%s]+") do
          if not seen_set[id] then seen_set[id] = true; sets[#sets + 1] = id end
        end
      elseif item ~= "" then
        items[#items + 1] = item
      end
    end
  end
  if at then items[at] = DECIDE .. table.concat(sets, ", ") end
  -- rule 1, then rule 3 over the lifted data and the parts' own
  local lifted = #sets > 0 and shared(verdicts, sets) or {}
  local all, rest = { by = {} }, {}
  for i, d in ipairs(lifted) do
    all[i] = d
    all.by[key_of(d.text)] = d
  end
  for i, item in ipairs(items) do
    local d = i ~= at and merge(all, item) or { text = item }
    if not d.askers and not d.listed then d.listed = true; rest[#rest + 1] = d end
  end
  local text = lifted_text(lifted, #sets)
  for _, d in ipairs(rest) do text[#text + 1] = d.text end
  return table.concat(text, "; ")
end

return M
