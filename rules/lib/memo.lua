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

-- Keys of the per-argument tree that no argument can be: a nil argument,
-- and the subtree of float arguments (tostring tells 25 from 25.0 and so
-- does the evidence, "25 %" vs "25.0 %", but a table key does not).
local NIL, FLOAT = {}, {}
local select, mtype = select, math.type

-- The table and key where argument `a` is found under `node`.
local function slot(node, a)
  if a == nil then return node, NIL end
  if mtype(a) == "float" then
    local floats = node[FLOAT]
    if floats == nil then
      floats = {}
      node[FLOAT] = floats
    end
    return floats, a
  end
  return node, a
end

--- `fn(case, ...)` remembered per case and arguments. `fn` must return
-- one value and depend on nothing but its arguments and the parameters.
-- The memory is a tree per number of arguments with one level per
-- argument, the finding stored under the last one, so a call builds no
-- key: tables (value sets) count by identity, which is what a
-- module-level constant has; strings, integers, floats and booleans by
-- value.
-- @usage V.above_baseline = memo.wrap(V.above_baseline)
function M.wrap(fn)
  return function(case, ...)
    local per_case = by_case[case]
    if per_case == nil then
      per_case = {}
      by_case[case] = per_case
    end
    local roots = per_case[fn]
    if roots == nil then
      roots = {}
      per_case[fn] = roots
    end
    local n = select("#", ...)
    local node = roots[n]
    if node == nil then
      node = {}
      roots[n] = node
    end
    local key = case   -- no arguments: the finding sits under the case itself
    for i = 1, n do
      if i > 1 then
        local next_node = node[key]
        if next_node == nil then
          next_node = {}
          node[key] = next_node
        end
        node = next_node
      end
      node, key = slot(node, (select(i, ...)))
    end
    local hit = node[key]
    if hit == nil then
      hit = fn(case, ...)
      node[key] = hit
    end
    return hit
  end
end

return M
