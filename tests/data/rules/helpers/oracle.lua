-- oracle.lua - the Lua versions of the helpers the engine now runs in C,
-- as rules/lib had them before (fmt.num without its cache, fmt.join,
-- fmt.list, fmt.each, tri's combine
-- counting, tri.tally, tri.part, tri.evaluate, tri.answer): what the C
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

return O
