-- A test ruleset whose one item misbehaves in the way the case id names,
-- so the sandbox tests can check each attack is stopped for that case only.
return { name = "test-hostile", version = "1.0", criteria = { "attacks" } }
