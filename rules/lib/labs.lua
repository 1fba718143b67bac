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

local ULN_DEFAULT = P.optional_number("ck.uln_default")

local L = {}

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

--- Some CK at least `factor` times its ULN (e.g. 4).
-- @usage labs.ck_times_uln(case, 4)   -- IEC 2011 item 5
function L.ck_times_uln(case, factor)
  local entries = L.entries(case)
  local t = tri.tally(entries or {}, function(e)
    if e.ck == nil then return end
    local uln = L.ck_uln(e)
    if uln == nil then return nil, true end
    return e.ck >= factor * uln, true
  end)
  local function list(es)
    return fmt.each(es, function(e)
      local uln, where = L.ck_uln(e)
      local text = "CK " .. fmt.unit(e.ck, "U/L") .. time.at(case, e.t)
      if uln == nil then return text .. ", " .. where end
      return text .. " = " .. fmt.num(e.ck / uln) .. " × " .. where
    end, 4)
  end
  local value = tri.tally_value(1, t)
  local limit = factor .. " × ULN"
  if t.judged == 0 then
    return tri.finding(nil, "no CK result recorded",
      "a CK result (labs[].ck) with the laboratory's ULN (labs[].ck_uln)")
  elseif value == true then
    return tri.finding(true, list(t.yes) .. " (≥ " .. limit .. ")")
  elseif value == false then
    return tri.finding(false, list(t.no) .. "; below " .. limit)
  end
  return tri.finding(nil, fmt.join({ list(t.unknown), #t.no > 0 and list(t.no) or nil }),
    "the laboratory's CK upper limit of normal (labs[].ck_uln)")
end

return L
