-- A test ruleset whose one item never finishes when history.exertion is
-- true: it lets tests interrupt a running evaluation (Ctrl-C in the REPL).
return { name = "test-slow", version = "1.0", criteria = { "slow" } }
