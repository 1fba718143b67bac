-- lib/workup.lua - the search for another cause (case.workup).
--
-- Each work-up field is "negative", "positive" or "pending"; absent means
-- nobody recorded a result. "Negative for all of these" is true when every
-- one is negative, false as soon as one is positive, and unknown while any
-- is pending or unrecorded.

local fmt = require("lib.fmt")
local tri = require("lib.tri")

local W = {}

--- All of `fields` (e.g. {"infection", "toxic"}) negative, three-valued.
-- @usage workup.negative(case, { "infection", "toxic", "metabolic", "neurologic" })
function W.negative(case, fields)
  local w = case.workup or {}
  local yes, unknown, texts, open = 0, 0, {}, {}
  for _, f in ipairs(fields) do
    local r = w[f]
    texts[#texts + 1] = f .. " " .. (r or "not recorded")
    if r == "negative" then
      yes = yes + 1
    elseif r ~= "positive" then
      unknown = unknown + 1
      open[#open + 1] = f .. " (" .. (r or "not recorded") .. ")"
    end
  end
  local value = tri.at_least_count(#fields, yes, unknown)
  local evidence = "work-up: " .. fmt.list(texts)
  if value == nil then
    return tri.finding(nil, evidence, "work-up results for " .. fmt.list(open) .. " (case.workup)")
  end
  return tri.finding(value, evidence)
end

--- One work-up field found positive, three-valued: "positive" true,
-- "negative" false, "pending" or not recorded unknown.
-- @usage workup.positive(case, "infection")   -- another cause found
function W.positive(case, field)
  local r = (case.workup or {})[field]
  local text = field .. " work-up " .. (r or "not recorded") .. " (workup." .. field .. ")"
  if r == "positive" then return tri.finding(true, text) end
  if r == "negative" then return tri.finding(false, text) end
  return tri.finding(nil, text, "the " .. field .. " work-up result (workup." .. field .. ")")
end

return W
