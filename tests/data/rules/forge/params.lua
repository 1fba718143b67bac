-- A parameter whose name, unit, doc and source would drive a terminal.
local esc = "\27[2J\27]0;title\7 bidi:\226\128\174"
return {
  ["forge.limit" .. esc] = { value = 1, unit = "u" .. esc, doc = "doc" .. esc,
                             source = "src" .. esc },
}
