-- run_lib.lua - the parts of `nmsrules run`'s nms module written in Lua
-- (compiled into the program by run.c): tallies, cross-tabulations,
-- quantiles, and text-only loading. `nms` is the module table.
local nms = ...

-- Scripts load Lua text only: precompiled chunks can break the VM.
local raw_load, raw_loadfile = load, loadfile
load = function(chunk, name, _, env) return raw_load(chunk, name, "t", env) end
loadfile = function(file, _, env) return raw_loadfile(file, "t", env) end
dofile = function(file)
  local f = assert(loadfile(file))
  return f()
end

local function key_of(k)
  if k == nil then return "(none)" end
  return tostring(k)
end

-- Keys by count (highest first), then by name, so output is stable.
local function by_count(counts)
  local keys = {}
  for k in pairs(counts) do keys[#keys + 1] = k end
  table.sort(keys, function(a, b)
    if counts[a] ~= counts[b] then return counts[a] > counts[b] end
    return a < b
  end)
  return keys
end

--- nms.tally(): counts by key. t:add(key [, n]); t:get(key); t.total;
-- t:sorted() -> {{key, count}, ...} most frequent first; t:print(title).
local Tally = {}
Tally.__index = Tally

function nms.tally()
  return setmetatable({ counts = {}, total = 0 }, Tally)
end

function Tally:add(key, n)
  key, n = key_of(key), n or 1
  self.counts[key] = (self.counts[key] or 0) + n
  self.total = self.total + n
  return self
end

function Tally:get(key) return self.counts[key_of(key)] or 0 end

function Tally:sorted()
  local out = {}
  for i, k in ipairs(by_count(self.counts)) do out[i] = { k, self.counts[k] } end
  return out
end

function Tally:print(title)
  if title then print(title) end
  local width = 4
  for k in pairs(self.counts) do width = math.max(width, #k) end
  for _, kv in ipairs(self:sorted()) do
    print(string.format("  %-" .. width .. "s %6d %5.1f %%", kv[1], kv[2],
                        100 * kv[2] / self.total))
  end
end

--- nms.crosstab(): counts by (row, column). x:add(row, col [, n]);
-- x:get(row, col); x:rows(); x:cols() (sorted); x:print(title).
local Cross = {}
Cross.__index = Cross

function nms.crosstab()
  return setmetatable({ cells = {}, rowset = {}, colset = {} }, Cross)
end

function Cross:add(row, col, n)
  row, col = key_of(row), key_of(col)
  local r = self.cells[row] or {}
  self.cells[row] = r
  r[col] = (r[col] or 0) + (n or 1)
  self.rowset[row], self.colset[col] = true, true
  return self
end

function Cross:get(row, col)
  local r = self.cells[key_of(row)]
  return r and r[key_of(col)] or 0
end

local function sorted_keys(set)
  local out = {}
  for k in pairs(set) do out[#out + 1] = k end
  table.sort(out)
  return out
end

function Cross:rows() return sorted_keys(self.rowset) end
function Cross:cols() return sorted_keys(self.colset) end

function Cross:print(title)
  if title then print(title) end
  local rows, cols = self:rows(), self:cols()
  local width = 4
  for _, r in ipairs(rows) do width = math.max(width, #r) end
  local line = { string.format("  %-" .. width .. "s", "") }
  local cw = {}
  for i, c in ipairs(cols) do
    cw[i] = math.max(8, #c)
    line[#line + 1] = string.format(" %" .. cw[i] .. "s", c)
  end
  print(table.concat(line))
  for _, r in ipairs(rows) do
    line = { string.format("  %-" .. width .. "s", r) }
    for i, c in ipairs(cols) do
      line[#line + 1] = string.format(" %" .. cw[i] .. "d", self:get(r, c))
    end
    print(table.concat(line))
  end
end

--- nms.quantile(list, q): the q-quantile (0..1) of the numbers in list,
-- interpolated as R's type 7 (numpy's default); nil for an empty list.
function nms.quantile(list, q)
  local v = {}
  for i, x in ipairs(list) do v[i] = x end
  if #v == 0 then return nil end
  table.sort(v)
  local h = (#v - 1) * q + 1
  local lo = math.floor(h)
  if lo >= #v then return v[#v] end
  return v[lo] + (h - lo) * (v[lo + 1] - v[lo])
end

function nms.median(list) return nms.quantile(list, 0.5) end
