local calls = 0

return {
  id = "flip", title = "Flip", version = "1", citation = "test only",
  kind = "points", threshold = 1,
  items = {
    { id = "flip", title = "Flip", points = 1, needs = "nothing",
      check = function()
        calls = calls + 1
        return calls % 2 == 1, "call " .. calls
      end },
  },
}
