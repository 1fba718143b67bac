local items = {}
for i = 1, 80 do
  items[i] = { id = "item_" .. i, title = "Item " .. i, points = 1, needs = "nothing",
               check = function() return true, ("x"):rep(15000) end }
end
return {
  id = "big", title = "Big evidence", version = "1", citation = "test only",
  kind = "points", threshold = 1, items = items,
}
