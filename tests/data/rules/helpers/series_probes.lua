-- series_probes.lua - the probes of the walks over readings in C
-- (core/lua/series.c: nms.with_field, nms.largest_change, nms.extreme,
-- nms.earliest, nms.first_beyond, nms.by_field; kleene.c: nms.count_value): agreement with
-- the Lua they replace (oracle.lua) over random series, and attacks.
-- add(probes, agree, pick) puts them among probes.lua's.
local O = require "oracle"

return function(probes, agree, pick)

-- Values as a reading may hold them and more: equal values as integer and
-- float, NaN, signed zeros, infinities, integers beyond 2^53 (compared
-- exactly with floats), the extreme integers (their differences wrap).
local VALUES = { 120, 120.0, 80, 80.5, 95, 0 / 0, 0, -0.0, 1e308, -1e308, math.huge, -math.huge,
                 2.0 ^ 53, (1 << 53) + 1, 2.0 ^ 53 + 2, math.maxinteger, math.mininteger, 7, 7.0 }
local TIMES = { 0, 1, 1.0, 2, 2.5, 6, 24, 24.0, 25, 30, 48, 72.25, 1e9, (1 << 53) + 1, 2.0 ^ 53,
                math.maxinteger, -5 }
local HOURS = { 0, 1, 6, 24, 24.0, 6.5, 72, 1e9, math.huge, 0 / 0, (1 << 53) + 1, math.maxinteger }
local FIELDS = { "sbp", "sbp", "sbp", "hr", 1, 2.5, true }

local function value()
  if math.random() < 0.5 then return pick(VALUES) end
  return math.random(60, 70) + (math.random() < 0.5 and 0.0 or 0)   -- many equal ones
end

