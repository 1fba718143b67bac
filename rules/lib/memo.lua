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
local mtype = math.type

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

-- The subtree under argument `a` of `node`, made when missing.
local function child(node, a)
  local t, k = slot(node, a)
  local c = t[k]
  if c == nil then
    c = {}
    t[k] = c
  end
  return c
end

--- `fn(case, ...)` remembered per case and arguments. `fn` must return
-- one value, take at most six arguments after the case, and depend on
-- nothing but its arguments and the parameters. Trailing nil arguments
-- count as absent. The memory is a tree per number of arguments with one
-- level per argument, the finding stored under the last one, so a call
-- builds no key: tables (value sets) count by identity, which is what a
-- module-level constant has; strings, integers, floats and booleans by
-- value.
-- @usage V.above_baseline = memo.wrap(V.above_baseline)
function M.wrap(fn)
  return function(case, a1, a2, a3, a4, a5, a6, ...)
    if (...) ~= nil then error("memo.wrap: at most six arguments after the case", 2) end
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
    local n = a6 ~= nil and 6 or a5 ~= nil and 5 or a4 ~= nil and 4 or a3 ~= nil and 3
      or a2 ~= nil and 2 or a1 ~= nil and 1 or 0
    local node = roots[n]
    if node == nil then
      node = {}
      roots[n] = node
    end
    local key = case   -- no arguments: the finding sits under the case itself
    if n == 1 then node, key = slot(node, a1)
    elseif n == 2 then node, key = slot(child(node, a1), a2)
    elseif n == 3 then node, key = slot(child(child(node, a1), a2), a3)
    elseif n == 4 then node, key = slot(child(child(child(node, a1), a2), a3), a4)
    elseif n == 5 then node, key = slot(child(child(child(child(node, a1), a2), a3), a4), a5)
    elseif n == 6 then node, key = slot(child(child(child(child(child(node, a1), a2), a3), a4), a5), a6) end
    local hit = node[key]
    if hit == nil then
      hit = fn(case, a1, a2, a3, a4, a5, a6)
      node[key] = hit
    end
    return hit
  end
end

return M
