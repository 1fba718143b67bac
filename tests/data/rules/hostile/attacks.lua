local attacks = {}

attacks.ok = function() return true, "fine" end
attacks.os = function() return os.execute("true") end
attacks.io = function() return io.open("/etc/passwd") end
attacks.debug = function() return debug.getinfo(1) end
attacks.package = function() return package.loaded end
attacks.dofile = function() return dofile("/etc/passwd") end
attacks.loadfile = function() return loadfile("/etc/passwd") end
attacks.dump = function() return string.dump(function() end) end
attacks.binary = function()
  local f, err = load("\27Lua\84\0", "=binary")
  if not f then error(err, 0) end
  return f()
end
-- load's mode argument is not Lua's: a "b" asked for is still text only
attacks.binary_mode = function()
  local f, err = load("\27Lua\84\0", "=binary", "b")
  if not f then error(err, 0) end
  return f()
end
attacks.require_os = function() return require("os") end
attacks.set_global = function() leaked = true; return true, "set" end
attacks.read_global = function() return leaked, "read" end
attacks.string_meta = function()
  getmetatable("").__index = {}
  return true, "changed"
end
attacks.string_lib = function()
  string.upper = function() return "pwned" end
  return true, "changed"
end
attacks.loop = function() while true do end end
attacks.pcall_loop = function()
  for _ = 1, 1000 do pcall(function() while true do end end) end
  return true, "survived"
end
attacks.recursion = function()
  local function deeper(n) return deeper(n + 1) + 1 end
  return deeper(1)
end
attacks.memory_rep = function() return #string.rep("x", 100000000) > 0, "big" end
-- Fills the memory cap with blocks of two sizes (a chain of one-element
-- tables: the table and its array part), then a modest case of many sizes
-- must still run (core/lua/pool.c gives empty chunks back).
attacks.flood_blocks = function()
  local head
  while true do head = { head } end
end
-- The same flood, keeping one small table in 256 between cases (a few
-- hundred kB in all, a list of them: no array to grow): no chunk of the
-- pool is then wholly free, and the room between the kept tables must
-- still serve the blocks of other sizes that later cases need.
local pinned
attacks.flood_pinned = function()
  local head, n = nil, 0
  while true do
    head, n = { head }, n + 1
    if n % 256 == 0 then pinned = { pinned } end
  end
end
-- Fills the memory cap, keeps it full, then fails one small allocation
-- after another inside pcall: Lua runs a full emergency collection over
-- the whole heap before each refusal, ~10 instructions apart.
attacks.gc_storm = function()
  local hold, n = {}, 0
  pcall(function() while true do n = n + 1; hold[n] = { n } end end)
  while true do pcall(string.rep, "y", 100) end
