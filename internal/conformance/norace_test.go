//go:build !race

package conformance

// raceEnabled: the test binary was built with -race.
const raceEnabled = false
