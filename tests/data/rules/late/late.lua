return {
  id = "late", title = "Late", version = "1", citation = "test only",
  kind = "points", threshold = 1,
  items = {
    { id = "first", title = "First", points = 1, needs = "nothing",
      check = function() return true, "one" end },
    { id = "second", title = "Second", points = 1, needs = "nothing",
      check = function() return false, "two" end },
    { id = "third", title = "Third", points = 1, needs = "nothing",
      check = function(case)
        if (case.history or {}).agitation then error("late failure") end
        return nil, "three"
      end },
  },
}
