-- set(id, required): a points set with one item (history.prior_nms, 1
-- point, threshold 1) presupposing history.exertion.
local function flag(name)
  return function(case) return case.history[name], "history." .. name .. " is " .. tostring(case.history[name]) end
end
return function(id, required)
  return {
    id = id, title = id, version = "1", citation = "test only",
    kind = "points", threshold = 1,
    presupposes = { id = "exertion", title = "Exertion", needs = "history.exertion",
      required = required, check = flag("exertion") },
    items = {
      { id = "a", points = 1, title = "A", needs = "history.prior_nms", check = flag("prior_nms") },
    },
  }
end
