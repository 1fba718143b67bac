return { name = "bad-presupposes-dx", version = "1", criteria = { "set" }, differentials = { "dx" } }
