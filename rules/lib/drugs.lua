-- lib/drugs.lua - classifies a medication entry with the data in drugs.lua.
--
-- A name as written is read as words: lower case, trademark signs and
-- apostrophes dropped, split at spaces and punctuation ("HALOPERIDOL
-- 5MG/ML INJ" -> haloperidol, 5mg, ml, inj). It is cut into segments at
-- "/", "+", ",", ";", "&", "and", "with", so "levodopa/carbidopa",
-- "levodopa + benserazide" and "haloperidol and lorazepam" are
-- combinations. In each segment the longest known names and brands are
-- found word by word (so "St John's wort", "co-careldopa" and "sodium
-- chloride" match whole); strengths, units, forms, salts and esters
-- (drugs.lua qualifiers) are skipped. A segment whose words name no known
-- drug makes the entry unrecognised: it could be any drug; other unknown
-- words beside a known drug ("prefilled dual chamber syringe") are taken
-- as description. Failing the name: the exact ATC code, then the longest
-- matching ATC group. A drug found by none of these is *unrecognised* and
-- says so: it is never silently taken as harmless (lib/meds.lua and
-- lib/regimen.lua leave a "no" unknown for it). A combination of which
-- some parts are known and some not ("olanzapine/samidorphan") is still
-- unrecognised, but *partly*: it has the classes of its known parts
-- (olanzapine is an antipsychotic whatever is given with it), and a class
-- question its known parts answer "no" stays open for the unknown ones.
-- The tables are checked when the ruleset loads, so a typo in a class id
-- stops the load with the drug's name.
--
-- A name may also mark a depot (drugs/depot.lua marks: "decanoate",
-- "Consta", "LAI", ...); drugs.depot() gives the product and how long one
-- injection acts.

local data = require("drugs")
local fmt = require("lib.fmt")
local P = require("lib.params")

local M = {}

local NO_SEPARATORS = {}

-- Spaces other than ASCII's, written as one: the no-break space (U+00A0,
-- common in text pasted from records: "haloperidol\u{00A0}5 mg" must
-- still name haloperidol), U+2000-U+200A (en, em, thin, hair...), the
-- narrow no-break U+202F, U+205F and the ideographic U+3000.
local function plain_spaces(s)
  if not s:find("[\194\226\227]") then return s end
  return (s:gsub("\u{00A0}", " "):gsub("\226\128[\128-\138\175]", " ")
           :gsub("\u{205F}", " "):gsub("\u{3000}", " "))
end

--- Lower-case key for grouping courses by drug: trimmed, single spaces, no
-- dots or apostrophes, "/", "+" and "-" between words all written "/".
function M.normalize(s)
  -- A name of plain words, single spaces between them (the usual case),
  -- is its own key in lower case: what nms.name_key gives (lib/drugs.lua
  -- key_of), one C call where the patterns below are seven.
  local key = nms.name_key(s, NO_SEPARATORS)
  if key then return key end
  s = plain_spaces(tostring(s):lower()):gsub("\u{2019}", ""):gsub("[%.']", "")
  s = s:gsub("%s*[/+]%s*", "/"):gsub("(%w)%-(%w)", "%1/%2")
  return (s:gsub("%s+", " "):match("^%s*(.-)%s*$"))
end

local function as_list(x)
  return type(x) == "table" and x or { x }
end

local SEPARATOR = { ["and"] = true, with = true, w = true }

-- Whether word `w` starts with a digit or a dot (a strength, "0.5"): what
-- w:match("^[%d%.]") answers, without a pattern call per word. Names
-- repeat their words ("5", "mg", "10mg"), so each answer is kept across
-- cases (a string call less per word), forgotten past MAX_NUMERIC words
-- (the table starts again empty: bounded memory).
local MAX_NUMERIC = 4096
local numeric_of, n_numeric = {}, 0
local function numeric(w)
  local v = numeric_of[w]
  if v == nil then
    local b = w:byte(1)
    v = b ~= nil and ((b >= 48 and b <= 57) or b == 46)
    if n_numeric >= MAX_NUMERIC then numeric_of, n_numeric = {}, 0 end
    numeric_of[w], n_numeric = v, n_numeric + 1
  end
  return v
end

--- The words of a written name, in segments (lists of words) cut at
-- separators: "Levodopa/Carbidopa 25 mg" -> { {"levodopa"}, {"carbidopa",
-- "25", "mg"} }.
function M.segments(written)
  local s = tostring(written):lower()
  local out, cur = {}, {}
  local function cut()
    if #cur > 0 then out[#out + 1] = cur; cur = {} end
  end
  if not s:find("[^%w ]") then
    -- letters, digits and spaces only (most names as written: "quetiapine
    -- 100 mg"): none of the replacements below applies and no word has a
    -- dot to trim, so the words are the text between spaces
    for w in s:gmatch("%S+") do
      if SEPARATOR[w] then cut() else cur[#cur + 1] = w end
    end
    cut()
    return out
  end
  -- (each replacement only when the name holds what it replaces: one
  -- look for the signs, one for a dot, instead of four and two a word)
  if s:find("[\194\226\227']") then   -- the lead bytes of (R), (TM), ’ and other spaces, and '
    s = plain_spaces(s):gsub("\u{00AE}", " "):gsub("\u{2122}", " "):gsub("\u{2019}", ""):gsub("'", "")
  end
  local dotted = s:find(".", 1, true)
  -- separators become " | "; hyphens and brackets are spaces
  s = s:gsub("[/%+,;&]", " | "):gsub("[%-%(%)%[%]{}:\"*#!?=]", " ")
  for w in s:gmatch("%S+") do
    if dotted then w = w:gsub("^%.+", ""):gsub("%.+$", "") end
    if w == "|" or SEPARATOR[w] then cut()
    elseif w ~= "" then cur[#cur + 1] = w end
  end
  cut()
  return out
end

-- The index key of a name as the tables write it: its words joined.
-- Most names in the tables are plain words ("haloperidol", "Haldol",
-- "sodium chloride"): nms.name_key gives their key, the lower case that
-- M.segments would give too, in one C call (the tables hold ~1,000 names,
-- keyed at every start-up, where a dozen pattern calls each, then two,
-- were most of a cold start's Lua work); the others are segmented.
local function key_of(name)
  local key, n = nms.name_key(name, SEPARATOR)
  if key then return key, n end
  local words = {}
  for _, seg in ipairs(M.segments(name)) do
    for _, w in ipairs(seg) do words[#words + 1] = w end
  end
  return table.concat(words, " "), #words
end

-- Build the name and ATC indexes, validating every row. This runs over
-- every row at every start-up, so the checks are plain ifs (a message is
-- formatted only when one fails; error(message) names this file and line
-- as assert did) and nothing is built that is not kept.
local by_name, by_atc, noise, longest = {}, {}, {}, 1
for _, q in ipairs(data.qualifiers) do noise[q] = true end

-- The keys of names whose words are another name's and a number ("Tylenol
-- #3", codeine with paracetamol, beside "Tylenol"): keyed by those other
-- words, so that by_words does not read the number as a strength and stop
-- at the shorter name.
local numbered = {}

local function index(name, row, via)
  local key, n = key_of(name)
  if by_name[key] then
    error(("drugs: '%s' is listed twice (%s and %s)"):format(key, by_name[key].row[1], row[1]), 0)
  end
  by_name[key] = { row = row, via = via }
  if n > longest then longest = n end
  if key:find("%f[%w][%d]") then
    numbered[(key:gsub("%s*%f[%w]%d%S*", ""))] = true
  end
end

local function index_atc(code, row)
  if by_atc[code] ~= nil then error(("drugs: ATC %s is listed twice"):format(code)) end
  by_atc[code] = row
end

-- The first of class ids `c` (one, or a list; nil: none) that drugs.lua
-- does not define, or nil.
local function unknown_class(c)
  if type(c) ~= "table" then
    if c ~= nil and not data.classes[c] then return c end
    return nil
  end
  for _, id in ipairs(c) do
    if not data.classes[id] then return id end
  end
  return nil
end

for _, row in ipairs(data.drugs) do
  local name, gen, potency = row[1], row.gen, row.potency
  if type(name) ~= "string" then error("drugs: every row needs a generic name first") end
  if type(row.src) ~= "string" then error(("drugs: '%s' has no src"):format(name)) end
  local bad = unknown_class(row[3])
  if bad ~= nil then error(("drugs: '%s' has unknown class '%s'"):format(name, tostring(bad)), 0) end
  if not (gen == nil or gen == "first" or gen == "second") then
    error(("drugs: '%s': gen must be \"first\" or \"second\""):format(name))
  end
  if not (potency == nil or potency == "high" or potency == "low") then
    error(("drugs: '%s': potency must be \"high\" or \"low\""):format(name))
  end
  index(name, row, "name")
  if row.also then for _, a in ipairs(row.also) do index(a, row, "name") end end
  if row.brands then for _, b in ipairs(row.brands) do index(b, row, "brand") end end
  if row[2] ~= nil then   -- a row without a code has no code of its own
    index_atc(row[2], row)
    if row.atc_also then for _, code in ipairs(row.atc_also) do index_atc(code, row) end end
  end
end

-- (No name keys to "": by_words' shortcut for one word relies on it.)
local EMPTY_KEYED = by_name[""] ~= nil

local groups = {}
for i, g in ipairs(data.atc_groups) do
  local bad = unknown_class(g[2])
  if bad ~= nil then error(("drugs: ATC group %s has unknown class '%s'"):format(g[1], tostring(bad))) end
  groups[i] = g
end
table.sort(groups, function(a, b) return #a[1] > #b[1] end)

-- Depot products by generic, each with its duration (parameter), checked.
local MARK = {}
for _, m in ipairs(data.depot.marks) do MARK[m] = true end
local products = {}
for _, p in ipairs(data.depot.products) do
  if not by_name[key_of(p.generic)] then
    error(("drugs: depot product %s: unknown generic"):format(p.id))
  end
  p.param = "depot." .. p.id .. "_h"
  p.hours = P.number(p.param)
  products[p.generic] = products[p.generic] or {}
  table.insert(products[p.generic], p)
end
-- Names told by strength (drugs/depot.lua by_strength), by generic: each
-- { words, strength = {[mg] = true}, title, hours, param, src }, its
-- duration its product's.
local by_strength = {}
for _, s in ipairs(data.depot.by_strength or {}) do
  local product
  for _, p in ipairs(data.depot.products) do
    if p.id == s.product then product = p end
  end
  if not product then error(("drugs: depot by_strength: unknown product %s"):format(tostring(s.product))) end
  local strength = {}
  for _, mg in ipairs(s.strengths_mg) do strength[mg] = true end
  local list = by_strength[product.generic] or {}
  by_strength[product.generic] = list
  list[#list + 1] = { words = s.words, unnamed = s.unnamed, strength = strength, title = s.title,
    hours = product.hours, param = product.param, src = s.src }
end
local DEPOT_DEFAULT_H = P.number("depot.default_h")

-- Spelling (parameters drugs.spelling_distance, drugs.spelling_min_length):
-- the one-word names and brands, by first letter (in no order), that an
-- unknown word of the same first letter may be one letter away from.
-- Made when the first such word is met, not at load: most runs meet none,
-- and the ~1,000 pattern calls it takes were a tenth of a cold start.
local SPELLING = P.number("drugs.spelling_distance") >= 1
local SPELL_MIN = P.number("drugs.spelling_min_length")
local spellable

-- Published only once whole: a case's first run can be stopped part-way
-- and run again (the watchdog, docs/security.md), and a half-made index
-- kept between cases would then miss names for good.
local function spelling_index()
  if spellable then return spellable end
  local index = {}
  for key, hit in pairs(by_name) do
    if #key >= SPELL_MIN - 1 and key:find("^%l[%l%d]*$") then
      local first = key:sub(1, 1)
      index[first] = index[first] or {}
      table.insert(index[first], { key = key, hit = hit })
    end
  end
  spellable = index
  return spellable
end

-- Whether a and b (a ~= b) are one edit apart: one letter changed, added or
-- dropped, or two neighbours swapped.
local function one_apart(a, b)
  local la, lb = #a, #b
  if la > lb then a, b, la, lb = b, a, lb, la end
  if lb - la > 1 then return false end
  local i = 1
  while i <= la and a:byte(i) == b:byte(i) do i = i + 1 end
  if la == lb then
    if a:sub(i + 1) == b:sub(i + 1) then return true end            -- changed
    return a:sub(i, i + 1) == b:sub(i + 1, i + 1) .. b:sub(i, i)      -- swapped
      and a:sub(i + 2) == b:sub(i + 2)
  end
  return a:sub(i) == b:sub(i + 1)                                     -- added / dropped
end

local function with_classes(info, list)
  info.classes, info.class_list = {}, {}
  for _, c in ipairs(list) do
    if not info.classes[c] then info.class_list[#info.class_list + 1] = c end
    info.classes[c] = true
  end
  return info
end

-- The classes the infos of a drug's row read, as with_classes writes them
-- (read them, never modify them, as the info itself), made the first time
-- a name of the row is read: shared by every row of the same one class
-- (most rows: a table per class id, ~15, not three per drug), else by the
-- infos of the row (a drug's names, brands and strengths). The rows are
-- the tables' own, so this stays as small.
local class_sets, row_classes = {}, {}

local function shared(row)
  local class = row[3]
  local c = class_sets[class] or row_classes[row]   -- (t[nil] reads nil)
  if c == nil then
    if type(class) == "table" then
      c = with_classes({}, class)
      row_classes[row] = c
    elseif class == nil then
      c = { classes = {}, class_list = {} }
      row_classes[row] = c
    else
      c = { classes = { [class] = true }, class_list = { class } }
      class_sets[class] = c
    end
  end
  return c
end

-- The key of row's generic name (key_of), worked out once per row.
local generic_keys = {}
local function generic_key(row)
  local key = generic_keys[row]
  if key == nil then
    key = key_of(row[1])
    generic_keys[row] = key
  end
  return key
end

-- Whether `key`, the key of a name written in plain words (nms.name_key),
-- is that of row's generic name: the generic itself as the tables write
-- it (a plain key equal to it is its key) without keying the generic.
local function is_generic(key, row)
  return key == row[1] or key == generic_key(row)
end

local function info_of(row, written, via, exact)
  local c = shared(row)
  return { written = written, generic = row[1], atc = row[2], gen = row.gen, potency = row.potency,
    via = via, exact = exact, source = row.src, recognised = true,
    classes = c.classes, class_list = c.class_list }
end

-- The known drugs of one segment's words (longest names first) and its
-- words that are neither a drug nor noise.
local function scan(words, found, seen)
  local unknown, i, any = {}, 1, false
  while i <= #words do
    local hit, len
    for n = math.min(longest, #words - i + 1), 1, -1 do
      -- words i .. i + n - 1 joined by spaces (as table.concat would,
      -- without its call: n is a few words at most)
      local k = words[i]
      for j = i + 1, i + n - 1 do k = k .. " " .. words[j] end
      if by_name[k] then hit, len = by_name[k], n; break end
    end
    if hit then
      any = true
      if not seen[hit.row] then
        seen[hit.row] = true
        found[#found + 1] = hit
      end
      i = i + len
    else
      local w = words[i]
      if not (noise[w] or MARK[w] or numeric(w)) then unknown[#unknown + 1] = w end
      i = i + 1
    end
  end
  return any, unknown
end

-- The known drugs of a combination (scan's hits): an info per part, the
-- parts' generic names, and every class of every part.
local function parts_of(found)
  local parts, names, list = {}, {}, {}
  for i, hit in ipairs(found) do
    parts[i] = info_of(hit.row, hit.row[1], hit.via, true)
    names[i] = hit.row[1]
    for _, c in ipairs(parts[i].class_list) do list[#list + 1] = c end
  end
  return parts, names, list
end

-- A combination of known parts `found` (scan's hits) and segments whose
-- words name no known drug (`unknown`, their words joined): unrecognised,
-- with the classes of the parts it is known to hold.
local function partly(written, found, unknown)
  local parts, names, list = parts_of(found)
  return with_classes({ written = written, parts = parts, unknown_parts = unknown, via = "name",
    recognised = false, partly = true, source = "combination of " .. table.concat(names, ", ")
      .. " with parts not in the drug list" }, list)
end

-- Classifies a written name; nil when some segment names no known drug,
-- and then, when other segments do, the partly recognised combination
-- (partly) as a fourth value, for when the ATC code cannot tell either.
local function by_words(written)
  -- One plain word that is a known name or brand (most names as written:
  -- "Haldol", "quetiapine"): what the segments below find for it, without
  -- their string and pattern calls. Its one segment is that word, and
  -- whether the whole name's drug words or the longest-name search finds
  -- it (a strength or a qualifier is left out of the one, not the other),
  -- it is that row, as written.
  -- A brand is never the generic's key (the index holds each key once).
  local key, n = nms.name_key(written, SEPARATOR)
  if n == 1 then
    local hit = by_name[key]
    if hit and not EMPTY_KEYED then
      return info_of(hit.row, written, hit.via, hit.via ~= "brand" and is_generic(key, hit.row)),
        { [key] = true }, key
    end
  end
  -- Plain words (nms.name_key): M.segments would give one segment, the
  -- key's words (lower case, no separator), and `every` joined is the key.
  -- Its drug words name a known drug whole (the usual case: "HALOPERIDOL
  -- 5 MG TAB"): that drug, as below, without the segments' lists.
  -- Its drug words are joined as they come (the key of the whole, as
  -- table.concat would join them, without a list and its call).
  local segs
  if key ~= nil then
    local all, drug_words = {}, nil
    for w in key:gmatch("%S+") do
      all[w] = true
      if not (noise[w] or MARK[w] or numeric(w)) then
        drug_words = drug_words and drug_words .. " " .. w or w
      end
    end
    local whole = not numbered[drug_words or ""] and by_name[drug_words or ""]
    if whole then
      return info_of(whole.row, written, whole.via, is_generic(key, whole.row)), all
    end
    local seg = {}
    for w in key:gmatch("%S+") do seg[#seg + 1] = w end
    segs = { seg }
  else
    segs = M.segments(written)
  end
  local found, seen, all = {}, {}, {}
  -- the whole name first (its drug words only), so "carbidopa/levodopa" is
  -- the combination product, not two drugs
  local flat, every = {}, {}
  for _, seg in ipairs(segs) do
    for _, w in ipairs(seg) do
      all[w] = true
      every[#every + 1] = w
      if not (noise[w] or MARK[w] or numeric(w)) then flat[#flat + 1] = w end
    end
  end
  local flat_key = table.concat(flat, " ")
  local whole = not numbered[flat_key] and by_name[flat_key]
  if whole then
    return info_of(whole.row, written, whole.via, (key or table.concat(every, " ")) == generic_key(whole.row)), all
  end
  local missing
  for _, seg in ipairs(segs) do
    local any, unknown = scan(seg, found, seen)
    if not any and #unknown > 0 then
      missing = missing or {}
      missing[#missing + 1] = table.concat(unknown, " ")
    end
  end
  if #found == 0 then return nil, all end
  if missing then return nil, all, nil, partly(written, found, missing) end
  if #found == 1 then
    local hit = found[1]
    return info_of(hit.row, written, hit.via, (key or table.concat(every, " ")) == generic_key(hit.row)), all
  end
  local parts, names, list = parts_of(found)
  return with_classes({ written = written, generic = table.concat(names, "/"), parts = parts, via = "name",
    exact = false, recognised = true, source = "combination of " .. table.concat(names, ", ") }, list), all
end

-- A written name whose only drug word is unknown but one letter from
-- exactly one known drug (same first letter): that drug, read "by
-- spelling" (drugs/warnings.lua says so); nil otherwise.
local function by_spelling(written)
  local word
  for _, seg in ipairs(M.segments(written)) do
    for _, w in ipairs(seg) do
      if not (noise[w] or MARK[w] or numeric(w)) then
        if word then return nil end
        word = w
      end
    end
  end
  if word == nil or #word < SPELL_MIN or by_name[word] then return nil end
  local found, key
  for _, c in ipairs(spelling_index()[word:sub(1, 1)] or {}) do
    if one_apart(word, c.key) then
      if found and found.row ~= c.hit.row then return nil end   -- two drugs as close: no guess
      -- One drug by two of its names: the first in byte order, whatever
      -- the order of the lists (not sorted at load: that was 4 M
      -- instructions of every start-up).
      if key == nil or c.key < key then found, key = c.hit, c.key end
    end
  end
  if not found then return nil end
  local info = info_of(found.row, written, "spelling", false)
  info.spelled = key
  return info
end

-- The shapes of a WHO ATC code at its five levels ([ATC-S]): a letter
-- (anatomical main group), two digits (therapeutic subgroup), a letter, a
-- letter, two digits (the chemical substance): A, A10, A10B, A10BA,
-- A10BA02.
local ATC_SHAPES = { "^%u$", "^%u%d%d$", "^%u%d%d%u$", "^%u%d%d%u%u$", "^%u%d%d%u%u%d%d$" }

local function atc_shaped(code)
  for _, shape in ipairs(ATC_SHAPES) do
    if code:find(shape) then return true end
  end
  return false
end

--- Classifies medication entry `med` ({drug, atc, ...}).
-- @return info { written, generic, classes = {[id]=true}, class_list, gen,
--   potency, via, source, recognised, words = {[word]=true} (the name's
--   words, for depot products), marked (the name marks a depot), bad_atc
--   (an `atc` not shaped as a WHO code, which classified nothing) }
--   (recognised = false when unknown)
-- @usage local info = drugs.classify({ drug = "Haldol" })  -- haloperidol
function M.classify(med)
  local written = med.drug
  local info, words, one, partial, bad_atc
  if written then info, words, one, partial = by_words(written) end
  local by_name_found = info ~= nil   -- then the ATC code played no part
  words = words or {}
  if not info then
    local atc = med.atc and med.atc:upper():gsub("%s", "")
    if atc and not atc_shaped(atc) then
      -- not a WHO code (a typo, or something else in the field): a
      -- leading group of it would still match ("N05AXYZ" as N05A), so it
      -- classifies nothing, and drugs/warnings.lua says so
      bad_atc, atc = atc, nil
    end
    if atc and by_atc[atc] then
      info = info_of(by_atc[atc], written, "ATC " .. atc)
    else
      for _, g in ipairs(groups) do
        if atc and atc:sub(1, #g[1]) == g[1] then
          info = with_classes({ written = written, generic = written or ("ATC " .. atc), atc = atc,
            via = "ATC group " .. g[1], source = g.source, recognised = true }, as_list(g[2]))
          break
        end
      end
    end
    if not info and written and SPELLING then info = by_spelling(written) end
    if partial then partial.atc = atc end
    info = info or partial or { written = written, atc = atc, recognised = false, classes = {}, class_list = {} }
    if bad_atc then info.bad_atc = bad_atc end
  end
  info.words = words
  if one then   -- a name of one word (by_words): the words below are it
    info.marked = one == "depot" or one == "lai" or MARK[one] == true
    return info, by_name_found
  end
  info.marked = words["depot"] or words["lai"] or (words["long"] and words["acting"]) or false
  for w in pairs(words) do
    if MARK[w] then info.marked = true end
  end
  return info, by_name_found
end

-- A population names the same drugs over and over ("Haldol", "quetiapine
-- 100 mg"): each name and ATC code is read once, and its info kept across
-- cases in a bounded table (forgotten when it grows too large to be worth
-- keeping). The info depends on nothing else, and is shared: read it.
-- Messy EHR names are endless, so the table is bounded: past
-- MAX_CLASSIFIED (name, ATC) pairs it starts again empty, and peak memory
-- does not grow with the cohort (docs/performance.md, "Bounded memory").
-- A name its words classify is classified alike whatever ATC code comes
-- with it (the code is read only for names the words leave unknown): that
-- info is kept by the name alone (`by_written`, most names: one look-up,
-- and no table per name); the others by name and code.
local MAX_CLASSIFIED = 4096
local classify = M.classify
local by_written, classified, n_classified, NONE = {}, {}, 0, {}

function M.classify(med)
  local drug, atc = med.drug, med.atc
  local info = drug ~= nil and by_written[drug]
  if info then return info end
  local by_atc = classified[drug == nil and NONE or drug]
  info = by_atc and by_atc[atc == nil and NONE or atc]
  if info then return info end
  local by_name_found
  info, by_name_found = classify(med)
  if n_classified >= MAX_CLASSIFIED then by_written, classified, n_classified = {}, {}, 0 end
  if by_name_found then
    by_written[drug] = info
  else
    by_atc = classified[drug == nil and NONE or drug]
    if by_atc == nil then
      by_atc = {}
      classified[drug == nil and NONE or drug] = by_atc
    end
    by_atc[atc == nil and NONE or atc] = info
  end
  n_classified = n_classified + 1
  return info
end

-- The strength a name writes, in mg: its first number followed by "mg"
-- ("Abilify Maintena 960 mg", "960mg"); nil when it writes none.
local function written_mg(written)
  local n = written ~= nil and tostring(written):lower():match("(%d+%.?%d*)%s*mg")
  return n and tonumber(n)
end

-- Whether a strength told product (drugs/depot.lua by_strength) of the
-- generic of `info` is injected at `mg`, else at the strength the name
-- writes.
local function told_by_strength(info, mg)
  for _, s in ipairs(info.generic and by_strength[info.generic] or {}) do
    local at = mg or written_mg(info.written)
    if at ~= nil and s.strength[at] then return true end
  end
  return false
end

--- Whether a course is a depot: its route is "depot", its name marks one
-- (drugs/depot.lua), or it is an intramuscular injection at the labelled
-- strength of a product told by strength (by_strength: aripiprazole 720 or
-- 960 mg is only the 2-monthly prolonged-release injection [B49][B29]);
-- `mg`, the dose injected when the course records it.
function M.is_depot(info, route, mg)
  return info.marked == true or route == "depot" or (route == "im" and told_by_strength(info, mg))
end

-- Whether the name's words (info.words) hold one of `words`.
local function names(info, words)
  for _, w in ipairs(words) do
    if info.words[w] == true then return true end
  end
  return false
end

--- The depot a course is, or nil (M.is_depot). The product is the one of
-- its generic whose words the name holds, else the generic's longest-acting
-- one, else the class default. A name told by strength (drugs/depot.lua
-- by_strength, or a name of its generic that names no product, when the
-- entry says `unnamed`) is its product only at one of the listed strengths: `mg`,
-- the dose injected when the course records it, else the strength the
-- name writes; at an unknown strength the name's other product stands, and
-- the title says so. Returns { title, hours (one injection acts this long),
-- param, source, unsure }: `unsure`, at an unknown strength, the product
-- told by strength ({ title, hours, param, source }) when it acts longer.
-- @usage drugs.depot(info, "depot")  -- haloperidol: haloperidol decanoate, 840 h
-- @usage drugs.depot(info, "im", 960)  -- Abilify Maintena: aripiprazole 2-monthly
function M.depot(info, route, mg)
  if not M.is_depot(info, route, mg) then return nil end
  local list = info.generic and products[info.generic] or {}
  local best, named, unsure
  for _, p in ipairs(list) do
    if names(info, p.words) and (named == nil or p.hours > named.hours) then named = p end
    if best == nil or p.hours > best.hours then best = p end
  end
  local unnamed = named == nil
  for _, s in ipairs(info.generic and by_strength[info.generic] or {}) do
    if names(info, s.words) or (unnamed and s.unnamed) then
      mg = mg or written_mg(info.written)
      if mg == nil then
        unsure = s
      elseif s.strength[mg] and (named == nil or s.hours > named.hours) then
        named = s
      end
    end
  end
  local p = named or best
  if p then
    local note = not named and ", product not named: the longest-acting assumed"
      or unsure and ", strength not recorded: assumed rather than " .. unsure.title
      or ""
    -- the product an unrecorded strength may make it, when that acts
    -- longer: what lib/meds.lua leaves open (missing is not false)
    local other = named and unsure and unsure.hours > p.hours
      and { title = unsure.title, hours = unsure.hours, param = unsure.param, source = unsure.src } or nil
    return { title = p.title .. note, hours = p.hours, param = p.param, source = p.src, unsure = other }
  end
  return { title = "depot, product without a listed duration", hours = DEPOT_DEFAULT_H,
    param = "depot.default_h", source = "§4.5 [S18]" }
end

-- The key of each name an info groups by, worked out once: every case
-- groups its courses by this key again (the normalising is seven pattern
-- calls). Kept by the name (the infos of a drug's names and brands share
-- its generic's), forgotten past MAX_KEYS names (bounded memory).
local MAX_KEYS = 4096
local keys, n_keys = {}, 0

--- The key that groups courses of one drug: the generic name, the parts
-- of a combination in alphabetical order ("carbidopa/levodopa" for both
-- "Sinemet" and "levodopa + carbidopa"); the name as written when
-- unrecognised.
function M.drug_key(info)
  local name = info.generic or info.written or ""
  local key = keys[name]
  if key == nil then
    -- plain words (nms.name_key, as M.normalize's first step) have no "/"
    key = nms.name_key(name, NO_SEPARATORS)
    if key == nil then
      key = M.normalize(name)
      if key:find("/", 1, true) then   -- a combination: its parts in order
        local parts = {}
        for part in key:gmatch("[^/]+") do parts[#parts + 1] = part end
        table.sort(parts)
        key = table.concat(parts, "/")
      end
    end
    if type(name) == "string" then   -- (a name is a string but in tests)
      if n_keys >= MAX_KEYS then keys, n_keys = {}, 0 end
      keys[name], n_keys = key, n_keys + 1
    end
  end
  return key
end

--- Whether the classified drug belongs to any class in `set` ({[id]=true}).
function M.in_classes(info, set)
  -- asked for every course by every class question of every set: a plain
  -- loop to the first nil, as ipairs goes, without its call per class
  local list, i = info.class_list, 1
  local c = list[1]
  while c ~= nil do
    if set[c] then return true end
    i = i + 1
    c = list[i]
  end
  return false
end

--- The title of class `id`, e.g. "antiemetic dopamine antagonist".
function M.class_title(id)
  return data.classes[id] and data.classes[id].title or id
end

local function traits(info)
  local t = {}
  for _, c in ipairs(info.class_list) do t[#t + 1] = M.class_title(c) end
  if info.gen then t[#t + 1] = info.gen .. " generation" end
  if info.potency then t[#t + 1] = info.potency .. " potency" end
  return table.concat(t, ", ")
end

--- The name as the record wrote it, quoted, with its ATC code if given:
-- "'xyzzol'", "'xyzzol' (ATC N02BE01)", "an unnamed medication".
function M.as_written(info)
  local name = info.written and fmt.quote(info.written) or "an unnamed medication"
  return name .. (info.atc and (" (ATC " .. info.atc .. ")") or "")
end

--- The drug in clinical words: "haloperidol (antipsychotic, first
-- generation, high potency)", "Haldol = haloperidol (...)", "haloperidol
-- decanoate = haloperidol (...)", "'xyzzol' (not in the ruleset's drug list)".
local describe, described
function M.describe(info)
  local text = described[info]
  if text == nil then
    text = describe(info)
    described[info] = text
  end
  return text
end

-- M.describe, worked out; kept per info (weakly), which is kept across
-- cases by M.classify.
described = setmetatable({}, { __mode = "k" })
function describe(info)
  if info.partly then
    local known, unknown = {}, {}
    for i, part in ipairs(info.parts) do known[i] = M.describe(part) end
    for i, words in ipairs(info.unknown_parts) do unknown[i] = fmt.quote(words) end
    return ("%s (%s with %s, not in the ruleset's drug list)"):format(M.as_written(info),
      fmt.list(known), fmt.list(unknown))
  end
  if not info.recognised then return M.as_written(info) .. " (not in the ruleset's drug list)" end
  local name = info.generic
  if info.via:find("^ATC group") then
    return fmt.quote(name) .. " (" .. info.via .. ": " .. traits(info) .. ")"
  elseif info.written == nil or info.via:find("^ATC") then
    name = (info.written and fmt.quote(info.written) .. " = " or "") .. name .. " by " .. info.via
  elseif info.via == "spelling" then
    name = fmt.quote(info.written) .. " read as " .. name
  elseif info.via == "brand" or not info.exact then
    name = info.written .. " = " .. name
  else
    name = info.written:match("^%s*(.-)%s*$")   -- a generic name, as written
  end
  local tr = traits(info)
  if tr == "" or tr == info.generic then return name end
  return name .. " (" .. tr .. ")"
end

return M
