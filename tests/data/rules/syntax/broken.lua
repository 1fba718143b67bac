-- A criteria file with a syntax error on line 5.
return {
  id = "broken", title = "Broken", version = "1", citation = "test",
  kind = "points", threshold = 1,
  items = { { id = "x", check = function(case) if case then return true end },
}
