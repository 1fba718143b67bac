return {
  id = "set", title = "Set", version = "1", citation = "test only",
  kind = "checklist",
  items = { { id = "a", title = "A", needs = "x", source = "s", check = function() return nil, "?" end } },
}
