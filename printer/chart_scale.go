package printer

import (
	"math"
	"strings"
)

// scale maps values to bars in a fixed room of cells. With negative values
// the room is neg cells left of the axis and pos cells right of it, split in
// proportion to the largest magnitude on each side; without, all of it is
// positive and there is no axis.
type scale struct {
	neg, pos       int     // cells on each side of the axis
	maxNeg, maxPos float64 // magnitudes that fill each side
	axis           bool
}

// newScale fits the finite values into room cells (at least one per side).
func newScale(values []float64, room int) scale {
	var s scale
	for _, v := range values {
		if isFinite(v) {
			s.maxNeg = max(s.maxNeg, -v)
			s.maxPos = max(s.maxPos, v)
		}
	}
	s.axis = s.maxNeg > 0
	if !s.axis {
		s.pos = max(room, 1)
		return s
	}
	room = max(room-1, 2)
	s.neg = clamp(int(math.Round(float64(room)*s.maxNeg/(s.maxNeg+s.maxPos))), 1, room-1)
	s.pos = room - s.neg
	return s
}

// bar draws v: blocks right of the axis for positives, left for negatives,
// padded so every bar takes the same width.
func (s scale) bar(v float64) string {
	left, right := 0, 0
	switch {
	case !isFinite(v) || v == 0:
	case v > 0:
		right = cells(v, s.maxPos, s.pos)
	default:
		left = cells(-v, s.maxNeg, s.neg)
	}
	bar := strings.Repeat(barGlyph, right) + strings.Repeat(" ", s.pos-right)
	if !s.axis {
		return bar
	}
	return strings.Repeat(" ", s.neg-left) + strings.Repeat(barGlyph, left) + axisGlyph + bar
}

// cells is how many of room cells the magnitude v gets out of full: at
// least one, since a non-zero value should not look like zero.
func cells(v, full float64, room int) int {
	return clamp(int(math.Round(v/full*float64(room))), 1, room)
}
