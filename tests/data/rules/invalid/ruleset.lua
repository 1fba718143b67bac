return { name = "test-invalid", version = "1.0", criteria = { "nocheck" } }
