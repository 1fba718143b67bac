return {
  id = "nocheck", title = "No check", version = "1", citation = "test",
  kind = "points", threshold = 1,
  items = { { id = "x", title = "X", points = 1, needs = "nothing", check = "yes" } },
}
