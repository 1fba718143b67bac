return {
  id = "set", title = "Set", version = "1", citation = "test only",
  kind = "groups",
  groups = { { id = "major", title = "Major" } },
  rule = { { need = { major = 1, minor = 2 } } },
  items = { { id = "a", group = "major", title = "A", needs = "x", check = function() return nil, "?" end } },
}
