-- params/severity.lua - parameters of the severity rules (see params.lua).

return {
}
