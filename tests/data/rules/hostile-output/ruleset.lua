-- A test ruleset whose 80 items each return 15,000 bytes of evidence:
-- under the 16 KiB limit per string, over the 1 MiB limit per case.
return { name = "test-hostile-output", version = "1.0", criteria = { "big" } }
