-- A warning whose text would drive a terminal (summary, the REPL's notes).
return function()
  return { { path = "history", message = "warned\27[2J", kind = "kind\27]0;title\7" } }
end
