package shell

import (
	"bytes"
	"strings"
	"testing"
	"time"
)

// TestProgressLongStep checks that a step still running when the delay
// passes is shown (the demo data load used to run silently), and the
// steps after it as they start.
func TestProgressLongStep(t *testing.T) {
	var out bytes.Buffer
	p := newProgress(&out, "odsh", time.Hour)
	p.step("schema of base")
	p.step("demo data of demo (large)")
	if out.Len() != 0 {
		t.Fatalf("printed before the delay: %q", out.String())
	}
	p.showLast() // the timer fires
	p.step("indexes")
	p.done()
	got := out.String()
	want := "odsh: demo data of demo (large)\nodsh: indexes\nodsh: ready in "
	if !strings.HasPrefix(got, want) {
		t.Errorf("got %q, want it to start with %q", got, want)
	}
}

// TestProgressQuick checks that a quick install prints nothing.
func TestProgressQuick(t *testing.T) {
	var out bytes.Buffer
	p := newProgress(&out, "odsh", time.Hour)
	p.step("schema of base")
	p.done()
	if out.Len() != 0 {
		t.Errorf("got %q, want nothing", out.String())
	}
}
