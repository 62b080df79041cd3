// errors.As and errors.Is with declared error types, wrapping with %w.
package main

import (
	"errors"
	"fmt"
	"io/fs"
)

type NotFound struct {
	Model string
	ID    int
}

func (e *NotFound) Error() string { return fmt.Sprintf("%s(%d) not found", e.Model, e.ID) }

type Code int

func (c Code) Error() string { return fmt.Sprintf("code %d", int(c)) }

var ErrAccess = errors.New("access denied")

func find(id int) error {
	switch id {
	case 1:
		return nil
	case 2:
		return fmt.Errorf("find %d: %w", id, &NotFound{"res.partner", id})
	case 3:
		return fmt.Errorf("outer: %w", fmt.Errorf("inner: %w", ErrAccess))
	case 4:
		return Code(404)
	}
	return errors.Join(ErrAccess, &NotFound{"res.users", id})
}

func main() {
	for id := 1; id <= 5; id++ {
		err := find(id)
		var nf *NotFound
		var c Code
		fmt.Printf("%d: %v | as NotFound=%v", id, err, errors.As(err, &nf))
		if nf != nil {
			fmt.Printf(" (%s %d)", nf.Model, nf.ID)
		}
		fmt.Printf(" | is access=%v | as Code=%v %d\n", errors.Is(err, ErrAccess), errors.As(err, &c), c)
	}
	err := find(2)
	fmt.Println(errors.Unwrap(err) != nil, errors.Unwrap(errors.Unwrap(err)) == nil)
	fmt.Println(errors.Is(fmt.Errorf("x: %w", fs.ErrNotExist), fs.ErrNotExist))
	var target *NotFound
	if errors.As(find(5), &target) {
		fmt.Println("joined:", target)
	}
}
