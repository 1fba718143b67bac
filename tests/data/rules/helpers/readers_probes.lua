-- readers_probes.lua - nms.sign_reader and nms.fact_reader (core/lua/
-- readers.c) against what rules/lib/exam.lua and record.lua answer
-- without their fallback: each reader answers what the Lua reading would,
-- or calls the fallback with the same arguments; with and without
-- evidence wanted (the test runs these probes at both levels).
return function(probes, agree, pick)

-- rounds per reader: three readers' worlds within one case's budget
local ROUNDS = 300

local function fallback(...) return { "fallback", select("#", ...), ... } end
local function judge(...) return { "judge", select("#", ...), ... } end

-- exam.lua's reading (flag_read, level_read, unrecorded, recorded), the
-- fallback wherever it would call the memory or build the index.
local function sign_oracle(level, kept, index_of, words)
  return function(case, field, a3, a4)
    local present, what = nil, a3
    if level then present, what = a3, a4 end
    local function fb(fn)
      fn = fn or fallback
      if level then return fn(case, field, a3, a4) end
      return fn(case, field, a3)
    end
    if type(case) ~= "table" or type(field) ~= "string" or (level and type(present) ~= "table") then
      return fb()
    end
    local exams = case.exam
    local by = type(exams) == "table" and rawget(index_of, exams)
    if type(by) ~= "table" then return fb() end
    local entries = rawget(by, field)
    if entries ~= nil and type(entries) ~= "table" then return fb() end
    if entries == nil or rawget(entries, 1) == nil then
      local k = rawget(kept, field)
      local f = nil
      if type(k) == "table" then f = rawget(k, what or words[field]) end
      if f ~= nil then return f end
      return fb()
    end
    if nms.evidence() then return fb(judge) end
    local value = false
    for i = 1, math.huge do
      local e = rawget(entries, i)
      if e == nil then break end
      if type(e) ~= "table" then return fb(judge) end
      local v = e[field]
      if level then
        if present[v] == true then return nms.finding(true, "") end
      elseif v == true then
        return nms.finding(true, "")
      elseif v ~= false then
        value = nil
      end
    end
    if value == nil then return fb(judge) end
    return nms.finding(value, "")
  end
end

-- record.lua's reading (R.flag), the fallback wherever it would make a
-- finding.
local function fact_oracle(kept)
  return function(case, section, field, what)
    local function fb() return fallback(case, section, field, what) end
    if type(case) ~= "table" then return fb() end
    local s, v = case[section], nil
    if type(s) == "table" then v = s[field] elseif s ~= nil then return fb() end
    local which = 3
    if type(v) == "boolean" then
      if not nms.evidence() then return nms.finding(v, "") end
      which = v and 1 or 2
    end
    local a = rawget(kept, section)
    local b = type(a) == "table" and rawget(a, field) or nil
    local c = type(b) == "table" and rawget(b, what) or nil
    local f = type(c) == "table" and rawget(c, which) or nil
    if f ~= nil then return f end
    return fb()
  end
end

local FIELDS = { "tremor", "rigidity", "mental_status", "x", 1, true }
local VALUES = { true, false, "mild", "severe", "none", "stupor", 3, 0 / 0 }
local SETS = { { mild = true, severe = true }, { none = true, stupor = "yes" }, {},
               setmetatable({}, { __index = function() return true end }) }
-- an exam entry whose fields come from its metatable: read as Lua reads it
local INHERITS = { __index = function(_, k) return k == "tremor" or nil end }

local function exams()
  local list = {}
  for i = 1, pick({ 0, 1, 2, 3, 6 }) do
    local e = {}
    for _ = 1, math.random(0, 3) do e[pick(FIELDS)] = pick(VALUES) end
    if math.random() < 0.1 then setmetatable(e, INHERITS) end
    list[i] = e
  end
  return list
end

