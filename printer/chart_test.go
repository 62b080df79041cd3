package printer

import (
	"io"
	"math"
	"testing"
)

func TestRenderChartGolden(t *testing.T) {
	chart := func(title string, labels []string, values []float64, o Options) func(io.Writer) error {
		return func(w io.Writer) error { return RenderChart(w, title, labels, values, o) }
	}
	const title = "amount_total by partner_id"
	runGolden(t, []goldenCase{
		{"chart_negative_80", 80, chart(title, orderChart.labels, orderChart.values, Options{Width: 80})},
		{"chart_narrow_40", 40, chart(title, orderChart.labels, orderChart.values, Options{Width: 40})},
		{"chart_wide_160", 160, chart(title, orderChart.labels, orderChart.values, Options{Width: 160})},
		{"chart_positive", 60, chart("count by state", []string{"draft", "sent", "sale", "cancel"}, []float64{120, 45, 300, 1}, Options{Width: 60})},
		{"chart_all_negative", 60, chart("balance", []string{"a", "b"}, []float64{-10, -2.5}, Options{Width: 60})},
		{"chart_nan_zero", 60, chart("odd values", []string{"zero", "nan", "inf", "one"}, []float64{0, math.NaN(), math.Inf(1), 1}, Options{Width: 60})},
		{"chart_all_zero", 60, chart("", []string{"a", "b"}, []float64{0, 0}, Options{Width: 60})},
		{"chart_huge", 40, chart("huge", []string{"big", "small"}, []float64{1e300, -1e18}, Options{Width: 40})},
		{"chart_empty", 60, chart(title, nil, nil, Options{Width: 60})},
	})
}

func TestRenderChartMismatch(t *testing.T) {
	err := RenderChart(io.Discard, "x", []string{"a"}, nil, Options{})
	if err == nil {
		t.Fatal("got nil error for 1 label and 0 values, want an error")
	}
}
