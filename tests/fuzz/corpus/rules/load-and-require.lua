local f = load("return require('body')")
local ok, err = pcall(f)
return ok, tostring(err) .. utf8.char(0x41, 0x10FFFF)
