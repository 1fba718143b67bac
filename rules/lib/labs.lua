-- lib/labs.lua - laboratory results against their reference limits.
--
-- CK is judged against the upper limit of normal (ULN) of the laboratory
-- that measured it: `ck_uln` of the same lab entry, else the ruleset
-- default (parameter ck.uln_default; clinical-reference §9.1: ULN is
-- lab-specific). The evidence always says which ULN was used. Setting the
-- default to false makes a CK without its own ULN undecidable instead.

local time = require("lib.time")
local fmt = require("lib.fmt")
local tri = require("lib.tri")
local P = require("lib.params")
local memo = require("lib.memo")

local ULN_DEFAULT = P.optional_number("ck.uln_default")

local L = {}
local NONE = {}   -- an empty list to walk, never written

--- The lab entries not after the assessment, in time order (nil when no
-- labs were recorded).
function L.entries(case)
  return time.upto(case, case.labs)
end

--- The CK ULN for lab entry `e`: value and a phrase saying where it came
-- from, or nil and why there is none.
function L.ck_uln(e)
  if e.ck_uln ~= nil then
    return e.ck_uln, "ULN " .. fmt.unit(e.ck_uln, "U/L") .. " (from the lab entry)"
  end
  if ULN_DEFAULT ~= nil then
    return ULN_DEFAULT, "ULN " .. fmt.unit(ULN_DEFAULT, "U/L")
      .. " (ruleset default ck.uln_default; the entry gives no ck_uln)"
  end
  return nil, "no ULN (the entry gives no ck_uln and ck.uln_default is off)"
end

-- The value of L.ck_uln alone, without writing its phrase: the judge of
-- every CK result needs only the number.
local function uln_of(e)
  local uln = e.ck_uln
  if uln ~= nil then return uln end
  return ULN_DEFAULT
end

-- tri.count_value's judge of one lab result: CK at least `factor` times
-- its ULN; "unknown" without a ULN; nil without a CK.
local function ck_at_least(e, factor)
  if e.ck == nil then return nil end
  local uln = uln_of(e)
  if uln == nil then return "unknown" end
  return e.ck >= factor * uln
end

