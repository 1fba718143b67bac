return { name = "test-syntax", version = "1.0", criteria = { "broken" } }
