-- lib/params.lua - reads the ruleset's documented parameters (rules/params.lua).
--
-- Every value a source leaves open lives in params.lua with its doc and
-- source; rules read it through this module, never as a literal. The engine
-- has already applied --param overrides to the `.value` fields when criteria
-- modules load. A misspelt name is an error at load time, never a silent
-- nil. Overrides given on the command line arrive as numbers, booleans or
-- strings, so the typed readers below also accept a list written as
-- "a,b,c" and report a value of the wrong type by name.

local params = require("params")

local P = {}

--- The parameter table `{value, unit, doc, source}` called `name`.
-- @raise "unknown parameter 'x'" when params.lua does not declare it
local function entry(name)
  local p = params[name]
  if type(p) ~= "table" then
    error(("unknown parameter '%s' (declare it in rules/params/*.lua)"):format(tostring(name)), 3)
  end
  return p
end

local function wrong(name, want, value)
  error(("parameter '%s' must be %s, got %s '%s'"):format(
    name, want, type(value), tostring(value)), 3)
end

--- The value of parameter `name`, whatever its type.
-- @usage local threshold = P("iec2011.threshold")
function P.get(name)
  return entry(name).value
end

--- The value of parameter `name`, which must be a number.
function P.number(name)
  local v = entry(name).value
  if type(v) ~= "number" then wrong(name, "a number", v) end
  return v
end

--- The value of parameter `name`, which must be true or false.
function P.boolean(name)
  local v = entry(name).value
  if type(v) ~= "boolean" then wrong(name, "true or false", v) end
  return v
end

--- The value of parameter `name`, a string that must be one of `allowed`.
-- @usage P.choice("temperature.other_sites", { "unknown", "ignore", "count" })
function P.choice(name, allowed)
  local v = entry(name).value
  for _, a in ipairs(allowed) do
    if v == a then return v end
  end
  wrong(name, "one of " .. table.concat(allowed, ", "), v)
end

--- The value of parameter `name` as a list of strings; a string override
-- such as "oral,core" is split at commas.
function P.list(name)
  local v = entry(name).value
  if type(v) == "string" then
    local out = {}
    for part in v:gmatch("[^,]+") do
      local s = part:match("^%s*(.-)%s*$")
      if s ~= "" then out[#out + 1] = s end
    end
    return out
  end
  if type(v) ~= "table" then wrong(name, "a list of strings", v) end
  return v
end

--- The value of parameter `name` as a set: `{ [string] = true }`.
function P.set(name)
  local out = {}
  for _, s in ipairs(P.list(name)) do out[s] = true end
  return out
end

--- The number of parameter `name`, or nil when it is set to false
-- (meaning "no default"): used for optional defaults such as ck.uln_default.
function P.optional_number(name)
  local v = entry(name).value
  if v == false then return nil end
  if type(v) ~= "number" then wrong(name, "a number or false", v) end
  return v
end

return setmetatable(P, {
  __call = function(_, name) return P.get(name) end,
})
