// A value of a declared type with MarshalJSON passed as any to a helper
// that encodes it (yaegi read it again in the helper's frame: reflect.Set
// panic), and an error value checked by a helper with errors.As.
package main

import (
	"encoding/json"
	"errors"
	"fmt"
)

type Money int64

func (m Money) MarshalJSON() ([]byte, error) {
	return []byte(fmt.Sprintf(`"%d.%02d"`, m/100, m%100)), nil
}

type E struct{ Code int }

func (e E) Error() string { return fmt.Sprint("code ", e.Code) }

func dump(x any) {
	a, b, c := 100, 200, 300
	_, _, _ = a, b, c
	out, err := json.Marshal(x)
	fmt.Println(string(out), err)
}

func check(err error) {
	q := 5
	_ = q
	var e E
	fmt.Println(errors.As(err, &e), e.Code, err)
}

func main() {
	for i := 1; i < 3; i++ {
		m := Money(i)
		dump(m)
	}
	check(E{7})
}
