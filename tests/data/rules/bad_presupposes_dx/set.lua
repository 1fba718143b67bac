return {
  id = "set", title = "Set", version = "1", citation = "test only", kind = "points", threshold = 1,
  items = { { id = "a", points = 1, title = "A", needs = "x", check = function() return nil, "?" end } },
}
