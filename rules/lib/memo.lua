-- lib/memo.lua - per-case memory for helpers that many sets call alike.
--
-- IEC 2011, DSM-IV-TR, Levenson, Caroff & Mann, the severity tier and
-- several differentials all ask "is SBP 25 % above baseline?" of the same
-- case. A helper wrapped here computes its finding once per case and
-- argument list and hands the same finding to every caller, so the answer
-- and its evidence are identical across sets and cost one computation.
--
-- The memory is the engine's (nms.memo, core/lua/memo.c): it keeps the
-- findings of the case it is evaluating and drops them when it starts the
-- next, so nothing carries over from one case to the next. Findings
-- handed out are shared: callers read them (tri.part copies), never
-- modify them.

local M = {}

--- `fn(case, ...)` remembered per case and arguments. `fn` must return
-- one value, take at most six arguments after the case, and depend on
-- nothing but its arguments and the parameters. Trailing nil arguments
-- count as absent. The memory is one table per case, each finding under a
-- short key that spells the function and its arguments: tables (value
-- sets) count by identity, which is what a module-level constant has;
-- strings, integers, floats and booleans by value (1 and 1.0 apart, 0.0
-- and -0.0 alike, as table keys).
-- @usage V.above_baseline = memo.wrap(V.above_baseline)
-- (The wrapper is the engine's, nms.memoize: a C function that calls
-- nms.memo without a Lua call in between.)
M.wrap = nms.memoize

--- memo.wrap for a `fn` whose answer holds no evidence text (an index, a
-- time, a list of courses): the same whether or not anyone reads the
-- evidence, so one answer serves the checks run quietly and the calls
-- that want evidence after them (the decided items asked again, the
-- actions). memo.wrap keeps the two apart, as a finding made quietly has
-- "" for its evidence (core/lua/memo.c).
-- @usage local largest_change = memo.wrap_plain(function(case, field, hours) ... end)
function M.wrap_plain(fn) return nms.memoize(fn, true) end

--- A table of `fn(key)` for keys the rules themselves name (field names,
-- units): each worked out the first time it is read and kept across
-- cases, so a text that depends on a constant is written once, not per
-- call. Bounded all the same: past `max` keys (default 256) the table
-- starts again empty. `fn` must depend on its key alone.
-- @usage local WORDS = memo.per_key(function(field) return (field:gsub("_", " ")) end)
function M.per_key(fn, max)
  max = max or 256
  local n = 0
  return setmetatable({}, { __index = function(kept, key)
    local value = fn(key)
    if n >= max then
      for k in pairs(kept) do kept[k] = nil end
      n = 0
    end
    kept[key], n = value, n + 1
    return value
  end })
end

return M
