-- lib/drugs.lua - classifies a medication entry with the data in drugs.lua.
--
-- Matching, in order: the name as written (case-insensitive, trimmed; also
-- after dropping a parenthesis, trailing salt/form words such as
-- "decanoate" or "XR" and strengths, and as a combination "a/b" whose parts
-- are all known); then the exact ATC code; then the longest matching ATC
-- group. A drug found by none of these is *unrecognised*, and says so: it
-- is never silently taken as harmless (see lib/meds.lua for how the items
-- treat it). The tables are checked when the ruleset loads, so a typo in a
-- class id stops the load with the drug's name.

local data = require("drugs")
local fmt = require("lib.fmt")

local M = {}

--- Lower-case key for matching: trimmed, single spaces, no dots or
-- apostrophes, "/", "+" and "-" between words all written "/".
function M.normalize(s)
  s = tostring(s):lower():gsub("\u{2019}", ""):gsub("[%.']", "")
  s = s:gsub("%s*[/+]%s*", "/"):gsub("(%w)%-(%w)", "%1/%2")
  return (s:gsub("%s+", " "):match("^%s*(.-)%s*$"))
end

local function as_list(x)
  return type(x) == "table" and x or { x }
end

-- Build the name and ATC indexes, validating every row.
local by_name, by_atc, qualifier = {}, {}, {}
for _, q in ipairs(data.qualifiers) do qualifier[q] = true end

local function index(key, row, via)
  key = M.normalize(key)
  if by_name[key] then
    error(("drugs: '%s' is listed twice (%s and %s)"):format(key, by_name[key].row[1], row[1]), 0)
  end
  by_name[key] = { row = row, via = via }
end

for _, row in ipairs(data.drugs) do
  assert(type(row[1]) == "string", "drugs: every row needs a generic name first")
  assert(type(row.src) == "string", ("drugs: '%s' has no src"):format(row[1]))
  for _, c in ipairs(as_list(row[3])) do
    if not data.classes[c] then
      error(("drugs: '%s' has unknown class '%s'"):format(row[1], tostring(c)), 0)
    end
  end
  assert(row.gen == nil or row.gen == "first" or row.gen == "second",
    ("drugs: '%s': gen must be \"first\" or \"second\""):format(row[1]))
  assert(row.potency == nil or row.potency == "high" or row.potency == "low",
    ("drugs: '%s': potency must be \"high\" or \"low\""):format(row[1]))
  index(row[1], row, "name")
  for _, a in ipairs(row.also or {}) do index(a, row, "name") end
  for _, b in ipairs(row.brands or {}) do index(b, row, "brand") end
  for _, code in ipairs({ row[2], table.unpack(row.atc_also or {}) }) do
    assert(by_atc[code] == nil, ("drugs: ATC %s is listed twice"):format(code))
    by_atc[code] = row
  end
end

local groups = {}
for i, g in ipairs(data.atc_groups) do groups[i] = g end
table.sort(groups, function(a, b) return #a[1] > #b[1] end)

local function info_of(row, written, via, exact)
  local info = { written = written, generic = row[1], atc = row[2], gen = row.gen,
    potency = row.potency, via = via, exact = exact, source = row.src, recognised = true,
    classes = {}, class_list = as_list(row[3]) }
  for _, c in ipairs(info.class_list) do info.classes[c] = true end
  return info
end

-- Looks up a normalized key, then simpler forms of it.
local function lookup(key)
  if by_name[key] then return by_name[key] end
  local bare = key:gsub("%s*%b()%s*", " "):match("^%s*(.-)%s*$")
  if bare ~= key and bare ~= "" then return lookup(bare) end
  local head, last = key:match("^(.-)%s+(%S+)$")
  if head and (qualifier[last] or last:match("^%d")) then return lookup(head) end
  return nil
end

local function combination(key, written)
  if not key:find("/", 1, true) then return nil end
  local parts = {}
  for part in key:gmatch("[^/]+") do
    local hit = lookup(part)
    if not hit then return nil end
    parts[#parts + 1] = info_of(hit.row, part, "name")
  end
  local combo = { written = written, generic = key, parts = parts, via = "name", exact = true,
    recognised = true, classes = {}, class_list = {} }
  for _, p in ipairs(parts) do
    for _, c in ipairs(p.class_list) do
      if not combo.classes[c] then combo.class_list[#combo.class_list + 1] = c end
      combo.classes[c] = true
    end
  end
  return combo
end

--- Classifies medication entry `med` ({drug, atc, ...}).
-- @return info { written, generic, classes = {[id]=true}, class_list, gen,
--   potency, via, source, recognised } (recognised = false when unknown)
-- @usage local info = drugs.classify({ drug = "Haldol" })  -- haloperidol
function M.classify(med)
  local written = med.drug
  if written then
    local key = M.normalize(written)
    local hit = lookup(key)
    if hit then return info_of(hit.row, written, hit.via, by_name[key] ~= nil) end
    local combo = combination(key, written)
    if combo then return combo end
  end
  local atc = med.atc and med.atc:upper():gsub("%s", "")
  if atc and by_atc[atc] then return info_of(by_atc[atc], written, "ATC " .. atc) end
  for _, g in ipairs(groups) do
    if atc and atc:sub(1, #g[1]) == g[1] then
      return { written = written, generic = written or ("ATC " .. atc), atc = atc,
        via = "ATC group " .. g[1], source = g.source, recognised = true,
        classes = { [g[2]] = true }, class_list = { g[2] } }
    end
  end
  return { written = written, atc = atc, recognised = false, classes = {}, class_list = {} }
end

--- Whether the classified drug belongs to any class in `set` ({[id]=true}).
function M.in_classes(info, set)
  for _, c in ipairs(info.class_list) do
    if set[c] then return true end
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
function M.describe(info)
  if not info.recognised then return M.as_written(info) .. " (not in the ruleset's drug list)" end
  local name = info.generic
  if info.via:find("^ATC group") then
    return fmt.quote(name) .. " (" .. info.via .. ": " .. traits(info) .. ")"
  elseif info.written == nil or info.via:find("^ATC") then
    name = (info.written and fmt.quote(info.written) .. " = " or "") .. name .. " by " .. info.via
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
