-- Not a drug list: names that the REPL's completion copies out of the
-- sandbox into C memory, outside the memory cap (core/lua/names.c). One
-- long name listed thousands of times is little Lua memory and was as
-- many copies in C; none longer than 128 bytes is kept.
local long = ("x"):rep(4096)
local brands = {}
for i = 1, 5000 do brands[i] = long end
return {
  drugs = {
    { "haloperidol", brands = brands,
      also = { ("y"):rep(129), ("z"):rep(128) } },
  },
}
