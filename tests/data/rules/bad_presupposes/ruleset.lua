return { name = "bad-presupposes", version = "1", criteria = { "set" } }
