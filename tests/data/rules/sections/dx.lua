local flag = require "flag"
return {
  id = "dx", title = "A differential", version = "1", citation = "test only",
  kind = "groups", screen = true,
  groups = { { id = "features", title = "Features" } },
  rule = { { need = { features = 1 } } },
  distinguishing = { { text = "onset in hours", source = "test" } },
  overlap = "Treat both.",
  items = {
    { id = "exertion", group = "features", title = "Exertion", needs = "history.exertion",
      check = flag("history", "exertion") },
  },
}
