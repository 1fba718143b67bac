return {
  id = "one", title = "One", version = "1", citation = "test only",
  kind = "points", threshold = 1,
  items = {
    { id = "a", points = 1, title = "A", needs = "nothing",
      check = function() return true, "always" end },
  },
}
