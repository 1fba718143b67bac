return { name = "bad-need", version = "1", criteria = { "set" } }
