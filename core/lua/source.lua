-- source.lua - the rule files of a loaded ruleset and where things are
-- written in them, for lint.lua and describe.lua (run first by
-- core/lua/tools.c, which passes what it returns to them as ctx.source).
-- A table knows nothing of its file and line, so rows are found by what is
-- written: `id = "x"`, a row head `{ "x"`, a declaration `["x"] =`.

local ctx = ...
local files = {}       -- module name -> { path, text, lines = {...} }
local order = {}       -- module names, sorted

for name in pairs(ctx.loaded) do order[#order + 1] = name end
table.sort(order)
for _, name in ipairs(order) do
  local path = ctx.path(name)
  local text = ctx.read(path)
  if text then
    local lines = {}
    -- (plain finds: the sandbox's pattern guard refuses "(.-)\n" over a
    -- whole file, and this is the same split)
    local t, pos = text .. "\n", 1
    while true do
      local nl = t:find("\n", pos, true)
      if not nl then break end
      lines[#lines + 1] = t:sub(pos, nl - 1)
      pos = nl + 1
    end
    files[name] = { path = path, text = text, lines = lines }
  end
end

local by_path = {}      -- file path -> module name
for name, f in pairs(files) do by_path[f.path] = name end

local function esc(s) return (s:gsub("%W", "%%%0")) end

-- One pass over every line: where each string is first written as a row's
-- head `{ "x"`, as `id = "x"`, as a declaration `["x"] =`, and which
-- strings are read (written elsewhere) or start a built name (`"x" ..`).
local index = { head = {}, id = {}, decl = {}, named = {}, built = {} }
local function remember(t, key, path, line)
  local list = t[key] or {}
  if not list[path] then
    list[path] = line
    list[#list + 1] = { path = path, line = line }
  end
  t[key] = list
end

-- Where `str` is first written in index table t: in module `prefer`'s file
-- if it is there, else anywhere. Returns path, line or nil.
local function first(t, str, prefer)
  local list = t[str]
  if not list then return nil end
  local f = prefer and files[prefer]
  if f and list[f.path] then return f.path, list[f.path] end
  return list[1].path, list[1].line
end
for _, name in ipairs(order) do
  local f = files[name]
  for i, l in ipairs(f and f.lines or {}) do
    for before, str, after in l:gmatch('()["\']([^"\']+)["\']()') do
      local pre, rest = l:sub(before > 12 and before - 12 or 1, before - 1), l:sub(after, after + 8)
      if pre:find("{%s*$") then remember(index.head, str, f.path, i) end
      if pre:find("%f[%w_]id%s*=%s*$") then remember(index.id, str, f.path, i) end
      if rest:find("^%s*%]%s*=") and pre:find("%[%s*$") then
        remember(index.decl, str, f.path, i)
      else
        index.named[str] = true
      end
      if rest:find("^%s*%.%.") then index.built[str] = true end
    end
  end
end

-- The first line at or after `from` of module `name` matching `pattern`.
local function line_in(name, pattern, from)
  local f = files[name]
  if not f then return nil end
  for i = from or 1, #f.lines do
    if f.lines[i]:find(pattern) then return i end
  end
  return nil
end

-- Where `pattern` first matches: in module `prefer` after line `from`, else
-- in `prefer` anywhere, else in any module. Returns path, line.
local function locate(pattern, prefer, from)
  local line = prefer and (line_in(prefer, pattern, from) or line_in(prefer, pattern))
  if line then return files[prefer].path, line end
  for _, name in ipairs(order) do
    line = line_in(name, pattern)
    if line then return files[name].path, line end
  end
  return prefer and files[prefer] and files[prefer].path or ctx.dir, 0
end

-- The line where a table holding `id = "<id>"` (or the string "<id>") is
-- written; module and line, or nil.
local function row_line(prefer, id)
  local path, line = first(index.id, id, prefer)
  if not path then path, line = first(index.head, id, prefer) end
  if path then return path, line end
  return locate('["\']' .. esc(id) .. '["\']', prefer)
end

-- Every set of the manifest, in result order: { module, set, field }.
local sets = {}
local manifest = ctx.loaded["ruleset"]
for _, field in ipairs({ "criteria", "severity", "risk_factors", "differentials" }) do
  local v = manifest[field]
  if type(v) == "string" then v = { v } end
  for _, module in ipairs(type(v) == "table" and v or {}) do
    if type(ctx.loaded[module]) == "table" then
      sets[#sets + 1] = { module = module, set = ctx.loaded[module], field = field }
    end
  end
end

return {
  sets = sets, manifest = manifest,
  files = files, order = order, by_path = by_path, index = index,
  esc = esc, first = first, locate = locate, row_line = row_line,
}
