package repl

import (
	"context"
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/traefik/yaegi/interp"
)

// fakeUserError stands for a typed ORM error panicked by compiled code.
type fakeUserError struct{ Model string }

func (e *fakeUserError) Error() string { return "orm: " + e.Model + ": refused" }

func hostExports() interp.Exports {
	return interp.Exports{"example.com/host/host": {
		"Fail":    reflect.ValueOf(func(model string) int { panic(&fakeUserError{Model: model}) }),
		"Apply":   reflect.ValueOf(func(f func(int) int, x int) int { return f(x) }),
		"Counter": reflect.ValueOf(new(int)).Elem(),
	}}
}

func TestPanickedErrorIsReturnedAsIs(t *testing.T) {
	in, _ := newTestInterp(t)
	if err := in.Use(hostExports()); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	if _, err := in.Eval(ctx, `import "example.com/host"`); err != nil {
		t.Fatal(err)
	}
	tests := []struct{ name, src string }{
		{"direct call", `host.Fail("res.partner")`},
		{"inside loop", `for i := range 2 { _ = host.Fail("res.partner") }`},
		{"inside callback", `host.Apply(func(x int) int { return host.Fail("res.partner") }, 1)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := in.Eval(ctx, tt.src)
			var ue *fakeUserError
			if !errors.As(err, &ue) || ue.Model != "res.partner" {
				t.Fatalf("got %T %v, want *fakeUserError for res.partner", err, err)
			}
			if res, err := in.Eval(ctx, "host.Apply(func(x int) int { return x + 1 }, 1)"); err != nil || show(res) != "2" {
				t.Fatalf("interpreter after error: got %v, %v; want 2", res, err)
			}
		})
	}
}

func TestBind(t *testing.T) {
	in, _ := newTestInterp(t)
	ctx := context.Background()
	type envLike struct{ UID int }
	if err := in.Bind("env", &envLike{UID: 1}); err != nil {
		t.Fatal(err)
	}
	steps := []struct{ src, want string }{
		{"env.UID", "1"},
		{"env = &(*env); env.UID = 7", ""},
		{"env.UID", "7"},
		{"old := env; env = nil; env == nil && old != nil", "true"},
	}
	for _, s := range steps {
		res, err := in.Eval(ctx, s.src)
		if err != nil || show(res) != s.want {
			t.Fatalf("Eval(%q) = %q, %v; want %q", s.src, show(res), err, s.want)
		}
	}
	if err := in.Bind("answer", nil); err != nil {
		t.Fatal(err)
	}
	if res, err := in.Eval(ctx, "answer = 42; answer"); err != nil || show(res) != "42" {
		t.Fatalf("reassigning a nil binding: got %q, %v", show(res), err)
	}
	if err := in.Bind("not valid", 1); err == nil {
		t.Fatal("Bind accepted a bad name")
	}
}

func TestEvalCancel(t *testing.T) {
	in, _ := newTestInterp(t)
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	_, err := in.Eval(ctx, "for {}")
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("got %v, want context.DeadlineExceeded", err)
	}
	res, err := in.Eval(context.Background(), "1 + 1")
	if err != nil || show(res) != "2" {
		t.Fatalf("after cancel: got %q, %v; want 2", show(res), err)
	}
}

func TestGoPanicCallback(t *testing.T) {
	got := make(chan error, 1)
	in, err := New(Options{GoPanic: func(err error) { got <- err }})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := in.Eval(context.Background(), `var m map[int]int; go func() { m[1] = 1 }()`); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-got:
		if !strings.Contains(err.Error(), "nil map") {
			t.Fatalf("got %v, want a nil map error", err)
		}
	case <-time.After(hangGuard):
		t.Fatal("no goroutine panic reported")
	}
}

func BenchmarkNew(b *testing.B) {
	for b.Loop() {
		if _, err := New(Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
