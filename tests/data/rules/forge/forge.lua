local hostile = "bad:\255\192\175 surrogate:\237\160\128 esc:\27[2J\27]0;title\7"
  .. " csi:\194\15531m del:\127" .. " bidi:\226\128\174dem"

return {
  id = "forge", title = "Forge", version = "1", citation = "test only",
  kind = "points", threshold = 10,
  items = {
    { id = "a", title = "A", points = 10, needs = "history.prior_nms",
      check = function(case)
        return true, "id=" .. tostring(case.id) .. " " .. hostile
      end },
    -- A NUL must not cut the evidence short where the engine copies it.
    { id = "b", title = "B", points = 1, needs = "history.prior_nms",
      check = function() return true, "before\0after the NUL" end },
    -- A chunk named like a rule file must not fake the place of its error.
    { id = "c", title = "C", points = 1, needs = "history.prior_nms",
      check = function(case)
        if case.history.prior_nms then
          load("error('forged')", "@rules/criteria/iec2011.lua")()
        end
        return false, "not forging"
      end },
  },
}
