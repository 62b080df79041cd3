// min and max of values of a declared type print by its String method,
// as do generic calls' results and elements reached through a pointer.
package main

import "fmt"

type Money int64

func (m Money) String() string { return fmt.Sprintf("%d.%02d", m/100, m%100) }

func Sum[T ~int64](xs ...T) T {
	var s T
	for _, x := range xs {
		s += x
	}
	return s
}

type Wallet struct{ Items []Money }

func main() {
	fmt.Println(Sum(Money(1), Money(250)))
	m := max(Money(3), Money(9))
	fmt.Println(m, min(Money(3), Money(9)))
	w := Wallet{[]Money{5}}
	ptr := &w
	fmt.Println(ptr.Items[0])
	x := Sum(Money(2))
	fmt.Println(x)
}
