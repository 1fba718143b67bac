-- params/differential.lua - parameters of the differential rules (see params.lua).

return {
}
