-- lib/memo.lua - per-case memory for helpers that many sets call alike.
--
-- IEC 2011, DSM-IV-TR, Levenson, Caroff & Mann, the severity tier and
-- several differentials all ask "is SBP 25 % above baseline?" of the same
-- case. A helper wrapped here computes its finding once per case and
-- argument list and hands the same finding to every caller, so the answer
-- and its evidence are identical across sets and cost one computation.
--
-- The memory is keyed by the case table, which the engine builds fresh for
-- every case, and holds it weakly: nothing carries over to the next case,
-- and a finished case's entries go with it at the next garbage collection.
-- Findings handed out are shared: callers read them (tri.part copies),
-- never modify them.

local M = {}

local by_case = setmetatable({}, { __mode = "k" })

-- The key of an argument list: its values as text, joined. Tables (value
-- sets) count by identity, which is what a module-level constant has.
local function key_of(n, ...)
  local parts = {}
  for i = 1, n do parts[i] = tostring((select(i, ...))) end
  return table.concat(parts, "\0")
end

--- `fn(case, ...)` remembered per case and arguments. `fn` must return
-- one value and depend on nothing but its arguments and the parameters.
-- @usage V.above_baseline = memo.wrap(V.above_baseline)
function M.wrap(fn)
  return function(case, ...)
    local per_case = by_case[case]
    if per_case == nil then
      per_case = {}
      by_case[case] = per_case
    end
    local mine = per_case[fn]
    if mine == nil then
      mine = {}
      per_case[fn] = mine
    end
    local key = key_of(select("#", ...), ...)
    local hit = mine[key]
    if hit == nil then
      hit = fn(case, ...)
      mine[key] = hit
    end
    return hit
  end
end

return M
