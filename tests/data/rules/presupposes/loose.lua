return require("set")("loose", false)
