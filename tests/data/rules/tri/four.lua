local params = require "params"

-- Item whose value is history.<name> (true, false or nil when absent).
local function flag(name)
  return function(case)
    local value = case.history[name]
    return value, "history." .. name .. " is " .. tostring(value)
  end
end

return {
  id = "four", title = "Four flags", version = "1", citation = "test only",
  kind = "points",
  threshold = params["four.threshold"].value,
  items = {
    { id = "a", title = "A", points = 10, needs = "history.prior_nms", check = flag("prior_nms") },
    { id = "b", title = "B", points = 20, needs = "history.dehydration", check = flag("dehydration") },
    { id = "c", title = "C", points = 30, needs = "history.agitation", check = flag("agitation") },
    { id = "d", title = "D", points = 40, needs = "history.catatonia",
      check = function(case)
        local value = case.history.catatonia
        if value == nil then
          return nil, "catatonia not recorded", "a catatonia assessment"
        end
        return value, "catatonia " .. tostring(value)
      end },
  },
}
