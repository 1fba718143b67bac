local s = ("x"):rep(1000000)
table.move({1}, 1, 1 << 40, 2)
return s:upper():find(".-b") ~= nil, s:sub(1, 10)
