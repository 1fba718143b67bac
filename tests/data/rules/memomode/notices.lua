local heard = require "heard"

-- One warning quoting the helper's evidence.
return function(case)
  return { { path = "history.agitation", message = "heard: " .. heard(case, "agitation").evidence } }
end
