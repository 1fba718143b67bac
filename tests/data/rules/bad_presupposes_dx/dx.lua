return {
  id = "dx", title = "Dx", version = "1", citation = "test only", kind = "groups",
  groups = { { id = "g", title = "G" } }, rule = { { need = { g = 1 } } },
  presupposes = { id = "x", title = "X", needs = "x", check = function() return nil, "?" end },
  items = { { id = "a", group = "g", title = "A", needs = "x", source = "s", check = function() return nil, "?" end } },
}
