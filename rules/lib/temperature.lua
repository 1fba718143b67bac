-- lib/temperature.lua - fever on repeated readings, by measurement site.
--
-- Criteria such as IEC 2011 item 2 ask for temperatures "measured orally"
-- (clinical-reference §3 encoding notes: decide how non-oral sites count).
-- The site policy is three parameters, shared by every criteria set:
--   temperature.oral_sites      sites that count as oral (default: oral)
--   temperature.unsited_is_oral a reading with no temp_site counts as oral
--   temperature.other_sites     "unknown": a reading at another site above
--                               the limit cannot make the item true, but
--                               leaves it unknown rather than false;
--                               "ignore": such readings are left out;
--                               "count": they count as oral readings.
-- Occasions ("on at least 2 occasions", IEC 2011 item 2) are distinct
-- times: readings with the same recorded time are one occasion (a reading
-- charted twice, by the monitor's interface and by hand, or taken at two
-- sites at once), and so are all the readings without a time, which
-- nothing shows to be apart; with the rules for a repeat measurement not
-- yet taken, such readings leave an item unknown rather than false.
-- T.occasions.

local time = require("lib.time")
local vitals = require("lib.vitals")
local fmt = require("lib.fmt")
local tri = require("lib.tri")
local P = require("lib.params")
local memo = require("lib.memo")

local wanted = fmt.wanted  -- no evidence text when nobody reads it (lib/fmt.lua)

local ORAL = P.set("temperature.oral_sites")
local UNSITED_ORAL = P.boolean("temperature.unsited_is_oral")
local OTHER = P.choice("temperature.other_sites", { "unknown", "ignore", "count" })

local T = {}

--- Whether a reading at `site` (nil = not recorded) counts as oral.
function T.counts_as_oral(site)
  if site ~= nil and ORAL[site] then return true end
  if site == nil and UNSITED_ORAL then return true end
  return OTHER == "count"
end

-- "38.6 °C (oral) at T", "39.0 °C (rectal, counted as oral) at T", ...
local function reading(case, e)
  local site = e.temp_site or "site not recorded"
  local oral = (e.temp_site ~= nil and ORAL[e.temp_site]) or not T.counts_as_oral(e.temp_site)
  return fmt.temp(e.temp) .. " (" .. site .. (oral and "" or ", counted as oral") .. ")" .. time.at(case, e.t)
end

-- What would decide a count left open by readings without a time.
local UNDATED = "the times of the temperature readings (vitals[].t): readings without a time count as one occasion"

-- How much a reading's verdict (judge's answer: true, "unknown", false,
-- nil for a reading that does not bear) says for its occasion.
local RANK = { [true] = 3, unknown = 2, [false] = 1 }

