return {
  ["four.threshold"] = { value = 50, unit = "points", doc = "test threshold" },
}
