local hostile = "bad:\255\192\175 surrogate:\237\160\128 esc:\27[2J\27]0;title\7"
  .. " csi:\194\15531m del:\127"

return {
  id = "forge", title = "Forge", version = "1", citation = "test only",
  kind = "points", threshold = 10,
  items = {
    { id = "a", title = "A", points = 10, needs = "history.prior_nms",
      check = function(case)
        return true, "id=" .. tostring(case.id) .. " " .. hostile
      end },
  },
}