--- Some CK at least `factor` times its ULN (e.g. 4).
-- @usage labs.ck_times_uln(case, 4)   -- IEC 2011 item 5
function L.ck_times_uln(case, factor)
  local entries = L.entries(case)
  if entries ~= nil and not fmt.wanted() then
    -- the value only (lib/fmt.lua), from counts; an unknown value goes on
    -- to the tally for its texts
    local value = tri.count_value(1, entries, ck_at_least, factor)
    if value ~= nil then return tri.finding(value, "") end
  end
  local t = tri.tally(entries or {}, function(e)
    if e.ck == nil then return end
    local uln = uln_of(e)
    if uln == nil then return nil, true end
    return e.ck >= factor * uln, true
  end)
  local value = tri.tally_value(1, t)
  if t.judged == 0 then
    return tri.finding(nil, "no CK result recorded",
      "a CK result (labs[].ck) with the laboratory's ULN (labs[].ck_uln)")
  end
  local function list(es)
    return fmt.each(es, function(e)
      local uln, where = L.ck_uln(e)
      local text = "CK " .. fmt.unit(e.ck, "U/L") .. time.at(case, e.t)
      if uln == nil then return text .. ", " .. where end
      return text .. " = " .. fmt.num(e.ck / uln) .. " × " .. where
    end, 4)
  end
  local limit = factor .. " × ULN"
  if value == true then
    return tri.finding(true, list(t.yes) .. " (≥ " .. limit .. ")")
  elseif value == false then
    return tri.finding(false, list(t.no) .. "; below " .. limit)
  end
  return tri.finding(nil, fmt.join({ list(t.unknown), #t.no > 0 and list(t.no) or nil }),
    "the laboratory's CK upper limit of normal (labs[].ck_uln)")
end

-- Which side of a limit counts, and how the evidence words it.
local ABOVE = { hit = function(v, limit) return v > limit end, mark = "> ",
  further = function(v, w) return v > w end, extreme = "highest", miss = "not above" }
local AT_OR_BELOW = { hit = function(v, limit) return v <= limit end, mark = "≤ ",
  further = function(v, w) return v < w end, extreme = "lowest", miss = "above" }

-- Some result of lab `field` on `side` of `limit`: true with those
-- results, false with the one nearest the limit's side (the highest, or
-- the lowest), nil when no result of `field` is recorded.
local function beyond(case, field, limit, label, unit, side)
  if not fmt.wanted() then
    -- the value only (lib/fmt.lua): the first result beyond decides it
    local entries, n = L.entries(case) or NONE, 0
    for i = 1, math.huge do   -- as ipairs, without its call per entry
      local e = entries[i]
      if e == nil then break end
      local v = e[field]
      if v ~= nil then
        if side.hit(v, limit) then return tri.finding(true, "") end
        n = n + 1
      end
    end
    if n > 0 then return tri.finding(false, "") end
  end
  local hits, extreme, n = {}, nil, 0
  for _, e in ipairs(L.entries(case) or {}) do
    local v = e[field]
    if v ~= nil then
      n = n + 1
      if side.hit(v, limit) then hits[#hits + 1] = e end
      if extreme == nil or side.further(v, extreme[field]) then extreme = e end
    end
  end
  local function text(e) return label .. " " .. fmt.unit(e[field], unit) .. time.at(case, e.t) end
  local bound = fmt.unit(limit, unit)
  if n == 0 then
    return tri.finding(nil, "no " .. label .. " result recorded", "a " .. label .. " result (labs[]." .. field .. ")")
  end
  if #hits > 0 then return tri.finding(true, fmt.each(hits, text, 4) .. " (" .. side.mark .. bound .. ")") end
  return tri.finding(false, side.extreme .. " " .. text(extreme) .. " of " .. fmt.count(n, "result") .. ", "
    .. side.miss .. " " .. bound)
end

--- Some result of lab `field` at or below `limit` (e.g. serum iron
-- <= 10 µmol/L): true with those results, false with the lowest one, nil
-- when no result of `field` is recorded. `label` and `unit` word the
-- evidence ("serum iron", "µmol/L").
-- @usage labs.at_or_below(case, "iron", 10, "serum iron", "µmol/L")
function L.at_or_below(case, field, limit, label, unit)
  return beyond(case, field, limit, label, unit, AT_OR_BELOW)
end

--- Some result of lab `field` strictly above `limit` (e.g. WBC
-- > 15 ×10^9/L): true with those results, false with the highest one, nil
-- when no result of `field` is recorded. `label` and `unit` word the
-- evidence ("WBC", "×10^9/L").
-- @usage labs.above(case, "wbc", 15, "WBC", "×10^9/L")   -- Pope 1986 leukocytosis
function L.above(case, field, limit, label, unit)
  return beyond(case, field, limit, label, unit, ABOVE)
end

--- Leukocytosis: some WBC strictly above `limit` ×10^9/L (L.above).
-- @usage labs.wbc_above(case, 15)   -- Pope 1986 "> 15,000/mm³"
function L.wbc_above(case, limit)
  return L.above(case, "wbc", limit, "WBC", "×10^9/L")
end

--- The results of lab `field` recorded, in words ("creatinine 2.4 mg/dL at
-- ..., creatinine 5.2 mg/dL at ..."; at most 4 named), or nil when none is
-- recorded: for a value the rules judge against no limit, only name.
-- @usage labs.results(case, "creatinine", "creatinine", "mg/dL")
function L.results(case, field, label, unit)
  local found = {}
  for _, e in ipairs(L.entries(case) or NONE) do
    if e[field] ~= nil then found[#found + 1] = e end
  end
  if #found == 0 then return nil end
  return fmt.each(found, function(e) return label .. " " .. fmt.unit(e[field], unit) .. time.at(case, e.t) end, 4)
end

--- A lab finding recorded as a boolean, such as myoglobinuria: true when
-- some entry shows it, false when entries record it and none shows it, nil
-- when no entry records it.
-- @usage labs.flag(case, "myoglobinuria", "myoglobinuria")
local function recorded(e, field) return e[field] end

function L.flag(case, field, what)
  if not fmt.wanted() then
    -- the value only, from counts (as exam's flags); unknown goes on for its texts
    local value = tri.count_value(1, L.entries(case) or NONE, recorded, field)
    if value ~= nil then return tri.finding(value, "") end
  end
  local t = tri.tally(L.entries(case) or {}, function(e)
    if e[field] ~= nil then return e[field], true end
  end)
  local function text(e) return (e[field] and "" or "no ") .. what .. time.at(case, e.t) end
  local value = tri.tally_value(1, t)
  if value == nil then
    return tri.finding(nil, what .. " not recorded in any lab result", "a lab result recording " .. what
      .. " (labs[]." .. field .. ")")
  end
  return tri.finding(value, fmt.each(value and t.yes or t.no, text, 4))
end

--- Laboratory evidence of muscle injury: some CK at least `factor` times
-- its ULN (L.ck_times_uln) or myoglobinuria (DSM-IV-TR B10, Caroff & Mann
-- "CPK elevation or myoglobinuria"), as one finding naming both.
-- @usage labs.ck_or_myoglobinuria(case, 4)
function L.ck_or_myoglobinuria(case, factor)
  return tri.any({
    tri.part("CK ≥ " .. factor .. " × ULN", L.ck_times_uln(case, factor)),
    tri.part("myoglobinuria", L.flag(case, "myoglobinuria", "myoglobinuria")),
  })
end

-- Asked alike by several sets (CK in IEC 2011, DSM-IV-TR, Caroff & Mann,
-- Levenson and the severity tier; leukocytosis in four): each computed
-- once per case and arguments (lib/memo.lua).
for _, name in ipairs({ "ck_times_uln", "at_or_below", "above", "wbc_above", "flag", "ck_or_myoglobinuria" }) do
  L[name] = memo.wrap(L[name])
end

return L