end
attacks.varied = function()
  local keep = {}
  for i = 1, 3000 do
    local n = i % 200
    keep[#keep + 1] = { string.rep("v", n), { n = n, [n] = i }, function() return n end }
  end
  return #keep == 3000, "varied"
end
attacks.memory_table = function()
  local t = {}
  for i = 1, math.huge do t[i] = { i } end
  return true, "grew"
end
attacks.pattern = function()
  local s = string.rep("a", 40)
  return s:find(string.rep("a*", 20) .. "b") ~= nil, "matched"
end
attacks.plain_find = function()
  return string.find(string.rep("a*", 30), "a*a*a*a*", 1, true) == 1, "plain"
end
-- Hardening II: each of these hung, leaked or escaped before.
attacks.pcall_forever = function()
  while true do pcall(function() while true do end end) end
end
attacks.xpcall_forever = function()
  while true do
    xpcall(function() while true do end end, function() while true do end end)
  end
end
attacks.pcall_deep = function()
  local function f(n)
    if n == 0 then while true do end end
    while true do pcall(f, n - 1) end
  end
  f(50)
end
attacks.gc = function()
  setmetatable({}, { __gc = function() while true do end end })
  return true, "finalizer set"
end
attacks.gc_late = function()
  local mt = { __gc = false }
  setmetatable({}, mt)
  mt.__gc = function() while true do end end
  return true, "finalizer set"
end
for _, lib in ipairs({ "string", "table", "math", "utf8", "nms" }) do
  attacks["real_" .. lib] = function()
    local proxy = ({ string = string, table = table, math = math,
                     utf8 = utf8, nms = nms })[lib]
    local _, real = pairs(proxy)
    for k in pairs(proxy) do real[k] = function() return "pwned" end end
    return true, "replaced"
  end
end
attacks.table_move = function() return table.move({ 1 }, 1, 1 << 40, 2) ~= nil, "moved" end
attacks.lazy_quantifier = function()
  return ("a"):rep(1000000):find(".-b") ~= nil, "found"
end
attacks.balance = function()
  return ("("):rep(1000000):find("%b()") ~= nil, "found"
end
attacks.two_quantifiers = function()
  return ("a"):rep(99999):find("a*a*b") ~= nil, "found"
end
-- Hardening III: items the pattern guard did not count, each of which ran
-- in C past the CPU-time limit and ignored SIGTERM (hours for the first
-- two). An optional item tries both ways: 2^40 steps on 40 bytes.
attacks.optional_items = function()
  return ("a"):rep(40):find(("a?"):rep(40) .. ("a"):rep(40)) ~= nil, "found"
end
-- %b's two delimiters are literal bytes: a '[' among them opened a set
-- that hid the five lazy items after it.
attacks.balance_bracket = function()
  return ("[]" .. ("a"):rep(1000)):find("^%b[].-.-.-.-.-x") ~= nil, "found"
end
-- A back-reference compares up to the whole subject at every step:
-- ~19,000^3/24 byte comparisons, ~14 s.
attacks.back_reference = function()
  return ("a"):rep(19000):find("(a*)%1b") ~= nil, "found"
end
-- Not an attack: an optional item on a string a case may hold.
attacks.case_string_optional = function()
  local s = ("7"):rep(1000) .. ".5mg"
  return s:match("^(%d+%.?%d*)mg") ~= nil, "one item and an optional one"
end
attacks.case_string_pattern = function()
  local s = ("7"):rep(1000) .. " mg"
  return s:match("(%d+)%s*mg") ~= nil, "two items on 1,004 bytes"
end
attacks.honest_work = function()
  local t = {}
  for i = 1, 100000 do table.insert(t, i) end
  for _ = 1, 1000 do table.remove(t) end
  local s, n = ("ab"):rep(50000), 0
  for i = 1, #s do if s:sub(i, i) == "a" then n = n + 1 end end
  for _ in s:gmatch("b") do n = n + 1 end
  return n == 100000 and #t == 99000, "counted " .. n
end
attacks.upper_loop = function()
  local s = ("x"):rep(5000000)
  while true do s = s:upper():lower() end
end
attacks.c_loop = function()
  local s = ("x"):rep(1000000)
  while true do local _ = s:upper() end
end
local hoard = {}
attacks.hoard = function()
  hoard[#hoard + 1] = ("x"):rep(1 << 20) .. #hoard
  return true, "kept " .. #hoard
end
-- Not an attack: keeps 8 MiB between cases, a new block each case in
-- place of the last, so the old one (old by then, to a generational
-- collector) is garbage that only a full collection frees.
local churned
attacks.churn = function()
  churned = nil
  churned = ("c"):rep(8 << 20)
  return #churned == 8 << 20, "churned"
end
-- table.concat's work is charged by the elements it joins: 200 joins of
-- 100,000 texts is 20 M elements, past a 5 M budget.
attacks.concat_work = function()
  local t = {}
  for i = 1, 100000 do t[i] = "x" end
  for _ = 1, 200 do local _ = table.concat(t, ", ") end
  return true, "joined"
end
-- Not an attack: a number is a separator table.concat accepts.
attacks.concat_number_sep = function()
  return table.concat({ "a", "b" }, 5) == "a5b", "joined with 5"
end
-- Not an attack: ~3 M instructions of honest work (milliseconds), under
-- a 5 M budget but past a short watchdog (tests/test_watchdog.c), with
-- what a second run must give alike: random numbers, object names.
attacks.slow_honest = function()
  local n = 0
  for i = 1, 1000000 do n = n + i % 7 end
  return true, n .. " " .. math.random(1, 1000000000) .. " " .. tostring({})
end
attacks.big_evidence = function() return true, ("x"):rep(1 << 20) end
attacks.random = function() return true, tostring(math.random(1, 1000000000)) end
attacks.address = function()
  local t = {}
  return true, tostring(t) .. " " .. string.format("%s", t) .. " " .. tostring({})
end
attacks.format_p = function() return true, string.format("%p", {}) end
-- Hardening IV: a table used as a global's name was quoted in the error
-- message by its address, which differs from run to run.
attacks.global_table_key = function() return _ENV[{}] end
attacks.global_table_set = function() _ENV[{}] = true end
attacks.library_table_set = function() string[{}] = true end
attacks.error = function() error("deliberate failure") end
-- An error value that is a number is a message too (Lua converts it);
-- one with a NUL keeps what follows it, as evidence does.
attacks.error_number = function() error(42) end
attacks.error_nul = function() error("before\0after") end
attacks.bad_value = function() return 42, "a number" end
attacks.no_evidence = function() return true end
attacks.finding_table = function() return { value = true, evidence = "a finding, not unpacked" } end
-- nms.memo (core/lua/memo.c), the per-case memory of rules/lib/memo.lua.
attacks.memo_recursion = function(case)
  local function deeper(c, n) return nms.memo(deeper, c, n + 1) end
  return deeper(case, 1)
end
attacks.memo_memory = function(case)
  for i = 1, math.huge do nms.memo(function() return { i } end, case, i, "x") end
end
attacks.memo_loop = function(case)
  return nms.memo(function() while true do end end, case)
end
attacks.memo_no_function = function(case) return nms.memo("upper", case) end
attacks.memo_no_case = function() return nms.memo(function() return true end, "case") end
attacks.memo_seven = function(case)
  return nms.memo(function() return true end, case, 1, 2, 3, 4, 5, 6, 7)
end
-- Not an attack: what it remembers, and for how long. Module state lives
-- as long as the ruleset, so `memo_calls` counts across cases.
local memo_calls = 0
local function counted(_, x)
  memo_calls = memo_calls + 1
  return { x }
end
attacks.memo_fresh = function(case)
  local a, b = nms.memo(counted, case, 1), nms.memo(counted, case, 1)
  local c, d = nms.memo(counted, case, 1.0), nms.memo(counted, case)
  local e = nms.memo(counted, case, nil, nil)
  return a == b and a ~= c and c ~= d and d == e and a[1] == 1, tostring(memo_calls)
end

return {
  id = "attacks", title = "Attacks", version = "1", citation = "test only",
  kind = "points", threshold = 1,
  items = {
    { id = "attack", title = "Attack", points = 1, needs = "nothing",
      check = function(case)
        local attack = attacks[case.id]
        if not attack then return nil, "no attack named " .. case.id end
        return attack(case)
      end },
    { id = "upper", title = "String library intact", points = 1, needs = "nothing",
      check = function() return ("a"):upper() == "A", ("a"):upper() end },
  },
}
