// Type switches, including case error, case nil and several types in one
// case.
package main

import (
	"errors"
	"fmt"
	"strconv"
)

type myErr struct{ code int }

func (e myErr) Error() string { return "my error " + strconv.Itoa(e.code) }

type celsius float64

func describe(v any) string {
	switch x := v.(type) {
	case nil:
		return "nil"
	case int, int64:
		return fmt.Sprintf("integer %v (%T)", x, x)
	case string:
		return "string of " + strconv.Itoa(len(x))
	case myErr:
		return fmt.Sprintf("myErr code=%d", x.code)
	case error:
		return "error: " + x.Error()
	case fmt.Stringer:
		return "stringer " + x.String()
	case []any:
		s := "list:"
		for _, e := range x {
			s += " " + describe(e)
		}
		return s
	case func() int:
		return "func giving " + strconv.Itoa(x())
	case celsius:
		return fmt.Sprintf("%.1f°C", float64(x))
	default:
		return fmt.Sprintf("other %T", x)
	}
}

func main() {
	vals := []any{nil, 1, int64(2), "héllo", myErr{7}, errors.New("plain"), fmt.Errorf("wrapped: %w", myErr{1}),
		[]any{1, "a"}, func() int { return 5 }, celsius(21.5), 3.5, map[string]int{}}
	for _, v := range vals {
		fmt.Println(describe(v))
	}
	var err error = myErr{2}
	if e, ok := err.(myErr); ok {
		fmt.Println("asserted", e.code)
	}
	_, ok := err.(fmt.Stringer)
	fmt.Println(ok)
}
