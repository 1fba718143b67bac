return { name = "bad-kind", version = "1", criteria = { "set" } }
