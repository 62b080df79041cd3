// An assertion to an interface type literal: refused (yaegi matches no
// compiled value against it).
package main

import (
	"errors"
	"fmt"
)

func main() {
	err := fmt.Errorf("wrapped: %w", errors.New("inner"))
	if u, ok := err.(interface{ Unwrap() error }); ok {
		fmt.Println(u.Unwrap())
	}
}
