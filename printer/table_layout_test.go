package printer

import (
	"bytes"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

func TestShare(t *testing.T) {
	tests := []struct {
		name             string
		natural, minimum []int
		width            int
		want             []int
	}{
		{"all natural", []int{2, 10, 5}, []int{2, 10, 5}, 100, []int{2, 10, 5}},
		{"water-fill the wide", []int{2, 40, 40}, []int{2, 10, 10}, 40, []int{2, 14, 14}},
		{"narrow kept whole", []int{3, 50, 6}, []int{3, 10, 6}, 40, []int{3, 21, 6}},
		{"leftover to the left", []int{2, 40, 40}, []int{2, 10, 10}, 41, []int{2, 15, 14}},
		{"drop trailing", []int{2, 30, 30, 30}, []int{2, 10, 10, 10}, 30, []int{2, 21}},
		{"first always kept", []int{50}, []int{50}, 20, []int{16}},
		{"minimum beats natural order", []int{2, 12, 12}, []int{2, 12, 12}, 30, []int{2, 12}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := share(tt.natural, tt.minimum, tt.width)
			if !slices.Equal(got, tt.want) {
				t.Errorf("share(%v, %v, %d) = %v, want %v", tt.natural, tt.minimum, tt.width, got, tt.want)
			}
			if used := sum(got) + borderCost(len(got)); used > tt.width {
				t.Errorf("uses %d cells, want at most %d", used, tt.width)
			}
		})
	}
}

func TestResolveAlign(t *testing.T) {
	rows := [][]string{{"1", "x", "1,250.50", Null}, {"22", "y", Null, ""}}
	tests := []struct {
		name  string
		align Align
		col   int
		want  string
	}{
		{"auto number", AlignAuto, 0, "right"},
		{"auto text", AlignAuto, 1, "left"},
		{"thousands and NULL", AlignAuto, 2, "right"},
		{"only NULL is text", AlignAuto, 3, "left"},
		{"forced left", AlignLeft, 0, "left"},
		{"forced right", AlignRight, 1, "right"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := string(resolveAlign(tt.align, rows, tt.col)); got != tt.want {
				t.Errorf("got %s, want %s", got, tt.want)
			}
		})
	}
}

func TestRenderTableRaggedRows(t *testing.T) {
	tb := Table{
		Columns: []Column{{Name: "id"}, {Name: "name"}},
		Rows:    [][]string{{"1"}, {"2", "two", "ignored"}, nil},
	}
	var buf bytes.Buffer
	if err := RenderTable(&buf, tb, Options{Width: 40}); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(buf.String(), "ignored") {
		t.Errorf("a cell beyond the columns was printed:\n%s", buf.String())
	}
	if got := strings.Count(buf.String(), "\n"); got != 7 {
		t.Errorf("got %d lines, want 7 (3 rows, header, 3 rules):\n%s", got, buf.String())
	}
}

// TestRenderNeverWiderThanWidth renders random tables, cards and charts
// of awkward text at many widths: no line may exceed the width.
func TestRenderNeverWiderThanWidth(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range 200 {
		width := MinWidth + rng.IntN(180)
		o := Options{Width: width, MaxRows: 1 + rng.IntN(10), Color: i%5 == 0}
		var buf bytes.Buffer
		tb := randomTable(rng)
		if err := RenderTable(&buf, tb, o); err != nil {
			t.Fatal(err)
		}
		if err := RenderCard(&buf, randomCard(rng), o); err != nil {
			t.Fatal(err)
		}
		labels, values := randomChart(rng)
		if err := RenderChart(&buf, randomText(rng), labels, values, o); err != nil {
			t.Fatal(err)
		}
		assertFits(t, buf.String(), width)
		if t.Failed() {
			t.Fatalf("case %d, width %d:\n%s", i, width, buf.String())
		}
	}
}

// pieces are the awkward texts random values are made of.
var pieces = []string{"a", "Azure Interior", "日本語", "🚀", "e\u0301", "\n", "\t", "\x1b[31m",
	"1,250.50", "-3", Null, "", " ", "👩\u200d💻", "x@example.com", strings.Repeat("long", 30)}

func randomText(rng *rand.Rand) string {
	var b strings.Builder
	for range rng.IntN(6) {
		b.WriteString(pieces[rng.IntN(len(pieces))])
	}
	return b.String()
}

func randomTable(rng *rand.Rand) Table {
	tb := Table{Title: randomText(rng), Total: rng.IntN(30)}
	for range rng.IntN(12) {
		tb.Columns = append(tb.Columns, Column{
			Name: randomText(rng), Align: Align(rng.IntN(3)), Min: rng.IntN(30), Max: rng.IntN(30),
		})
	}
	for range rng.IntN(15) {
		var row []string
		for range rng.IntN(14) {
			row = append(row, randomText(rng))
		}
		tb.Rows = append(tb.Rows, row)
	}
	return tb
}

func randomCard(rng *rand.Rand) Card {
	c := Card{Title: randomText(rng)}
	for range rng.IntN(4) {
		g := Group{Name: randomText(rng)}
		for range rng.IntN(6) {
			g.Fields = append(g.Fields, Field{Name: randomText(rng), Value: randomText(rng)})
		}
		c.Groups = append(c.Groups, g)
	}
	return c
}

func randomChart(rng *rand.Rand) ([]string, []float64) {
	n := rng.IntN(8)
	labels, values := make([]string, n), make([]float64, n)
	for i := range n {
		labels[i] = randomText(rng)
		values[i] = (rng.Float64() - 0.3) * float64(rng.IntN(1_000_000_000))
	}
	return labels, values
}
