-- oracle.lua - the Lua versions of the helpers the engine now runs in C,
-- as rules/lib had them before (fmt.num without its cache, fmt.join,
-- fmt.list, fmt.each, tri's combine
-- counting, tri.tally, tri.part, tri.evaluate, tri.answer, tri.count_value;
-- lib/vitals.lua's readings filter, largest change in a window, extreme
-- and earliest readings; lib/exam.lua's exams by field): what the C
-- versions must answer, byte for byte, on every input rules/lib can give.
local O = {}

function O.num(x, decimals)
  decimals = decimals or 2
  local s = string.format("%." .. decimals .. "f", x)
  if s:find("%.") then s = s:gsub("0+$", ""):gsub("%.$", "") end
  if s == "-0" then s = "0" end
  return s
end

function O.join(texts, sep)
  local max, count, general = 0, 0, false
  for k in pairs(texts) do
    if type(k) == "number" then
      count = count + 1
      if math.type(k) ~= "integer" or k < 1 then general = true
      elseif k > max then max = k end
    end
  end
  local out, n = {}, 0
  if general or max > 2 * count + 8 then
    local keys = {}
    for k, t in pairs(texts) do
      if type(k) == "number" and type(t) == "string" and t ~= "" then keys[#keys + 1] = k end
    end
    table.sort(keys)
    for i, k in ipairs(keys) do out[i] = texts[k] end
  else
    for i = 1, max do
      local t = texts[i]
      if type(t) == "string" and t ~= "" then
        n = n + 1
        out[n] = t
      end
    end
  end
  return table.concat(out, sep or "; ")
end

function O.list(texts, max, conj)
  conj = conj or "and"
  local n = #texts
  local shown = {}
  local limit = (max and n > max) and max or n
  for i = 1, limit do shown[i] = texts[i] end
  if limit < n then
    return table.concat(shown, ", ") .. " " .. conj .. " " .. (n - limit) .. " more"
  end
  if n <= 1 then return shown[1] or "" end
  return table.concat(shown, ", ", 1, n - 1) .. " " .. conj .. " " .. shown[n]
end

local function at_least_count(k, yes, unknown)
  if yes >= k then return true end
  if yes + unknown < k then return false end
  return nil
end

function O.each(items, describe, max)
  local texts = {}
  for i = 1, math.min(#items, max) do texts[i] = describe(items[i]) end
  if #items > max then
    return table.concat(texts, ", ") .. " and " .. (#items - max) .. " more"
  end
  return O.list(texts)
end

function O.describe_parts(parts)
  local lines = {}
  for i, p in ipairs(parts) do
    local word = p.value == true and "yes" or p.value == false and "no" or "unknown"
    lines[i] = p.label .. ": " .. word .. ", " .. p.evidence
  end
  return table.concat(lines, "; ")
end

function O.at_least(k, parts)
  local yes, unknown, missing = 0, 0, {}
  for _, p in ipairs(parts) do
    if p.value == true then yes = yes + 1 end
    if p.value == nil then
      unknown = unknown + 1
      missing[#missing + 1] = p.missing or p.label
    end
  end
  local value = at_least_count(k, yes, unknown)
  return value, yes, unknown, value == nil and O.join(missing) or nil
end

function O.tally(list, judge)
  local t = { yes = {}, no = {}, unknown = {}, judged = 0 }
  for _, e in ipairs(list) do
    local v, bears = judge(e)
    if bears then
      local bucket = v == true and t.yes or v == false and t.no or t.unknown
      bucket[#bucket + 1] = e
      t.judged = t.judged + 1
    end
  end
  return t
end

function O.part(label, f)
  return { label = label, value = f.value, evidence = f.evidence, missing = f.missing }
end

function O.evaluate(parts, case)
  local out = {}
  for i, p in ipairs(parts) do out[i] = O.part(p[1], p[2](case)) end
  return out
end

function O.answer(f)
  if f.value == nil then return nil, f.evidence, f.missing end
  return f.value, f.evidence
end

-- key_of of lib/drugs.lua before nms.name_key, for a name of plain words:
-- its lower case and number of words; nil for any other name (lib/drugs.lua
-- then segments it).
function O.name_key(name, separators)
  if type(name) ~= "string" then return nil end
  local plain = name:lower()
  if plain:find("^[%l%d]+$") and not separators[plain] then return plain, 1 end
  if plain:find("^[%l%d]+ [%l%d ]*[%l%d]$") and not plain:find("  ", 1, true) then
    local n = 0
    for w in plain:gmatch("%S+") do
      if separators[w] then return nil end
      n = n + 1
    end
    return plain, n
  end
  return nil
end

-- tri.count_value as lib/tri.lua had it before nms.count_value.
function O.count_value(k, list, judge, a, b)
  local judged, yes, unknown = 0, 0, 0
  for i = 1, math.huge do   -- as the tally, to the first nil
    local e = list[i]
    if e == nil then break end
    local v = judge(e, a, b)
    if v ~= nil then
      judged = judged + 1
      if v == true then yes = yes + 1 elseif v ~= false then unknown = unknown + 1 end
    end
  end
  if judged == 0 then return nil, 0, 0, 0 end
  return at_least_count(k, yes, unknown), judged, yes, unknown
end

-- The loop of vitals.readings before nms.with_field: `all` itself when
-- every entry has `field`, else a new list of those that do.
function O.with_field(all, field)
  local out = all
  for i = 1, math.huge do   -- as ipairs, without its call per entry
    local e = all[i]
    if e == nil then break end
    if e[field] == nil then
      out = {}
      for j = 1, i - 1 do out[j] = all[j] end
      for j = i + 1, math.huge do
        local r = all[j]
        if r == nil then break end
        if r[field] ~= nil then out[#out + 1] = r end
      end
      break
    end
  end
  return out
end

-- vitals' largest change in a window before nms.largest_change (its
-- queues' lists reused from call to call, as there), returning range, a,
-- z instead of the table made of them.
local HI, LO, REUSED = {}, {}, 64
local FEW = 12
function O.largest_change(rs, field, hours)
  local n = 0
  while rs[n + 1] ~= nil and rs[n + 1].t ~= nil do n = n + 1 end
  if n <= FEW then
    local left, range, a, z = 1, nil, nil, nil
    for j = 1, n do
      local t = rs[j].t
      while t - rs[left].t > hours do left = left + 1 end
      if j > left then
        local x, y = rs[left], rs[left]
        local xv, yv = x[field], x[field]
        for i = left + 1, j do
          local r = rs[i]
          local v = r[field]
          if v >= xv then x, xv = r, v end
          if v <= yv then y, yv = r, v end
        end
        local d = xv - yv
        if range == nil or d > range then range, a, z = d, x, y end
      end
    end
    if range ~= nil then return range, a, z end
    return
  end
  local left, hi, hi_h, hi_t, lo, lo_h, lo_t = 1, HI, 1, 0, LO, 1, 0
  if n > REUSED then hi, lo = {}, {} end
  local range, a, z
  for j = 1, n do
    local e = rs[j]
    local t, v = e.t, e[field]
    while t - rs[left].t > hours do left = left + 1 end
    while hi_t >= hi_h and rs[hi[hi_t]][field] <= v do hi_t = hi_t - 1 end
    while lo_t >= lo_h and rs[lo[lo_t]][field] >= v do lo_t = lo_t - 1 end
    hi_t = hi_t + 1; hi[hi_t] = j
    lo_t = lo_t + 1; lo[lo_t] = j
    while hi[hi_h] < left do hi_h = hi_h + 1 end
    while lo[lo_h] < left do lo_h = lo_h + 1 end
    if j > left then
      local x, y = rs[hi[hi_h]], rs[lo[lo_h]]
      local d = x[field] - y[field]
      if range == nil or d > range then range, a, z = d, x, y end
    end
  end
  if range ~= nil then return range, a, z end
end

-- vitals' reading furthest from a baseline before nms.extreme.
function O.extreme(rs, field, entry, lowest)
  local best, extreme = nil, nil
  for i = 1, math.huge do
    local e = rs[i]
    if e == nil then break end
    local v = e[field]
    if e ~= entry and (best == nil or (lowest and v < extreme) or (not lowest and v > extreme)) then
      best, extreme = e, v
    end
  end
  return best
end

-- vitals.any_above's walk without evidence before nms.first_beyond.
function O.first_beyond(rs, field, limit, at_least)
  for _, e in ipairs(rs) do
    local v = e[field]
    if v > limit or (at_least and v == limit) then return e end
  end
  return nil
end

-- vitals' baseline reading (the earliest before t0) before nms.earliest.
function O.earliest(rs, t0)
  local e = nil
  for i = 1, math.huge do
    local r = rs[i]
    if r == nil then break end
    local t = r.t
    if t ~= nil and t < t0 and (e == nil or t < e.t) then e = r end
  end
  return e
end

-- lib/exam.lua's exams by the fields they record, before nms.by_field.
function O.by_field(entries)
  local by = {}
  for i = 1, math.huge do
    local e = entries[i]
    if e == nil then break end
    for k in pairs(e) do
      local list = by[k]
      if list == nil then
        list = {}
        by[k] = list
      end
      list[#list + 1] = e
    end
  end
  return by
end

return O