-- A series as time.upto hands it out (in time order, equal times, the
-- undated last), now and then out of order or with an undated reading
-- among the dated; a handful of readings, or up to 20 (more than the 12
-- scanned whole), or `n`.
local function series(field, n)
  n = n or pick({ 0, 1, 2, 3, 4, 5, 6, 8, 10, 12, 13, 16, 20 })
  local rs, t = {}, pick({ 0, 0.0, -3, 1e9 })
  local shuffled = math.random() < 0.1
  for i = 1, n do
    if math.random() < 0.3 then t = t + pick({ 0, 1, 2.5, 6, 20, 30 }) end
    local r = { [field] = value() }
    if math.random() < 0.05 then r.t = pick(TIMES)
    elseif shuffled or math.random() < 0.97 or i == 1 then r.t = t end
    if math.random() < 0.1 then r.other = 1 end
    rs[i] = r
  end
  for _ = 1, math.random(0, 2) do rs[#rs + 1] = { [field] = value() } end   -- undated
  return rs
end

probes.agree_largest_change = function()
  return agree(function()
    local field = pick(FIELDS)
    return table.pack(series(field), field, pick(HOURS))
  end, O.largest_change, nms.largest_change)
end

-- Long series: more than the 64 readings whose scratch is on the C
-- stack (fewer rounds: the Lua versions' walks are under the budget too).
probes.agree_largest_change_long = function()
  return agree(function()
    local field = pick(FIELDS)
    return table.pack(series(field, pick({ 63, 64, 65, 66, 100, 150 })), field, pick(HOURS))
  end, O.largest_change, nms.largest_change, 100)
end

probes.agree_extreme = function()
  return agree(function()
    local field = pick(FIELDS)
    local rs = series(field)
    local skip = pick({ nil, rs[1], rs[#rs], rs[math.random(math.max(#rs, 1))], {} })
    return table.pack(rs, field, skip, pick({ nil, false, true }))
  end, O.extreme, nms.extreme)
end

probes.agree_first_beyond = function()
  return agree(function()
    local field = pick(FIELDS)
    return table.pack(series(field), field, pick(VALUES), pick({ nil, false, true }))
  end, O.first_beyond, nms.first_beyond)
end

probes.agree_earliest = function()
  return agree(function()
    local rs = series("sbp")
    for _ = 1, math.random(0, 2) do
      if #rs > 0 then rs[math.random(#rs)].t = nil end
    end
    return table.pack(rs, pick({ 0, 1, 24, 24.0, 30, 1e9, 1e10, -1, 0 / 0, math.huge,
                                 (1 << 53) + 1, math.mininteger }))
  end, O.earliest, nms.earliest)
end

-- Every entry with the field: the list itself, not a copy.
probes.agree_with_field = function()
  local ok, why = agree(function()
    local field = pick(FIELDS)
    local rs = series(field)
    for _ = 1, math.random(0, 3) do
      if #rs > 0 then rs[math.random(#rs)][field] = nil end
    end
    return table.pack(rs, field)
  end, O.with_field, nms.with_field)
  local all = { { sbp = 1 }, { sbp = 2 } }
  if ok and nms.with_field(all, "sbp") ~= all then return false, "a copy of a list that was whole" end
  return ok, why
end

-- Exams with any fields, odd keys among them.
local KEYS = { "t", "rigidity", "tremor", "mental_status", "skin", 1, 2, 2.5, true, "x" }
probes.agree_by_field = function()
  return agree(function()
    local entries = {}
    for i = 1, pick({ 0, 1, 2, 3, 7, 20 }) do
      local e = {}
      for _ = 1, math.random(0, 6) do e[pick(KEYS)] = pick({ true, false, "severe", 3, 0 / 0 }) end
      entries[i] = e
    end
    return table.pack(entries)
  end, O.by_field, nms.by_field)
end

-- tri.count_value: its judge sees the extra arguments; what it answers
-- counts as true, false, not bearing (nil) or unknown (anything else).
probes.agree_count_value = function()
  local function judge(e, a, b) return e[a], b end
  return agree(function()
    local list = {}
    for i = 1, pick({ 0, 1, 2, 3, 8, 20 }) do
      list[i] = { v = pick({ true, false, nil, 1, "x" }), w = pick({ true, false, nil }) }
    end
    return table.pack(pick({ 0, 1, 2, 3, 1.5, -1, 2.0, 0 / 0, math.huge }), list, judge,
                      pick({ "v", "w", "none" }), pick({ nil, 3 }))
  end, O.count_value, nms.count_value)
end

-- What the walks do not do: run metamethods (the list, its entries).
probes.series_raw = function()
  local ran = false
  local trap = { __index = function() ran = true; return 1 end,
                 __len = function() ran = true; return 3 end,
                 __pairs = function() ran = true; return next, {}, nil end,
                 __lt = function() ran = true; return true end,
                 __le = function() ran = true; return true end }
  local function trapped(t) return setmetatable(t, trap) end
  local rs = trapped({ trapped({ t = 0, sbp = 100 }), trapped({ sbp = 140 }), trapped({ t = 1, sbp = 90 }) })
  local range = nms.largest_change(rs, "sbp", 24)                   -- one timed reading: none
  local with = nms.with_field(rs, "t")                              -- entries 1 and 3
  local high = nms.extreme(rs, "sbp")                               -- entry 2
  local first = nms.earliest(rs, 5)                                 -- entry 1
  local beyond = nms.first_beyond(rs, "sbp", 120)                   -- entry 2
  local by = nms.by_field(rs)
  local value = nms.count_value(1, trapped({}), function() ran = true end)
  return not ran and range == nil and #with == 2 and high == rs[2] and first == rs[1]
         and #by.sbp == 3 and #by.t == 2 and value == nil and beyond == rs[2], "raw"
end

-- Long series walked again and again by a loop of a few Lua
-- instructions: the walks in C are charged to the budget. (20,000
-- readings, ~2.5 MB: a list whose walk costs far more than the loop
-- around it, well under the memory cap.)
local function long(n)
  local rs = {}
  for i = 1, n do rs[i] = { t = i, sbp = i % 17, hr = 1 } end
  return rs
end
local WALKS = {
  largest_change = function(rs) return nms.largest_change(rs, "sbp", 24) end,
  with_field = function(rs) rs[10000].sbp = nil; return nms.with_field(rs, "sbp") end,
  extreme = function(rs) return nms.extreme(rs, "sbp") end,
  earliest = function(rs) return nms.earliest(rs, 1e9) end,
  first_beyond = function(rs) return nms.first_beyond(rs, "sbp", 17) end,
  by_field = function(rs) return nms.by_field(rs) end,
  count_value = function(rs) return nms.count_value(1, rs, function() end) end,
}
for name, walk in pairs(WALKS) do
  probes[name .. "_forever"] = function()
    local rs = long(20000)
    while true do walk(rs) end
  end
end

probes.largest_change_no_list = function() return true, nms.largest_change("x", "sbp", 24) end
probes.largest_change_negative = function() return true, nms.largest_change({}, "sbp", -1) end
probes.largest_change_no_hours = function() return true, nms.largest_change({}, "sbp", "24") end
probes.largest_change_bad_value = function()
  return true, nms.largest_change({ { t = 0, sbp = 1 }, { t = 1, sbp = "2" } }, "sbp", 24)
end
probes.largest_change_bad_entry = function() return true, nms.largest_change({ { t = 0, sbp = 1 }, 5 }, "sbp", 24) end
probes.with_field_bad_entry = function() return true, nms.with_field({ {}, "x" }, "sbp") end
probes.extreme_bad_value = function() return true, nms.extreme({ { sbp = 1 }, { sbp = {} } }, "sbp") end
probes.first_beyond_bad_value = function()
  return true, nms.first_beyond({ { sbp = 1 }, { sbp = "200" } }, "sbp", 100)
end
probes.first_beyond_no_limit = function() return true, nms.first_beyond({}, "sbp", "100") end
probes.earliest_bad_time = function() return true, nms.earliest({ { t = "0" } }, 5) end
probes.by_field_bad_entry = function() return true, nms.by_field({ 1 }) end
probes.count_value_no_judge = function() return true, nms.count_value(1, {}, nil) end
probes.count_value_judge_error = function()
  return nms.count_value(1, { 1 }, function() error("the judge failed") end)
end
probes.count_value_judge_loops = function()
  return nms.count_value(1, { 1 }, function() while true do end end)
end

end
