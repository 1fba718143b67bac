local heard = require "heard"

-- Two remembered helpers that answer a new table per call, one of them
-- plain (nms.memoize(fn, true): an answer without evidence text, kept for
-- both evidence levels). Whether a call wanting evidence is handed the
-- table made quietly tells whether the quiet answer served it.
local made_quietly = setmetatable({}, { __mode = "k" })
local function fresh()
  local t = {}
  if not nms.evidence() then made_quietly[t] = true end
  return t
end
local plain = nms.memoize(function() return fresh() end, true)
local moded = nms.memoize(function() return fresh() end)
local function which(f)
  return function(case)
    return true, made_quietly[f(case)] and "the quiet answer" or "an answer of its own"
  end
end

return {
  id = "seen", title = "Seen", version = "1", citation = "test only",
  kind = "points", threshold = 1,
  items = {
    { id = "a", points = 1, title = "A", needs = "history.agitation",
      check = function(case)
        local f = heard(case, "agitation")
        return f.value, f.evidence
      end },
    { id = "plain", points = 1, title = "Plain", needs = "nothing", check = which(plain) },
    { id = "moded", points = 1, title = "Moded", needs = "nothing", check = which(moded) },
  },
}
