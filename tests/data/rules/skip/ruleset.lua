-- A test ruleset for nms_engine_set_items: one groups set whose second
-- item's check is broken and whose third is tagged exposure. With
-- NMS_ITEMS_NEEDED they are asked only when the first item leaves the
-- verdict open (tests/test_items.c, tests/cli/items.sh).
return {
  name = "test-skip",
  version = "1.0",
  criteria = { "gate" },
}
