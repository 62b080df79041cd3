package printer

import (
	"io"
	"testing"
)

func TestRenderCardGolden(t *testing.T) {
	card := func(c Card, o Options) func(io.Writer) error {
		return func(w io.Writer) error { return RenderCard(w, c, o) }
	}
	runGolden(t, []goldenCase{
		{"card_groups_100", 100, card(partnerCard(), Options{})},
		{"card_narrow_40", 40, card(partnerCard(), Options{Width: 40})},
		{"card_wide_160", 160, card(partnerCard(), Options{Width: 160})},
		{"card_empty", 100, card(Card{Title: "res.partner()"}, Options{})},
		{"card_color", 100, card(partnerCard(), Options{Color: true})},
	})
}
