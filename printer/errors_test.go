package printer_test

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"odsh/orm"
	"odsh/printer"
)

// panicked returns what recover gives for a panic with v, through Recovered.
func panicked(f func()) (err error) {
	defer func() { err = printer.Recovered(recover()) }()
	f()
	return nil
}

// errorCases are errors of every kind the shell meets.
func errorCases() []error {
	cause := errors.New("pq: duplicate key")
	var ids []int64
	for i := int64(1); i <= 12; i++ {
		ids = append(ids, i)
	}
	return []error{
		&orm.ValidationError{ErrorInfo: orm.ErrorInfo{Model: "res.partner", Field: "email", Value: "x", HasValue: true, Msg: "not a valid email"}},
		&orm.ValidationError{ErrorInfo: orm.ErrorInfo{Model: "res.partner", Field: "date", Value: time.Date(2026, 2, 30, 0, 0, 0, 0, time.UTC), HasValue: true, Msg: "bad date"}},
		&orm.UserError{ErrorInfo: orm.ErrorInfo{Model: "res.company", Msg: "cannot delete: other records still refer to it", IDs: []int64{1}}},
		&orm.AccessError{ErrorInfo: orm.ErrorInfo{Model: "res.users", Msg: "you are not allowed to modify this document", IDs: ids}},
		&orm.MissingError{ErrorInfo: orm.ErrorInfo{Model: "res.partner", IDs: []int64{7}, Msg: "record does not exist or has been deleted"}},
		&orm.ConcurrencyError{ErrorInfo: orm.ErrorInfo{Err: errors.New("could not serialize access due to concurrent update")}},
		&orm.CancelledError{ErrorInfo: orm.ErrorInfo{Msg: "statement cancelled"}},
		&orm.ValidationError{ErrorInfo: orm.ErrorInfo{Model: "res.lang", Field: "code", Value: nil, HasValue: true, Msg: "the code must be unique", Err: cause}},
		&orm.ValidationError{ErrorInfo: orm.ErrorInfo{Model: "res.partner", Field: "name", Value: strings.Repeat("long\n", 30), HasValue: true, Msg: "too long"}},
		fmt.Errorf("line 3: %w", &orm.UserError{ErrorInfo: orm.ErrorInfo{Msg: "nothing to do"}}),
		errors.New("open /tmp/x.odsh: no such file or directory"),
		panicked(func() { panic("boom") }),
		panicked(func() { var xs []int; _ = xs[3] }),
		panicked(func() { panic(&orm.UserError{ErrorInfo: orm.ErrorInfo{Msg: "refused"}}) }),
	}
}

func TestFormatError(t *testing.T) {
	var out bytes.Buffer
	for _, err := range errorCases() {
		line := printer.FormatError(err)
		if strings.Contains(line, "\n") {
			t.Errorf("FormatError(%v) spans several lines", err)
		}
		fmt.Fprintln(&out, line)
	}
	printer.CheckGolden(t, "errors", out.Bytes(), 1000)
}

func TestShowError(t *testing.T) {
	var out bytes.Buffer
	for _, err := range errorCases()[:4] {
		if e := printer.Show(&out, err, printer.Options{Width: 40}); e != nil {
			t.Fatal(e)
		}
	}
	printer.CheckGolden(t, "errors_show_40", out.Bytes(), 40)
}

func TestIsInternal(t *testing.T) {
	for i, tc := range []struct {
		err  error
		want bool
	}{
		{nil, false},
		{errors.New("plain"), false},
		{&orm.UserError{}, false},
		{panicked(func() { panic("boom") }), true},
		{panicked(func() { var m map[string]int; m["x"] = 1 }), true},
		{panicked(func() { panic(&orm.MissingError{}) }), false},
		{fmt.Errorf("wrapped: %w", panicked(func() { panic(errors.New("bug")) })), true},
	} {
		if got := printer.IsInternal(tc.err); got != tc.want {
			t.Errorf("case %d (%v): got %v, want %v", i, tc.err, got, tc.want)
		}
	}
	var ie *printer.InternalError
	if err := panicked(func() { panic("boom") }); !errors.As(err, &ie) || !bytes.Contains(ie.Stack, []byte("errors_test.go")) {
		t.Errorf("got %v, want an InternalError whose stack shows the panic", err)
	}
}

type point struct{ X, Y int }

func TestShowOther(t *testing.T) {
	var out bytes.Buffer
	many := make([]int64, 60)
	for i := range many {
		many[i] = int64(i + 1)
	}
	for _, v := range []any{
		nil, 42, 12.5, true, "hello\nworld", time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC),
		[]string{"a", "b"}, many, point{1, 2}, []point{{1, 2}},
		strings.Repeat("x", 70), map[string]any{"name": "Acme", "id": 3},
	} {
		if err := printer.Show(&out, v, printer.Options{Width: 40, MaxRows: 5}); err != nil {
			t.Fatal(err)
		}
	}
	printer.CheckGolden(t, "other_40", out.Bytes(), 40)
}
