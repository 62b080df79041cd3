package printer

import (
	"io"
	"testing"
)

// BenchmarkRenderTable renders the first DefaultMaxRows of a 10,000-row
// result: the cap keeps a large search cheap to print.
func BenchmarkRenderTable(b *testing.B) {
	t := bigTable(10000, 0)
	for b.Loop() {
		if err := RenderTable(io.Discard, t, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