-- One world of a sign reader: its tables, a case and arguments.
local function sign_world(level)
  local kept, index_of = {}, setmetatable({}, { __mode = "k" })
  local words = setmetatable({}, { __index = function(_, f) return "w-" .. tostring(f) end })
  for _ = 1, math.random(0, 3) do
    local f = pick(FIELDS)
    kept[f] = kept[f] or {}
    kept[f][pick({ "w-" .. tostring(f), "tremor", "stiffness" })] = nms.finding(nil, "kept " .. tostring(f))
  end
  local case = pick({ { exam = exams() }, { exam = exams() }, { exam = exams() }, {}, { exam = "x" }, "case" })
  if type(case) == "table" and type(case.exam) == "table" and math.random() < 0.85 then
    local by = nms.by_field(case.exam)
    if math.random() < 0.05 then by[pick(FIELDS)] = "junk" end
    index_of[case.exam] = by
  end
  local what = pick({ nil, false, "tremor", "stiffness" })
  local args = level and table.pack(case, pick(FIELDS), pick({ SETS[1], SETS[2], SETS[3], SETS[4], "set" }), what)
    or table.pack(case, pick(FIELDS), what)
  return kept, index_of, words, args
end

local function agree_sign(level)
  return agree(function()
    local kept, index_of, words, args = sign_world(level)
    return table.pack(nms.sign_reader(level, fallback, kept, index_of, words, judge),
                      sign_oracle(level, kept, index_of, words), args)
  end, function(_, oracle, args) return oracle(table.unpack(args, 1, args.n)) end,
       function(reader, _, args) return reader(table.unpack(args, 1, args.n)) end, ROUNDS)
end

local SECTIONS = { "history", "complications", 1, "other" }
local FACTS = { "catatonia", "prior_nms", 2 }
local WHATS = { "catatonia", "previous NMS", nil }

local function fact_world()
  local kept = {}
  for _ = 1, math.random(0, 4) do
    local s, f, w = pick(SECTIONS), pick(FACTS), pick({ "catatonia", "previous NMS" })
    kept[s] = kept[s] or {}
    kept[s][f] = kept[s][f] or {}
    kept[s][f][w] = kept[s][f][w] or {}
    kept[s][f][w][math.random(1, 3)] = nms.finding(nil, "kept")
  end
  local case = {}
  for _ = 1, math.random(0, 3) do
    local s = pick(SECTIONS)
    case[s] = pick({ {}, { catatonia = pick({ true, false, "yes" }), prior_nms = pick({ true, false }) }, "text" })
  end
  if math.random() < 0.05 then case = pick({ "case", 5 }) end
  return kept, table.pack(case, pick(SECTIONS), pick(FACTS), pick(WHATS))
end

probes.agree_readers = function()
  local ok, why = agree_sign(false)
  if ok then ok, why = agree_sign(true) end
  if ok then
    ok, why = agree(function()
      local kept, args = fact_world()
      return table.pack(nms.fact_reader(fallback, kept), fact_oracle(kept), args)
    end, function(_, oracle, args) return oracle(table.unpack(args, 1, args.n)) end,
         function(reader, _, args) return reader(table.unpack(args, 1, args.n)) end, ROUNDS)
  end
  return ok, why
end

-- The same with nobody reading the evidence, where the readers answer
-- most (the test runs it at --evidence none).
probes.agree_readers_quiet = function()
  if nms.evidence() then return false, "evidence wanted" end
  return probes.agree_readers()
end

-- A long list of exams recording the sign, read again and again by a
-- loop of a few Lua instructions: the walk is charged to the budget.
probes.sign_reader_forever = function()
  local list = {}
  for i = 1, 20000 do list[i] = { tremor = false } end
  local case = { exam = list }
  local index_of = { [list] = nms.by_field(list) }
  local read = nms.sign_reader(false, fallback, {}, index_of, {}, fallback)
  while true do read(case, "tremor") end
end

probes.sign_reader_no_fallback = function() return true, nms.sign_reader(false, nil, {}, {}, {}, fallback) end
probes.sign_reader_no_judge = function() return true, nms.sign_reader(false, fallback, {}, {}, {}) end
probes.fact_reader_no_kept = function() return true, nms.fact_reader(fallback, nil) end

end
