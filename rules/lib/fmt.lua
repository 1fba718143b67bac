-- lib/fmt.lua - evidence text: numbers, units, lists, in one house style.
--
-- Evidence is what a reviewer reads to agree or disagree with a rule, so
-- every helper writes numbers the same way ("38.6 °C", "166 mmHg",
-- "+34 %", "21 × ULN") and lists read as prose ("a, b and c"). Times are
-- formatted by lib/time.lua, which knows the case's time form.

local memo = require("lib.memo")

local fmt = {}

--- Whether anyone will read the evidence being written: false while the
-- engine evaluates items whose evidence is not printed (`--evidence none`,
-- CSV, the items `decisive` does not show). Helpers then return "" for
-- evidence instead of writing prose; values and `missing` texts are
-- written alike at every level (the engine asks the decided items again,
-- with evidence wanted, when it prints theirs).
fmt.wanted = nms.evidence

--- A number with at most `decimals` (default 2) decimals, trailing zeros
-- dropped: 38.60 -> "38.6", 4200 -> "4200", 6.7647 -> "6.76". (Written by
-- the engine, nms.num, which keeps the texts across cases: the same values,
-- a case's readings and the criteria's thresholds, are written by many
-- sets; bounded, so that a cohort of millions of distinct readings does not
-- grow the memory.)
fmt.num = nms.num

-- What goes between a number and each unit: nothing before "/min", a
-- space before the others; worked out once per unit (the units are the
-- rules' own few constants).
local SPACE_BEFORE = memo.per_key(function(unit) return unit:sub(1, 1) == "/" and "" or " " end)

-- A case's readings and the criteria's thresholds are written with their
-- units by many sets: each text is kept per unit and value across cases,
-- as fmt.temp keeps its own, and forgotten past MAX_UNIT_TEXTS texts (the
-- table starts again empty: bounded memory). The text depends on the
-- value and the unit alone (fmt.num writes 38 and 38.0, 0 and -0 alike).
local MAX_UNIT_TEXTS = 4096
local unit_texts, n_unit_texts = {}, 0

--- A value with its unit, the way the case format spells units:
-- fmt.unit(38.6, "°C") -> "38.6 °C"; units starting with "/" attach
-- directly: fmt.unit(126, "/min") -> "126/min".
function fmt.unit(x, unit)
  local by = unit_texts[unit]
  local s = by and by[x]
  if s ~= nil then return s end
  s = fmt.num(x) .. SPACE_BEFORE[unit] .. unit
  if x == x then   -- NaN is no table key
    if n_unit_texts >= MAX_UNIT_TEXTS then unit_texts, n_unit_texts = {}, 0 end
    by = unit_texts[unit]
    if by == nil then
      by = {}
      unit_texts[unit] = by
    end
    by[x], n_unit_texts = s, n_unit_texts + 1
  end
  return s
end

-- Temperatures are written over and over (a case's readings in every set
-- that shows them, the criteria's thresholds): each text is kept across
-- cases, as fmt.num keeps its own, and forgotten past MAX_TEMPS texts
-- (the table starts again empty: bounded memory). The text depends on the
-- value alone (fmt.num writes 38 and 38.0, 0 and -0 alike).
local MAX_TEMPS = 4096
local temps, n_temps = {}, 0

--- A temperature in °C with at least one decimal: 38 -> "38.0 °C",
-- 38.05 -> "38.05 °C".
function fmt.temp(x)
  local s = temps[x]
  if s ~= nil then return s end
  s = fmt.num(x)
  if not s:find("%.") then s = s .. ".0" end
  s = s .. " °C"
  if x == x then   -- NaN is no table key
    if n_temps >= MAX_TEMPS then temps, n_temps = {}, 0 end
    temps[x], n_temps = s, n_temps + 1
  end
  return s
end

--- A signed percentage with at most one decimal: 33.87 -> "+33.9 %".
function fmt.pct(x)
  return (x >= 0 and "+" or "") .. fmt.num(x, 1) .. " %"
end

--- "1 reading", "2 readings" (or the given plural).
function fmt.count(n, noun, plural)
  return n .. " " .. (n == 1 and noun or (plural or noun .. "s"))
end

--- Joins texts as prose: {"a"} -> "a", {"a","b","c"} -> "a, b and c".
-- With `max`, lists at most that many and ends "and N more". (Written by
-- the engine, nms.list: one call instead of a loop and two concats.)
fmt.list = nms.list

--- fmt.list over describe(item) for the first `max` items only, so a
-- list of thousands of readings costs only the texts shown; "" when
-- nobody will read the evidence (fmt.wanted). (nms.each, in the engine.)
fmt.each = nms.each

--- Joins the non-empty texts with `sep` (default "; "). Holes are fine:
-- fmt.join({ a, cond and b or nil, c }) skips b when cond is false. Texts
-- at other number keys (0, negative, fractional) come in key order.
-- (Written by the engine, nms.join: every set's missing texts go through
-- it, at every evidence level.)
fmt.join = nms.join

--- A name as written in the record, quoted: 'Haldol'.
function fmt.quote(s)
  return "'" .. tostring(s) .. "'"
end

return fmt