--- The readings `rs` (vitals.readings: in time order, undated last) one
-- per occasion (see the head of this file): of the readings that share a
-- time (or have none), the one whose verdict judge(e, a, b) says most (true
-- over "unknown" over false), the first among equals. `rs` itself when no
-- two readings share a time, as in most records; read it, never modify it.
-- Second value: true when two or more readings without a time were merged.
-- @usage local once = temperature.occasions(rs, function(e, limit) return e.temp > limit end, 38)
function T.occasions(rs, judge, a, b)
  local shared = false
  for i = 2, #rs do
    if rs[i].t == rs[i - 1].t then shared = true; break end
  end
  if not shared then return rs, false end
  local out, best, best_rank = {}, nil, -1
  for i, e in ipairs(rs) do
    if i > 1 and e.t ~= rs[i - 1].t then
      out[#out + 1], best, best_rank = best, nil, -1
    end
    local rank = RANK[judge(e, a, b)] or 0
    if rank > best_rank then best, best_rank = e, rank end
  end
  out[#out + 1] = best
  return out, #rs >= 2 and rs[#rs].t == nil and rs[#rs - 1].t == nil
end

--- At least `occasions` readings above `limit` °C (strictly above; with
-- `at_least`, at or above), measured orally under the site policy.
-- @usage temperature.above(case, 38.0, 2)         -- IEC 2011 item 2
-- @usage temperature.above(case, 37.5, 1, true)   -- Pope 1986 "at least 37.5 °C"
local above_value

local oral_hot

function T.above(case, limit, occasions, at_least)
  local all = vitals.readings(case, "temp")
  if all == nil or #all == 0 then
    return tri.finding(nil, "no temperature recorded")
  end
  local rs, undated = T.occasions(all, oral_hot, limit, at_least)   -- one reading per occasion
  if not wanted() then return above_value(case, rs, limit, occasions, at_least, undated) end
  local function hot(e) return e.temp > limit or (at_least == true and e.temp == limit) end
  local others = {}
  local t = tri.tally(rs, function(e)
    if T.counts_as_oral(e.temp_site) then return hot(e), true end
    others[#others + 1] = e
    if OTHER == "unknown" and hot(e) then return nil, true end
  end)
  local function list(entries, max)
    return fmt.each(entries, function(e) return reading(case, e) end, max)
  end
  local value = tri.tally_value(occasions, t)
  -- The evidence is written only when someone reads it (fmt.wanted); the
  -- value and what would decide it are the same either way.
  local text = wanted()
  local over = text and (at_least and "≥ " or "> ") .. fmt.temp(limit)
  -- readings at one time were counted once: say so beside the count
  local once = text and rs ~= all and "; readings at the same time count as one occasion" or ""
  local needed = text and occasions .. " needed" .. once
  if value == true then
    return tri.finding(true, text and list(t.yes, 6) .. " (" .. fmt.count(#t.yes, "oral reading") .. " " .. over
      .. once .. ")" or "")
  end
  local found = text and (#t.yes > 0 and (fmt.count(#t.yes, "oral reading") .. " " .. over .. ": "
    .. list(t.yes, 6)) or ("no oral reading " .. over))
  if value == false and #t.yes > 0 and #rs < occasions then
    -- Too few occasions recorded to test the rule, and the ones recorded
    -- are febrile: the repeat measurement is missing, not negative.
    return tri.finding(nil, text and ("%s (%s; only %s recorded)"):format(found, needed,
      fmt.count(t.judged, "oral reading")) or "", undated and UNDATED or "another oral temperature reading (vitals[].temp)")
  end
  local last = rs[#rs]   -- the latest reading at any site: a normal one shows the fever has passed
  if value == false and hot(last) then
    -- The latest reading is febrile: the next occasion has not been
    -- measured yet, so earlier normal readings (taken before the fever
    -- began) do not make the item false. Missing is not false. (Febrile
    -- only at another site: the "not measured orally" text below says it.)
    if #t.yes == 0 and #t.unknown > 0 then
      value = nil
    else
      return tri.finding(nil, text and ("%s (%s); the latest reading is febrile and no later one is recorded"):format(
        found, needed) or "", undated and UNDATED or ("another oral temperature reading (vitals[].temp) after "
          .. "the febrile reading" .. time.at(case, last.t)))
    end
  end
  if value == false then
    return tri.finding(false, text and fmt.join({ found .. " (" .. needed .. ")",
      #t.no > 0 and ((#t.yes > 0 and "other oral readings: " or "oral readings: ") .. list(t.no, 4)) or nil })
      or "")
  end
  if #t.unknown > 0 then
    return tri.finding(nil, text and ("%s (%s); %s: %s but not measured orally"):format(found, needed,
      list(t.unknown, 4), over) or "",
      "oral temperature readings (readings at other sites do not count as measured orally; "
        .. "parameter temperature.other_sites)")
  end
  return tri.finding(nil, text and "no temperature measured orally; recorded: " .. list(others, 4) or "",
    "oral temperature readings (vitals[].temp with temp_site \"oral\")")
end

-- T.above's rule for one reading, as tri.count_value counts it: an oral
-- reading is yes when hot, else no; a hot reading at another site is
-- unknown when parameter temperature.other_sites is "unknown"; any other
-- does not bear on it.
function oral_hot(e, limit, at_least)
  local hot = e.temp > limit or (at_least == true and e.temp == limit)
  if T.counts_as_oral(e.temp_site) then return hot end
  if OTHER == "unknown" and hot then return "unknown" end
  return nil
end

-- T.above when nobody reads the evidence: the same value and missing
-- texts from the counts alone, without the tally's lists, the list of
-- readings at other sites and the closures.
function above_value(case, rs, limit, occasions, at_least, undated)
  local value, _, yes, unknown = tri.count_value(occasions, rs, oral_hot, limit, at_least)
  if value == true then return tri.finding(true, "") end
  if value == false and yes > 0 and #rs < occasions then
    return tri.finding(nil, "", undated and UNDATED or "another oral temperature reading (vitals[].temp)")
  end
  local last = rs[#rs]
  if value == false and (last.temp > limit or (at_least == true and last.temp == limit)) then
    if yes == 0 and unknown > 0 then
      value = nil
    else
      return tri.finding(nil, "", undated and UNDATED or ("another oral temperature reading (vitals[].temp) "
        .. "after the febrile reading" .. time.at(case, last.t)))
    end
  end
  if value == false then return tri.finding(false, "") end
  if unknown > 0 then
    return tri.finding(nil, "", "oral temperature readings (readings at other sites do not count as measured "
      .. "orally; parameter temperature.other_sites)")
  end
  return tri.finding(nil, "", "oral temperature readings (vitals[].temp with temp_site \"oral\")")
end

--- Some reading strictly above `limit` °C taken at one of `sites`
-- ({[site]=true}; e.g. core temperature for heat stroke). A reading above
-- the limit at another site, or without a site, cannot make it true but
-- leaves it unknown (it may reflect those sites); false when readings at
-- `sites` exist and none, at any site, is above the limit; unknown when no
-- reading was taken at `sites`. `what` names the sites in the evidence
-- ("core").
-- @usage temperature.above_at(case, 40, { core = true }, "core")
-- What would decide T.above_at: a text of the sites and their name alone,
-- written once per sites table (a constant of the caller's, by identity;
-- kept weakly) and name, not per case.
local needs_at = setmetatable({}, { __mode = "k" })
local function need_at(sites, what)
  local by_what = needs_at[sites]
  if by_what == nil then
    by_what = {}
    needs_at[sites] = by_what
  end
  local need = by_what[what]
  if need == nil then
    local names = {}
    for site in pairs(sites) do names[#names + 1] = '"' .. site .. '"' end
    table.sort(names)
    need = ("a %s temperature (vitals[].temp with temp_site %s)"):format(what, fmt.list(names, nil, "or"))
    by_what[what] = need
  end
  return need
end

-- T.above_at when nobody reads the evidence: the same value and missing
-- text from the walk alone, without the lists of readings.
local function above_at_value(rs, limit, sites, need)
  local at, hot_at, hot_other = 0, false, false
  for i = 1, #rs do
    local e = rs[i]
    local here = e.temp_site ~= nil and sites[e.temp_site] == true
    if here then at = at + 1 end
    if e.temp > limit then
      if here then hot_at = true else hot_other = true end
    end
  end
  if hot_at then return tri.finding(true, "") end
  if hot_other then return tri.finding(nil, "", need) end
  if at > 0 then return tri.finding(false, "") end
  return tri.finding(nil, "", need)
end

function T.above_at(case, limit, sites, what)
  local rs = vitals.readings(case, "temp")
  local need = need_at(sites, what)
  if rs == nil or #rs == 0 then return tri.finding(nil, "no temperature recorded", need) end
  if not wanted() then return above_at_value(rs, limit, sites, need) end
  local at, above_at, above_other, highest = 0, {}, {}, nil
  for _, e in ipairs(rs) do
    local here = e.temp_site ~= nil and sites[e.temp_site] == true
    if here then
      at = at + 1
      if highest == nil or e.temp > highest.temp then highest = e end
    end
    if e.temp > limit then
      local bucket = here and above_at or above_other
      bucket[#bucket + 1] = e
    end
  end
  local function show(e)
    return fmt.temp(e.temp) .. " (" .. (e.temp_site or "site not recorded") .. ")" .. time.at(case, e.t)
  end
  local over = "> " .. fmt.temp(limit)
  if #above_at > 0 then
    return tri.finding(true, fmt.each(above_at, show, 4) .. " (" .. what .. " " .. over .. ")")
  end
  if #above_other > 0 then
    return tri.finding(nil, fmt.each(above_other, show, 4) .. ": " .. over .. " but not a " .. what
      .. " reading" .. (at > 0 and ("; highest " .. what .. " reading " .. show(highest)) or ""), need)
  end
  if at > 0 then
    return tri.finding(false, ("highest %s reading %s of %s, not %s"):format(what, show(highest),
      fmt.count(at, "reading"), over))
  end
  return tri.finding(nil, "no " .. what .. " temperature recorded; other readings: "
    .. fmt.each(rs, show, 4) .. ", none " .. over, need)
end

-- Asked alike by many sets (fever in IEC 2011, DSM-IV-TR, Levenson, Pope,
-- Caroff & Mann, the severity tier and the differentials): each computed
-- once per case and arguments (lib/memo.lua).
T.above = memo.wrap(T.above)
T.above_at = memo.wrap(T.above_at)

return T
