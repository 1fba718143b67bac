-- Item "spin" loops forever on history.exertion = true; otherwise it echoes
-- history.dehydration, so a case can also be evaluated normally.
return {
  id = "slow", title = "Slow test set", version = "1", citation = "test only",
  kind = "points",
  threshold = 10,
  items = {
    { id = "spin", title = "Spin", points = 10, needs = "history.exertion",
      check = function(case)
        if case.history.exertion then
          local n = 0
          while true do n = n + 1 end
        end
        return case.history.dehydration, "dehydration is " .. tostring(case.history.dehydration)
      end },
  },
}
