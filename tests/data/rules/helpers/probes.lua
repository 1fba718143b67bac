-- probes.lua - one item running the probe the case id names: agreement of
-- the engine's helpers with their Lua versions (oracle.lua) over many
-- random inputs, and attacks on them that must fail the case only.
local O = require "oracle"

local probes = {}
local ROUNDS = 1000

probes.ok = function() return true, "fine" end

local function pick(choices) return choices[math.random(#choices)] end

-- a and b are equal values: strings and numbers by value and kind (NaN
-- equal to NaN, 0.0 apart from -0.0), tables field by field one level
-- down (entries compared by identity).
local function same(a, b)
  if type(a) ~= type(b) then return false end
  if type(a) == "number" then
    if a ~= a then return b ~= b end
    return math.type(a) == math.type(b) and a == b and (a ~= 0 or 1 / a == 1 / b)
  end
  if type(a) ~= "table" then return a == b end
  for k, v in pairs(a) do if not rawequal(b[k], v) and not same(b[k], v) then return false end end
  for k in pairs(b) do if a[k] == nil then return false end end
  return true
end

local function all_same(a, b)
  if a.n ~= b.n then return false end
  for i = 1, a.n do if not same(a[i], b[i]) then return false end end
  return true
end

-- Runs f and g on the inputs made by make() `rounds` (default ROUNDS)
-- times: true and the count when every answer agreed, else false and the
-- first that did not.
local function agree(make, f, g, rounds)
  rounds = rounds or ROUNDS
  for round = 1, rounds do
    local args = make()
    local want = table.pack(f(table.unpack(args, 1, args.n)))
    local got = table.pack(g(table.unpack(args, 1, args.n)))
    if not all_same(want, got) then
      return false, ("round %d: Lua %s, engine %s"):format(round, tostring(want[1]), tostring(got[1]))
    end
  end
  return true, rounds .. " agreed"
end

local NUMBERS = { 0, -0.0, 25, 25.0, 38.6, 38.05, -0.001, -0.004, 0.005, 1e300, -1e300,
                  math.huge, -math.huge, 0 / 0, 6.7647, 4200, 1 / 3, 2 ^ 53 + 1,
                  math.maxinteger, math.mininteger, "38.6", "7" }

probes.agree_num = function()
  return agree(function()
    local x = math.random() < 0.5 and pick(NUMBERS) or (math.random() * 200 - 100)
    return table.pack(x, pick({ nil, 0, 1, 2, 3, 10 }))
  end, O.num, nms.num)
end

-- More distinct numbers than nms.num keeps: it starts again and still
-- answers alike, the second time round as well.
probes.num_many = function()
  for _ = 1, 2 do
    for i = 1, 10000 do
      if nms.num(i / 7) ~= O.num(i / 7) then return false, tostring(i) end
    end
  end
  return true, "20000 agreed"
end
probes.num_bad_decimals = function() return true, nms.num(1, 2.5) end
probes.num_no_number = function() return true, nms.num({}) end

local JOIN_KEYS = { 1, 2, 3, 4, 5, 6, 7, 8, 12, 30, 0, -1, -2.5, 0.5, 1.5, 1e300, math.huge,
                    -math.huge, math.mininteger, math.maxinteger, "x", "y" }
local VALUES = { "a", "bb", "", "ccc", 7, 2.5, true, false, {} }

probes.agree_join = function()
  return agree(function()
    local t = {}
    for _ = 1, math.random(0, 9) do t[pick(JOIN_KEYS)] = pick(VALUES) end
    return table.pack(t, pick({ "; ", ", ", "", nil }))
  end, O.join, nms.join)
end

probes.agree_list = function()
  return agree(function()
    local t = {}
    for i = 1, math.random(0, 8) do t[i] = pick({ "a", "bb", "ccc", 7, 2.5 }) end
    return table.pack(t, pick({ nil, 0, 1, 2, 3, 10, 2.5, -1, 1.0, 3.0, 0 / 0 }),
                      pick({ nil, "or", "and", 7 }))
  end, O.list, nms.list)
end

probes.agree_each = function()
  local function describe(e) return e.text end
  return agree(function()
    local items = {}
    for i = 1, math.random(0, 8) do items[i] = { text = pick({ "a", "bb", 7, 2.5 }) } end
    return table.pack(items, describe, pick({ 0, 1, 2, 3, 10, 2.5, -1, 1.0, 3.0 }))
  end, O.each, nms.each)
end

-- Names as drug tables and charts write them: plain words, brands in
-- capitals, separators, punctuation, UTF-8 signs, stray spaces.
local NAME_PIECES = { "a", "Z", "q", "HALDOL", "haloperidol", "5", "0", " ", " ", "  ", "and", "AND",
                      "with", "w", "-", "/", ".", "'", "\u{00AE}", "\u{00E9}", "\t", "@", "[", "`", "{" }
local SEPARATORS = { ["and"] = true, with = true, w = true }

probes.agree_name_key = function()
  return agree(function()
    local parts = {}
    for i = 1, math.random(0, 6) do parts[i] = pick(NAME_PIECES) end
    local name = table.concat(parts)
    return table.pack(pick({ name, name, name, 42 }), SEPARATORS)
  end, O.name_key, nms.name_key)
end

local function finding()
  return { value = pick({ true, false, nil, 1, "x" }), evidence = pick({ "e", "", nil }),
           missing = pick({ nil, "", "m", "more", false, 3 }), label = pick({ nil, "(a)", "", 5 }) }
end

probes.agree_at_least = function()
  return agree(function()
    local parts = {}
    for i = 1, math.random(0, 6) do parts[i] = finding() end
    return table.pack(pick({ 0, 1, 2, 3, 6, 1.5, -1, 2.0 }), parts)
  end, O.at_least, nms.at_least)
end

probes.agree_describe_parts = function()
  return agree(function()
    local parts = {}
    for i = 1, math.random(0, 6) do
      parts[i] = { label = pick({ "(a)", "", 5 }), value = pick({ true, false, nil, 1 }),
                   evidence = pick({ "e", "", 2.5 }) }
    end
    return table.pack(parts)
  end, O.describe_parts, nms.describe_parts)
end

probes.agree_tally = function()
  local function judge(e) return e.v, e.b end
  return agree(function()
    local list = {}
    for i = 1, math.random(0, 8) do
      list[i] = { v = pick({ true, false, nil, 1 }), b = pick({ true, false, nil, 0 }) }
    end
    return table.pack(list, judge)
  end, O.tally, nms.tally)
end

-- tri.tally_known(list, judge) is tri.tally with judge's value bearing
-- when it is not nil, as lib/exam.lua wrapped its judges before.
probes.agree_tally_known = function()
  local function judge(e) return e.v end
  return agree(function()
    local list = {}
    for i = 1, math.random(0, 8) do list[i] = { v = pick({ true, false, nil, 1 }) } end
    return table.pack(list, judge)
  end, function(list, j)
    return O.tally(list, function(e)
      local v = j(e)
      if v ~= nil then return v, true end
    end)
  end, nms.tally_known)
end

-- nms.memoize(fn) answers as nms.memo(fn, ...) does, from the same memory.
probes.memoize = function(case)
  local calls = 0
  local function fn(_, x, y) calls = calls + 1; return { x, y } end
  local f = nms.memoize(fn)
  local a, b = f(case, 1, "y"), nms.memo(fn, case, 1, "y")
  local c, d = f(case, 1.0, "y"), f(case, 1, "y", nil, nil, nil, nil, nil, "ignored")
  return a == b and a ~= c and d == a and calls == 2, tostring(calls)
end
-- What tells two calls apart, as a key of a Lua table would (the memory
-- spells the arguments into one string key, core/lua/memo.c): strings,
-- numbers and booleans by value (1 and 1.0 apart, 0.0 and -0.0 one),
-- tables and functions by identity, a nil between arguments apart from
-- none, and the function itself.
probes.memo_keys = function(case)
  local calls = 0
  local function fn(_, ...) calls = calls + 1; return { ... } end
  local function other(_, ...) return { ... } end
  local f, t, u = nms.memoize(fn), {}, {}
  local same = {
    { f(case, "a" .. "b"), f(case, "ab") },
    { f(case, 0.0), f(case, -0.0) },
    { f(case, t, true), f(case, t, true) },
    { f(case, other), f(case, other) },
    { f(case, "x", nil, 2), f(case, "x", nil, 2) },
    { f(case, 0.5), f(case, 1 / 2) },
  }
  local apart = {
    { f(case, 1), f(case, 1.0) },
    { f(case, t), f(case, u) },
    { f(case, true), f(case, false) },
    { f(case, "x", nil, 2), f(case, "x", 2) },
    { f(case, "1"), f(case, 1) },
    { f(case, fn), f(case, other) },
    { f(case, "a\0b"), f(case, "a\0c") },
    { f(case, 3), nms.memo(other, case, 3) },
  }
  for i, p in ipairs(same) do
    if p[1] ~= p[2] then return false, "same " .. i end
  end
  for i, p in ipairs(apart) do
    if p[1] == p[2] then return false, "apart " .. i end
  end
  return calls == 18, tostring(calls)
end

-- Many calls in one case (the index of the case's memory grows past its
-- first room, keys past 1 kB of bytes): each answered once and then found
-- again, a long string argument among them; a nil answer is not kept,
-- so it is worked out again, as a Lua table keeps no nil.
probes.memo_many = function(case)
  local calls, nils = 0, 0
  local f = nms.memoize(function(_, i, s) calls = calls + 1; return { i, s } end)
  local g = nms.memoize(function() nils = nils + 1; return nil end)
  local long = string.rep("x", 300)
  local first = {}
  for i = 1, 3000 do first[i] = f(case, i, i % 7 == 0 and long or "k" .. i % 13) end
  for i = 3000, 1, -1 do
    if f(case, i, i % 7 == 0 and long or "k" .. i % 13) ~= first[i] then return false, "lost " .. i end
  end
  if f(case, 1, "other") == first[1] then return false, "apart" end
  g(case, 1); g(case, 1)
  return calls == 3001 and nils == 2, calls .. " " .. nils
end

-- nms.finding without evidence or missing text: one table per value and
-- case, the same for every call within the case, a new one in the next
-- case (the table of the case before is kept here to compare).
local bare_before
probes.bare_findings = function()
  local t, f, u = nms.finding(true, ""), nms.finding(false, ""), nms.finding(nil, "")
  if nms.finding(true, "") ~= t or nms.finding(false, "") ~= f or nms.finding(nil, "") ~= u then
    return false, "not shared"
  end
  if t.value ~= true or f.value ~= false or u.value ~= nil or t.evidence ~= "" or u.evidence ~= ""
      or t.missing ~= nil or u.missing ~= nil or t == f or f == u or t == u then
    return false, "not as made"
  end
  if nms.finding(nil, "", "a CK") == nms.finding(nil, "", "a CK") or nms.finding(true, "x") == nms.finding(true, "x")
      or nms.finding(1, "") == nms.finding(1, "") then
    return false, "shared with a text or an odd value"
  end
  local was = bare_before
  bare_before = t
  if was == nil then return true, "first case" end
  return was ~= t, was ~= t and "renewed" or "kept from the case before"
end
probes.memoize_seven = function(case) return nms.memoize(function() end)(case, 1, 2, 3, 4, 5, 6, 7) end
probes.memoize_no_function = function() return nms.memoize("f") end

probes.agree_findings = function()
  local ok, why = agree(function() return table.pack(pick({ "(a)", nil, 3 }), finding()) end,
                        O.part, nms.part)
  if ok then ok, why = agree(function() return table.pack(finding()) end, O.answer, nms.answer) end
  if ok then
    ok, why = agree(function()
      local parts = {}
      for i = 1, math.random(0, 5) do
        local f = finding()
        parts[i] = { pick({ "(a)", "(b)" }), function() return f end }
      end
      return table.pack(parts, {})
    end, O.evaluate, nms.evaluate)
  end
  return ok, why
end

-- What the engine's helpers do not do: run metamethods.
probes.raw = function()
  local ran = false
  local trap = { __index = function() ran = true; return "trap" end,
                 __len = function() ran = true; return 3 end,
                 __pairs = function() ran = true; return next, {}, nil end }
  local texts = setmetatable({ "a", [3] = "c" }, trap)
  local joined, listed = nms.join(texts), nms.list(texts)
  local part = nms.part("p", setmetatable({}, trap))
  local t = nms.tally(setmetatable({}, trap), function() ran = true end)
  return not ran and joined == "a; c" and listed == "a" and part.value == nil and t.judged == 0,
         joined .. " | " .. tostring(listed)
end

-- A big list, joined and listed again and again in a loop of a few Lua
-- instructions: the walks in C are what the budget must see.
local function big(n)
  local t = {}
  for i = 1, n do t[i] = "x" end
  return t
end
probes.join_forever = function()
  local t = big(100000)
  while true do nms.join(t) end
end
probes.join_sorted_forever = function()
  local t = big(100000)
  t[0.5] = "y"
  while true do nms.join(t) end
end
probes.list_forever = function()
  local t = big(100000)
  while true do nms.list(t) end
end
probes.each_forever = function()
  local t = big(100000)
  local function describe() return "d" end
  while true do nms.each(t, describe, 100000) end
end
probes.describe_parts_forever = function()
  -- (50,000 parts, ~6 MB: 100,000 came within a few kB of the memory cap)
  local parts = {}
  for i = 1, 50000 do parts[i] = { label = "p", evidence = "e" } end
  while true do nms.describe_parts(parts) end
end
probes.at_least_forever = function()
  local parts = {}
  for i = 1, 100000 do parts[i] = { label = "p" } end
  while true do nms.at_least(1, parts) end
end
probes.tally_forever = function()
  local t = big(100000)
  local function judge() end
  while true do nms.tally(t, judge) end
end
probes.tally_known_forever = function()
  local t = big(100000)
  local function judge() end
  while true do nms.tally_known(t, judge) end
end
probes.join_memory = function()
  local s, t = ("m"):rep(1 << 20), {}
  for i = 1, 100 do t[i] = s end
  return true, #nms.join(t)
end
probes.tally_growing = function()
  local list = { 1 }
  return true, nms.tally(list, function(e) list[#list + 1] = e; return true, true end).judged
end
probes.tally_judge_error = function()
  return nms.tally({ 1 }, function() error("the judge failed") end)
end
probes.tally_judge_loops = function()
  return nms.tally({ 1 }, function() while true do end end)
end
probes.tally_recursion = function()
  local function judge(e) return nms.tally({ e }, judge) end
  return nms.tally({ 1 }, judge)
end
probes.evaluate_recursion = function(case)
  local parts
  parts = { { "(a)", function(c) return nms.evaluate(parts, c) end } }
  return nms.evaluate(parts, case)
end
probes.join_bad_sep = function() return true, nms.join({ "a" }, {}) end
probes.join_no_table = function() return true, nms.join("a") end
probes.list_bad_entry = function() return true, nms.list({ "a", {}, "c" }) end
probes.each_bad_text = function() return true, nms.each({ 1, 2 }, function() return {} end, 1) end
probes.each_describe_error = function() return true, nms.each({ 1 }, function() error("no words") end, 1) end
probes.describe_parts_bad_label = function()
  return true, nms.describe_parts({ { label = {}, evidence = "e" } })
end
probes.list_bad_max = function() return true, nms.list({ "a" }, "2") end
probes.at_least_bad_part = function() return true, nms.at_least(1, { 5 }) end
probes.at_least_bad_k = function() return true, nms.at_least("1", {}) end
probes.tally_no_judge = function() return true, nms.tally({}, nil) end
probes.part_no_finding = function() return true, nms.part("a", nil) end
probes.evaluate_bad_check = function(case)
  return true, nms.evaluate({ { "(a)", function() return "yes" end } }, case)
end
probes.evaluate_bad_part = function(case) return true, nms.evaluate({ "(a)" }, case) end
probes.answer_no_finding = function() return nms.answer(42) end
probes.name_key_no_separators = function() return true, nms.name_key("haldol") end

-- the walks over readings (core/lua/series.c) and nms.count_value
require("series_probes")(probes, agree, pick)
-- exam.flag, exam.level and record.flag's readers (core/lua/readers.c)
require("readers_probes")(probes, agree, pick)

return {
  id = "probes", title = "Probes", version = "1", citation = "test only",
  kind = "points", threshold = 1,
  items = {
    { id = "probe", title = "Probe", points = 1, needs = "nothing",
      check = function(case)
        local probe = probes[case.id]
        if not probe then return nil, "no probe named " .. case.id end
        return probe(case)
      end },
  },
}
